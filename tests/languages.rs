//! The samples in French, Spanish, Russian, Arabic and a second Chinese one,
//! end to end: detection, IR counts, Markdown and AKN, checked by the
//! independent checker. PDF output is covered by the PDF emitter's tests.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use common::*;
use unres::ir::{Block, Body, Inline, Lang, Resolution};
use unres::read::{self, ReadOptions};

/// What each sample was written with (counted from how it was built, not
/// from what the reader makes of it).
struct Sample {
    file: &'static str,
    lang: Lang,
    iso639_2: &'static str,
    preamble: usize,
    operative: usize,
    notes: usize,
    /// A note cited twice (or more) and how many times.
    repeated: (&'static str, usize),
    symbol: &'static str,
    adopted: &'static str,
    meeting: u32,
    committee: &'static str,
    report: &'static str,
}

const SAMPLES: [Sample; 5] = [
    Sample {
        file: "A_RES_69_215_fr.txt",
        lang: Lang::Fr,
        iso639_2: "fra",
        preamble: 5,
        operative: 5,
        notes: 4,
        repeated: ("1", 2),
        symbol: "A/RES/69/215",
        adopted: "2014-12-19",
        meeting: 75,
        committee: "Deuxième Commission",
        report: "A/69/468/Add.1",
    },
    Sample {
        file: "A_RES_69_196_es.txt",
        lang: Lang::Es,
        iso639_2: "spa",
        preamble: 4,
        operative: 6,
        notes: 3,
        repeated: ("1", 2),
        symbol: "A/RES/69/196",
        adopted: "2014-12-18",
        meeting: 73,
        committee: "Tercera Comisión",
        report: "A/69/490",
    },
    Sample {
        file: "A_RES_69_170_ru.txt",
        lang: Lang::Ru,
        iso639_2: "rus",
        preamble: 6,
        operative: 6,
        notes: 3,
        repeated: ("1", 2),
        symbol: "A/RES/69/170",
        adopted: "2014-12-18",
        meeting: 73,
        committee: "Третьего комитета",
        report: "A/69/488/Add.2",
    },
    Sample {
        file: "A_RES_69_166_ar.txt",
        lang: Lang::Ar,
        iso639_2: "ara",
        preamble: 5,
        operative: 5,
        notes: 4,
        repeated: ("2", 2),
        symbol: "A/RES/69/166",
        adopted: "2014-12-18",
        meeting: 73,
        committee: "اللجنة الثالثة",
        report: "A/69/488/Add.2",
    },
    Sample {
        file: "A_RES_69_160_zh.txt",
        lang: Lang::Zh,
        iso639_2: "zho",
        preamble: 5,
        operative: 5,
        notes: 5,
        repeated: ("2", 3),
        symbol: "A/RES/69/160",
        adopted: "2014-12-18",
        meeting: 73,
        committee: "第三委员会",
        report: "A/69/485",
    },
];

fn path(s: &Sample) -> PathBuf {
    root().join("samples").join(s.file)
}

fn read_sample(s: &Sample, opts: &ReadOptions) -> Resolution {
    let text = fs::read_to_string(path(s)).expect("sample present");
    read::text::read(&text, opts)
        .map(|(r, _)| r)
        .unwrap_or_else(|e| panic!("{}: {e}", s.file))
}

fn all_citations(res: &Resolution, marker: &str) -> usize {
    let mut n = 0;
    res.each_note_ref(&mut |m| n += usize::from(m == marker));
    n
}

#[test]
fn each_sample_is_detected_and_reads_to_what_was_written() {
    for s in &SAMPLES {
        let res = read_sample(s, &ReadOptions::default());
        assert_eq!(res.meta.lang, s.lang, "{}", s.file);
        assert_eq!(res.meta.body, Body::GeneralAssembly, "{}", s.file);
        assert_eq!(res.preamble.len(), s.preamble, "{} preamble", s.file);
        assert_eq!(res.body.len(), s.operative, "{} operative", s.file);
        assert_eq!(res.notes.len(), s.notes, "{} notes", s.file);
        let markers: Vec<String> = (1..=s.notes).map(|n| n.to_string()).collect();
        let got: Vec<&str> = res.notes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(got, markers, "{} notes in order of first citation", s.file);
        assert!(
            res.notes.iter().all(|n| !n.content.is_empty()),
            "{}",
            s.file
        );
        assert_eq!(
            all_citations(&res, s.repeated.0),
            s.repeated.1,
            "{} note {} citations",
            s.file,
            s.repeated.0
        );
        // Operative paragraphs are numbered 1..N, whatever the printed form.
        for (i, b) in res.body.iter().enumerate() {
            let Block::Paragraph(p) = b else {
                panic!("{}: heading in the body", s.file)
            };
            let num = p.num.as_deref().unwrap_or("");
            let digits: String = num.chars().filter(char::is_ascii_digit).collect();
            assert_eq!(digits, (i + 1).to_string(), "{} paragraph {num}", s.file);
        }
        assert_eq!(res.meta.symbol, s.symbol, "{}", s.file);
        assert_eq!(
            res.meta.adopted.map(|d| d.to_string()).as_deref(),
            Some(s.adopted),
            "{}",
            s.file
        );
        assert_eq!(
            res.meta.meeting.as_ref().map(|m| m.number),
            Some(s.meeting),
            "{}",
            s.file
        );
        assert_eq!(
            res.meta.committee.as_deref(),
            Some(s.committee),
            "{}",
            s.file
        );
        assert_eq!(res.meta.reports, vec![s.report.to_string()], "{}", s.file);
        assert!(!res.meta.title.is_empty(), "{}", s.file);
    }
}

#[test]
fn lang_option_overrides_detection() {
    let fr = &SAMPLES[0];
    let text = fs::read_to_string(path(fr)).unwrap();
    // Read as Spanish, the French formula is no formula at all.
    let err = read::text::read(
        &text,
        &ReadOptions {
            lang: Some(Lang::Es),
            ..ReadOptions::default()
        },
    );
    assert!(
        err.is_err(),
        "a Spanish profile must not read the French text"
    );
    let out = unres(&["inspect", "--lang", "fr", path(fr).to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meta"]["lang"], "fr");
}

/// Arabic text printed with Arabic-Indic digits in the title, the paragraph
/// numbers, the meeting and the date reads to the same structure, and the
/// digits are kept as printed.
#[test]
fn arabic_indic_digits_are_understood_and_kept() {
    let ar = &SAMPLES[3];
    let text = fs::read_to_string(path(ar)).unwrap();
    let indic = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap(),
                _ => c,
            })
            .collect()
    };
    let converted: String = text
        .lines()
        .map(|l| {
            let t = l.trim_start();
            let starts_number = t
                .split_once(" - ")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit() || c == '/'));
            if starts_number || t.starts_with("الجلسة") || t.ends_with("2014 ") {
                indic(l)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        converted.contains("٦٩/١٦٦ - "),
        "the title number was converted"
    );
    let (res, _) = read::text::read(&converted, &ReadOptions::default()).expect("reads");
    assert_eq!(res.meta.lang, Lang::Ar);
    assert_eq!((res.meta.session, res.meta.number), (Some(69), Some(166)));
    assert_eq!(res.preamble.len(), ar.preamble);
    assert_eq!(res.body.len(), ar.operative);
    assert_eq!(res.notes.len(), ar.notes);
    assert_eq!(
        res.meta.adopted.map(|d| d.to_string()).as_deref(),
        Some(ar.adopted)
    );
    assert_eq!(
        res.meta.meeting.as_ref().map(|m| m.number),
        Some(ar.meeting)
    );
    let Block::Paragraph(p) = &res.body[4] else {
        panic!("paragraph")
    };
    assert_eq!(p.num.as_deref(), Some("٥ -"));
    assert_eq!(res.meta.title_num, "٦٩/١٦٦ -");
    assert_eq!(
        res.conclusions,
        vec!["الجلسة العامة ٧٣", "١٨ كانون الأول/ديسمبر ٢٠١٤"],
        "closing lines kept with their digits as printed"
    );
}

#[test]
fn each_sample_converts_to_valid_conventional_akn_and_keeps_every_token() {
    for s in &SAMPLES {
        let (dir, out) = convert(&path(s), "md,akn");
        assert!(
            out.status.success(),
            "{}: {}",
            s.file,
            String::from_utf8_lossy(&out.stderr)
        );
        let stem = s.file.trim_end_matches(".txt");
        let md = dir.path().join(format!("{stem}.md"));
        let xml = dir.path().join(format!("{stem}.xml"));
        let md_text = fs::read_to_string(&md).expect("markdown written");
        assert!(md_text.contains(&format!("language: {}", s.lang.iso639_1())));
        let xml_text = fs::read_to_string(&xml).expect("AKN written");
        assert!(
            xml_text.contains(&format!("<FRBRlanguage language=\"{}\"/>", s.iso639_2)),
            "{}: FRBRlanguage",
            s.file
        );

        let Some(shared) = shared("each_sample_converts_to_valid_conventional_akn") else {
            continue;
        };
        if have("xmllint", "xmllint schema check") {
            let v = Command::new("xmllint")
                .args(["--noout", "--nonet", "--schema"])
                .arg(shared.join("schema/akomantoso30.xsd"))
                .arg(&xml)
                .output()
                .unwrap();
            assert!(
                v.status.success(),
                "{}: {}",
                s.file,
                String::from_utf8_lossy(&v.stderr)
            );
        }
        if !have("python3", "unres-check") {
            continue;
        }
        let check = shared.join("tools/unres-check");
        let akn = Command::new(&check).arg("akn").arg(&xml).output().unwrap();
        assert!(
            akn.status.success(),
            "{}: {}",
            s.file,
            String::from_utf8_lossy(&akn.stdout)
        );
        let kept = Command::new(&check)
            .arg("preserved")
            .arg(path(s))
            .arg(&md)
            .arg(&xml)
            .output()
            .unwrap();
        assert!(
            kept.status.success(),
            "{}: {}",
            s.file,
            String::from_utf8_lossy(&kept.stdout)
        );
    }
}

#[test]
fn each_sample_prints_to_pdf_keeping_every_token() {
    let test = "each_sample_prints_to_pdf_keeping_every_token";
    let Some(shared) = shared(test) else {
        return;
    };
    if !have("pdftotext", test) || !have("python3", test) {
        return;
    }
    for s in &SAMPLES {
        let (dir, out) = convert(&path(s), "pdf");
        let err = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() && err.contains("font") {
            skip(test, &err);
            return;
        }
        assert!(out.status.success(), "{}: {err}", s.file);
        let pdf = dir.path().join(s.file.replace(".txt", ".pdf"));
        let kept = Command::new(shared.join("tools/unres-check"))
            .arg("preserved")
            .arg(path(s))
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(
            kept.status.success(),
            "{}: {}",
            s.file,
            String::from_utf8_lossy(&kept.stdout)
        );
    }
}

/// The French sample as printed with what its first page and last lines
/// would carry: the masthead's agenda item, and an annex after the closing
/// lines ("Annexe", its title, a paragraph).
fn french_with_masthead_and_annex() -> String {
    let text = fs::read_to_string(path(&SAMPLES[0])).expect("sample present");
    let masthead = "Nations Unies A/RES/69/215\n\nAssemblée générale Distr. générale\n\n19 février 2015\n\nSoixante-neuvième session\n\nPoint 19 b) de l'ordre du jour\n\n";
    // As the sample prints a paragraph's last line: with a trailing space.
    let annex = "\n\nAnnexe \n\nPlan d'action pour la Décennie \n\n Les États Membres sont invités à rendre compte des progrès accomplis. \n";
    format!("{masthead}{}{annex}", text.trim_end())
}

#[test]
fn a_french_annex_is_an_annex_not_a_conclusion() {
    let (res, _) = read::text::read(&french_with_masthead_and_annex(), &ReadOptions::default())
        .expect("reads");
    assert_eq!(res.meta.lang, Lang::Fr);
    assert_eq!(res.annexes.len(), 1, "{:?}", res.conclusions);
    let annex = &res.annexes[0];
    assert_eq!(annex.label, "Annexe");
    assert_eq!(
        Inline::plain_text(&annex.title),
        "Plan d'action pour la Décennie"
    );
    assert_eq!(annex.content.len(), 1);
    assert_eq!(res.conclusions, ["75e séance plénière", "19 décembre 2014"]);
    assert!(!res.conclusions.iter().any(|c| c.contains("Annexe")));
    // The closing lines still give the meeting and the date.
    assert_eq!(res.meta.meeting.as_ref().map(|m| m.number), Some(75));
    assert_eq!(
        res.meta.adopted.map(|d| d.to_string()).as_deref(),
        Some("2014-12-19")
    );
}

#[test]
fn a_french_agenda_item_is_read_from_the_masthead() {
    let (res, _) = read::text::read(&french_with_masthead_and_annex(), &ReadOptions::default())
        .expect("reads");
    let items: Vec<&str> = res
        .meta
        .agenda_items
        .iter()
        .map(|i| i.number.as_str())
        .collect();
    assert_eq!(items, ["19 b)"]);
    assert_eq!(
        res.meta.distributed.map(|d| d.to_string()).as_deref(),
        Some("2015-02-19")
    );
}

/// Sub-paragraphs as French and Spanish print them ("a)", "i)"), nested
/// under their operative paragraph.
fn labels_under_first_operative(text: &str) -> Vec<String> {
    let (res, _) = read::text::read(text, &ReadOptions::default()).expect("reads");
    let Some(Block::Paragraph(p)) = res.body.first() else {
        panic!("no operative paragraph: {:?}", res.body);
    };
    p.items
        .iter()
        .map(|i| {
            let inner: Vec<String> = i.items.iter().filter_map(|j| j.num.clone()).collect();
            let n = i.num.clone().unwrap_or_default();
            if inner.is_empty() {
                n
            } else {
                format!("{n}[{}]", inner.join(" "))
            }
        })
        .collect()
}

#[test]
fn french_and_spanish_sub_paragraphs_nest_under_their_paragraph() {
    let fr = "L'Assemblée générale,\n\nRappelant sa résolution 58/217,\n\n1. Prie le Secrétaire général :\n\na) De renforcer la coopération ;\n\nb) De promouvoir :\n\ni) L'accès à l'eau ;\n\nii) L'assainissement ;\n\nc) De faire rapport ;\n\n2. Décide de rester saisie de la question.\n\n75e séance plénière\n\n19 décembre 2014\n";
    assert_eq!(labels_under_first_operative(fr), ["a)", "b)[i) ii)]", "c)"]);
    let es = "La Asamblea General,\n\nRecordando su resolución 58/217,\n\n1. Solicita al Secretario General:\n\na) Que fortalezca la cooperación;\n\nb) Que promueva:\n\ni) El acceso al agua;\n\nii) El saneamiento;\n\nc) Que presente un informe;\n\n2. Decide seguir ocupándose de la cuestión.\n\n73ª sesión plenaria\n\n18 de diciembre de 2014\n";
    assert_eq!(labels_under_first_operative(es), ["a)", "b)[i) ii)]", "c)"]);
}
