//! Prints the text `read::pdf` hands to the segmentation for each PDF
//! named (with `--runs`, the positioned runs; with `--lines`, each line
//! with what the page says about it: indent, short, centred, italics,
//! the table cell it is; with `--rules`, the rules drawn, by page):
//! for looking at what the interpreter saw beside the page.

fn main() {
    let runs = std::env::args().any(|a| a == "--runs");
    let lines = std::env::args().any(|a| a == "--lines");
    let rules = std::env::args().any(|a| a == "--rules");
    for path in std::env::args().skip(1).filter(|a| !a.starts_with("--")) {
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
            Ok(x) if rules => x.drawn.iter().for_each(|r| println!("{r:?}")),
            Ok(x) if lines => {
                for l in unres::read::pdf::lines_of(&x) {
                    let g = l.facts.geometry;
                    let short = match g.short {
                        Some(true) => "S",
                        Some(false) => "-",
                        None => "?",
                    };
                    let cell = l.facts.cell.map_or(String::new(), |c| {
                        let h = if c.header { "h" } else { "" };
                        format!("[t{} r{} c{}{h}] ", c.table, c.row, c.column)
                    });
                    println!(
                        "{}{}{:>6.1} {short}{} {:?} {cell}{}",
                        if l.page_start { "\u{c}" } else { "" },
                        if l.gap_before { "\n" } else { "" },
                        g.indent,
                        if g.centred { "C" } else { " " },
                        l.facts.italic,
                        l.text
                    );
                }
            }
            Ok(x) => print!("{}", unres::read::pdf::text_of(&x)),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
