//! Arbitrary IR into the Markdown emitter; what it writes must read back
//! (a clean `Ok`: unres's Markdown always reads again), without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::emit::{markdown, EmitOptions};
use unres::read::{self, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some(res) = unres_fuzz::resolution(data) else {
        return;
    };
    let Ok(md) = markdown::write(&res, &EmitOptions::default()) else {
        return;
    };
    let md = String::from_utf8(md).expect("the Markdown emitter writes UTF-8");
    match read::markdown::read(&md, &ReadOptions::default()) {
        Ok((back, _)) => unres_fuzz::assert_canonical(&back, "markdown read back"),
        Err(e) => panic!("written Markdown does not read back: {e}\n---\n{md}\n---\n{res:?}"),
    }
});
