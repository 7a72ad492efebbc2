//! Arbitrary IR into the HTML emitter: `Ok` or a clean `Err`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::emit::{html, EmitOptions};

fuzz_target!(|data: &[u8]| {
    let Some(res) = unres_fuzz::resolution(data) else {
        return;
    };
    if let Ok(page) = html::write(&res, &EmitOptions::default()) {
        std::str::from_utf8(&page).expect("the HTML emitter writes UTF-8");
    }
});
