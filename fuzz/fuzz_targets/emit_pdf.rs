//! Arbitrary IR into the PDF emitter (fonts loaded once per process, as a
//! batch does; tagged, and PDF/A where the input's length is odd), and the
//! PDF it writes into the PDF reader: `Ok` or a clean `Err` each time,
//! never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unres::emit::pdf::PdfSetup;
use unres::read::{self, Kind, ReadOptions};

fn setup(pdf_a: bool) -> &'static PdfSetup {
    static SETUPS: [OnceLock<PdfSetup>; 2] = [OnceLock::new(), OnceLock::new()];
    SETUPS[usize::from(pdf_a)].get_or_init(|| {
        let mut s = PdfSetup::system()
            .expect("the PDF fonts (make deps: fonts-noto-core, fonts-noto-cjk)");
        s.pdf_a = pdf_a;
        s
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(res) = unres_fuzz::resolution(data) else {
        return;
    };
    if let Ok(pdf) = setup(data.len() % 2 == 1).render(&res) {
        let _ = read::read_bytes(Kind::Pdf, &pdf, &ReadOptions::default());
    }
});
