//! Arbitrary IR into the PDF emitter (fonts loaded once per process, as a
//! batch does), and the PDF it writes into the PDF reader: `Ok` or a clean
//! `Err` each time, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unres::emit::pdf::PdfSetup;
use unres::read::{self, Kind, ReadOptions};

fn setup() -> &'static PdfSetup {
    static SETUP: OnceLock<PdfSetup> = OnceLock::new();
    SETUP.get_or_init(|| {
        PdfSetup::system().expect("the PDF fonts (make deps: fonts-noto-core, fonts-noto-cjk)")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(res) = unres_fuzz::resolution(data) else {
        return;
    };
    if let Ok(pdf) = setup().render(&res) {
        let _ = read::read_bytes(Kind::Pdf, &pdf, &ReadOptions::default());
    }
});
