//! Arbitrary IR into the Akoma Ntoso emitter; what it writes must read back
//! (a clean `Ok`: unres's AKN always reads again), without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::emit::{akn, EmitOptions};
use unres::read::{self, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some(res) = unres_fuzz::resolution(data) else {
        return;
    };
    let Ok(xml) = akn::write(&res, &EmitOptions::default()) else {
        return;
    };
    let xml = String::from_utf8(xml).expect("the Akoma Ntoso emitter writes UTF-8");
    match read::akn::read(&xml, &ReadOptions::default()) {
        Ok((back, _)) => unres_fuzz::assert_canonical(&back, "akn read back"),
        Err(e) => panic!("written AKN does not read back: {e}\n---\n{xml}\n---\n{res:?}"),
    }
});
