//! Prints the text `read::pdf` hands to the segmentation for each PDF
//! named (with `--runs`, the positioned runs): for looking at what the
//! interpreter saw beside the page.

fn main() {
    let runs = std::env::args().any(|a| a == "--runs");
    for path in std::env::args().skip(1).filter(|a| a != "--runs") {
        let bytes = std::fs::read(&path).expect("readable file");
        if std::env::var_os("PDF_TEXT_TIMES").is_some() {
            let t = std::time::Instant::now();
            let doc = lopdf::Document::load_mem(&bytes).expect("loads");
            let t1 = t.elapsed();
            let mut n = 0;
            for id in doc.get_pages().values() {
                let c = doc.get_page_content(*id);
                n += lopdf::content::Content::decode(&c).map_or(0, |c| c.operations.len());
            }
            let t2 = t.elapsed();
            let _ = unres::read::pdf::extract(&bytes);
            eprintln!(
                "load {t1:?} load+decode {t2:?} ({n} ops) extract {:?}",
                t.elapsed() - t2
            );
        }
        match unres::read::pdf::extract(&bytes) {
            Ok(x) if runs => x.runs.iter().for_each(|r| println!("{r:?}")),
            Ok(x) => print!("{}", unres::read::pdf::text_of(&x)),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
