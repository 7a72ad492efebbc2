//! Arbitrary IR into the JSON emitter; the JSON must parse back into the
//! same IR (it is the IR, `unres inspect`'s output).
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::emit::{json, EmitOptions};
use unres::ir::Resolution;

fuzz_target!(|data: &[u8]| {
    let Some(res) = unres_fuzz::resolution(data) else {
        return;
    };
    let Ok(out) = json::write(&res, &EmitOptions::default()) else {
        return;
    };
    let back: Resolution = serde_json::from_slice(&out).expect("the JSON emitter writes the IR");
    assert_eq!(back, res, "JSON does not read back into the same IR");
});
