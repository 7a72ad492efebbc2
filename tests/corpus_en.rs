//! The English corpus as common extractors give it (issue: real-world
//! input). Runs whenever ../shared exists; says so when skipped.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use unres::ir::{Block, Resolution};
use unres::read::{self, ReadOptions};

/// The extractions of each English corpus PDF, pdfminer's first.
const EXTRACTORS: [&str; 5] = [
    "pdfminer",
    "pdftotext",
    "pdftotext-layout",
    "pymupdf",
    "pypdf",
];

fn corpus(shared: &Path, extractor: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(shared.join("corpus/en"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with("A_RES_") && n.ends_with(&format!(".{extractor}.txt"))
        })
        .collect();
    files.sort();
    files
}

fn read_file(p: &Path) -> Resolution {
    let text = fs::read_to_string(p).unwrap();
    read::text::read(&text, &ReadOptions::default())
        .map(|(r, _)| r)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Operative paragraphs numbered "N." in the body.
fn operative_count(r: &Resolution) -> usize {
    r.body
        .iter()
        .filter(|b| match b {
            Block::Paragraph(p) => p.num.as_deref().is_some_and(|n| {
                n.ends_with('.') && n[..n.len() - 1].bytes().all(|c| c.is_ascii_digit())
            }),
            _ => false,
        })
        .count()
}

fn check(shared: &Path, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = Command::new(shared.join("tools/unres-check"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn pdfminer_and_pdftotext_give_valid_faithful_akn_and_markdown() {
    let Some(shared) = shared("pdfminer_and_pdftotext_give_valid_faithful_akn_and_markdown") else {
        return;
    };
    if !have("xmllint", "corpus") || !have("python3", "corpus") {
        return;
    }
    let mut inputs = corpus(&shared, "pdfminer");
    inputs.extend(corpus(&shared, "pdftotext"));
    assert_eq!(inputs.len(), 40, "20 resolutions, two extractors");
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["convert".to_string()];
    args.extend(inputs.iter().map(|p| p.to_string_lossy().into_owned()));
    args.extend(["--to", "md,akn", "-o", dir.path().to_str().unwrap(), "-q"].map(String::from));
    let out = unres(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let xmls: Vec<PathBuf> = inputs
        .iter()
        .map(|p| {
            dir.path()
                .join(format!("{}.xml", p.file_stem().unwrap().to_string_lossy()))
        })
        .collect();
    let mut akn_args: Vec<&std::ffi::OsStr> = vec!["akn".as_ref()];
    akn_args.extend(xmls.iter().map(|p| p.as_os_str()));
    let (ok, report) = check(&shared, &akn_args);
    assert!(ok, "{report}");

    for (input, xml) in inputs.iter().zip(&xmls) {
        let md = xml.with_extension("md");
        let (ok, report) = check(
            &shared,
            &[
                "preserved".as_ref(),
                "--min=99.9".as_ref(),
                input.as_os_str(),
                md.as_os_str(),
                xml.as_os_str(),
            ],
        );
        assert!(ok, "{report}");

        // FRBR: number from the symbol, date from "Resolution adopted … on".
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let parts: Vec<&str> = name
            .trim_start_matches("A_RES_")
            .split(['_', '-'])
            .collect();
        let number = format!("{}-{}", parts[0], parts[1]);
        let akn = fs::read_to_string(xml).unwrap();
        assert!(
            akn.contains(&format!("<FRBRnumber value=\"{number}\"")),
            "{name}: FRBRnumber"
        );
        let text = fs::read_to_string(input).unwrap();
        let adopted = adoption_date(&text).unwrap_or_else(|| panic!("{name}: no adoption line"));
        let work = akn.split("</FRBRWork>").next().unwrap();
        assert!(
            work.contains(&format!("<FRBRdate date=\"{adopted}\" name=\"adoption\"/>")),
            "{name}: adoption FRBRdate {adopted}"
        );
    }
}

/// The date of "Resolution adopted by the General Assembly on 19 December
/// 2023", read independently of the reader.
fn adoption_date(text: &str) -> Option<String> {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = flat.find("Resolution adopted by the General Assembly")?;
    let rest = &flat[at..];
    let on = rest.find(" on ")?;
    let words: Vec<&str> = rest[on + 4..].split(' ').take(3).collect();
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = months.iter().position(|m| *m == words[1])? + 1;
    Some(format!(
        "{}-{m:02}-{:02}",
        words[2],
        words[0].parse::<u32>().ok()?
    ))
}

#[test]
fn every_extractor_gives_the_same_operative_paragraphs() {
    let Some(shared) = shared("every_extractor_gives_the_same_operative_paragraphs") else {
        return;
    };
    let mut differ = BTreeMap::new();
    for f in corpus(&shared, "pdfminer") {
        let want = operative_count(&read_file(&f));
        assert!(want > 0, "{}", f.display());
        let base = f
            .to_string_lossy()
            .trim_end_matches(".pdfminer.txt")
            .to_string();
        for x in &EXTRACTORS[1..] {
            let twin = PathBuf::from(format!("{base}.{x}.txt"));
            let got = operative_count(&read_file(&twin));
            if got != want {
                differ.insert(twin.display().to_string(), (got, want));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "operative paragraphs (got, pdfminer): {differ:#?}"
    );
}

#[test]
fn security_council_resolutions_have_meeting_and_date() {
    let Some(shared) = shared("security_council_resolutions_have_meeting_and_date") else {
        return;
    };
    let dir = shared.join("corpus/sc/en");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6);
    for f in files {
        let r = read_file(&f);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(r.meta.body, unres::ir::Body::SecurityCouncil, "{name}");
        let meeting = r
            .meta
            .meeting
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no meeting"));
        let text = fs::read_to_string(&f).unwrap();
        assert!(text.contains(&format!("{}", meeting.number)), "{name}");
        let date = r
            .meta
            .adopted
            .map(|d| d.to_string())
            .unwrap_or_else(|| panic!("{name}: no date"));
        let year = name
            .split('_')
            .nth(3)
            .unwrap()
            .trim_end_matches("-EN.gold.txt");
        assert!(date.starts_with(year), "{name}: {date}");
        let num: u32 = name.split('_').nth(2).unwrap().parse().unwrap();
        assert_eq!(r.meta.number, Some(num), "{name}");
    }
}

#[test]
fn budget_table_of_78_249_comes_out_as_a_table() {
    let Some(shared) = shared("budget_table_of_78_249_comes_out_as_a_table") else {
        return;
    };
    // pdftotext's layout mode keeps the columns apart; the table is read
    // as rows of cells, and every figure of the page stays.
    let input = shared.join("corpus/en/A_RES_78_249-EN.pdftotext-layout.txt");
    let r = read_file(&input);
    let tables: Vec<&unres::ir::Table> = r
        .annexes
        .iter()
        .flat_map(|a| &a.content)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1);
    let cells: Vec<String> = tables[0]
        .rows
        .iter()
        .flatten()
        .map(|c| unres::ir::Inline::plain_text(c))
        .collect();
    assert!(tables[0].rows.len() >= 10, "{cells:?}");
    for figure in ["63 930 800", "(2 061 900)", "55 107 500", "25 176 900"] {
        assert!(
            cells.iter().any(|c| c == figure),
            "{figure} not a cell: {cells:?}"
        );
    }
    let with_three = tables[0].rows.iter().filter(|r| r.len() == 3).count();
    assert!(with_three >= 8, "rows of label, gross, net: {with_three}");
}

#[test]
fn every_note_of_every_extraction_is_cited_where_printed() {
    let Some(shared) = shared("every_note_of_every_extraction_is_cited_where_printed") else {
        return;
    };
    // A note the reader cannot place is attached at the end with a warning:
    // none of the corpus may need that, in any extractor's text.
    let mut unplaced = Vec::new();
    for x in EXTRACTORS {
        for f in corpus(&shared, x) {
            let text = fs::read_to_string(&f).unwrap();
            let (r, warnings) = read::text::read(&text, &ReadOptions::default()).unwrap();
            assert!(
                !r.notes.is_empty() || !text.contains("____"),
                "{}",
                f.display()
            );
            for w in warnings.iter().filter(|w| {
                matches!(
                    w.code(),
                    "note-without-citation" | "citation-without-note" | "citation-not-found"
                )
            }) {
                unplaced.push(format!("{}: {w}", f.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(unplaced.is_empty(), "{unplaced:#?}");
}

/// Letters and digits, lower case: a running head compared with the title
/// however it was spaced, wrapped or punctuated.
fn squashed(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Running heads print the title, or part of it, and nothing else: a body
/// line taken for one is text lost from the resolution ("consumer product
/// safety." at a page top of 80/119; a line quoting the title after the
/// symbol in 78/154 and 78/328), a line counted twice a head that never
/// was (79/214). Every extraction of the English corpus and the 200 dev
/// texts; the known gap: pypdf and PyMuPDF of 78/128 move heads to page
/// bottoms, where a body line quoting the title joins them.
#[test]
fn running_heads_print_only_the_title() {
    let Some(shared) = shared("running_heads_print_only_the_title") else {
        return;
    };
    const KNOWN: &[&str] = &["A_RES_78_128-EN.pymupdf.txt", "A_RES_78_128-EN.pypdf.txt"];
    let mut files: Vec<PathBuf> = Vec::new();
    for x in EXTRACTORS {
        files.extend(corpus(&shared, x));
    }
    let mut dev: Vec<PathBuf> = fs::read_dir(shared.join("corpus/en-dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".pdftotext.txt"))
        .collect();
    dev.sort();
    assert_eq!(dev.len(), 200);
    files.extend(dev);
    let (mut heads, mut wrong) = (0, Vec::new());
    for f in &files {
        let r = read_file(f);
        let title = squashed(&r.meta.title);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let bad = r
            .meta
            .running_heads
            .iter()
            .filter(|h| !title.contains(&squashed(h)))
            .count();
        heads += r.meta.running_heads.len();
        if (bad > 0) != KNOWN.contains(&name.as_str()) {
            wrong.push(format!("{name}: {bad} heads not in the title"));
        }
    }
    assert!(heads > 2000, "{heads} heads read");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
