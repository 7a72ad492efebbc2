//! The done-when check of lossless round trips: for every sample (and every
//! corpus text the text reader converts), `unres inspect X.txt`,
//! `unres inspect OUT/X.md` and `unres inspect OUT/X.xml` print the same
//! bytes. Also: hand-edited Markdown reads, wrong shapes say where.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use unres::ir::{Block, Inline};
use unres::read::{self, ReadOptions};
use unres::ReadError;

fn inspect(path: &Path) -> Option<Vec<u8>> {
    let out = unres(&["inspect", path.to_str().expect("utf-8 path")]);
    out.status.success().then_some(out.stdout)
}

/// Converts `txt` and compares the three inspections; `None` when the text
/// reader refuses the input.
fn check(txt: &Path) -> Option<()> {
    let want = inspect(txt)?;
    let (dir, out) = convert(txt, "md,akn");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = txt.file_stem().unwrap().to_str().unwrap();
    for ext in ["md", "xml"] {
        let p = dir.path().join(format!("{stem}.{ext}"));
        let got = inspect(&p).unwrap_or_else(|| panic!("{} does not read back", p.display()));
        assert!(
            got == want,
            "{}: inspect differs from the .txt's",
            p.display()
        );
    }
    Some(())
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn samples_round_trip_through_markdown_and_akn() {
    let mut files = Vec::new();
    txt_files(&root().join("samples"), &mut files);
    assert!(!files.is_empty());
    for f in &files {
        check(f).unwrap_or_else(|| panic!("{} does not convert", f.display()));
    }
}

#[test]
fn corpus_round_trips_through_markdown_and_akn() {
    let Some(shared) = shared("corpus_round_trips_through_markdown_and_akn") else {
        return;
    };
    // The reference and the English extraction closest to it; the other
    // extractions of the same PDFs add time, not shapes.
    let mut files = vec![shared.join("corpus/zh/A_RES_59_159.txt")];
    let mut en = Vec::new();
    txt_files(&shared.join("corpus/en"), &mut en);
    files.extend(
        en.into_iter()
            .filter(|p| p.to_string_lossy().ends_with(".pdfminer.txt")),
    );
    txt_files(&shared.join("corpus/sc"), &mut files);
    let mut done = 0;
    for f in &files {
        if check(f).is_some() {
            done += 1;
        }
    }
    eprintln!(
        "round trip: {done} of {} corpus texts convert today, all identical",
        files.len()
    );
    assert!(done >= 1, "not even the reference converted");
}

fn reference_md() -> String {
    let (dir, out) = convert(&reference(), "md");
    assert!(out.status.success());
    fs::read_to_string(dir.path().join("A_RES_59_159.md")).unwrap()
}

#[test]
fn hand_edited_markdown_reads() {
    let md = reference_md();
    let (before, _) = read::markdown::read(&md, &ReadOptions::default()).unwrap();
    // A user adds a preambular paragraph (with *emphasis*), changes a
    // footnote and wraps a long operative paragraph over two lines.
    let edited = md
        .replacen(
            "[unres:operative]: #",
            "*Noting* the added paragraph,\n\n[unres:operative]: #",
            1,
        )
        .replacen("[^9]: A/59/205。", "[^9]: A/59/205 and Corr.1。", 1)
        .replacen("2. ", "2. First half\nsecond half ", 1);
    let (after, _) = read::markdown::read(&edited, &ReadOptions::default()).unwrap();
    assert_eq!(after.preamble.len(), before.preamble.len() + 1);
    let Some(Block::Paragraph(added)) = after.preamble.last() else {
        panic!()
    };
    assert_eq!(
        added.content,
        vec![
            Inline::Emphasis(vec![Inline::Text("Noting".into())]),
            Inline::Text(" the added paragraph,".into())
        ]
    );
    assert_eq!(
        Inline::plain_text(&after.note("9").unwrap().content),
        "A/59/205 and Corr.1。"
    );
    let Some(Block::Paragraph(p2)) = after.body.get(1) else {
        panic!()
    };
    assert_eq!(p2.num.as_deref(), Some("2."));
    assert!(Inline::plain_text(&p2.content).starts_with("First half second half "));
    assert_eq!(after.body.len(), before.body.len());
    assert_eq!(after.notes.len(), before.notes.len());
}

#[test]
fn markdown_of_earlier_versions_still_reads() {
    // Before 0.2 the markers were HTML comments and spans.
    let md = reference_md();
    let (now, _) = read::markdown::read(&md, &ReadOptions::default()).unwrap();
    let old = md
        .replace("[unres:preamble]: #", "<!-- preamble -->")
        .replace("[unres:operative]: #", "<!-- operative -->")
        .replace("[unres:conclusions]: #", "<!-- conclusions -->");
    assert_ne!(old, md);
    let (then, _) = read::markdown::read(&old, &ReadOptions::default()).unwrap();
    assert_eq!(then, now);
    let ar = "---\nlanguage: ar\n---\n\n# T\n\nF\n\n<!-- preamble -->\n\nP\n\n\
              <!-- operative -->\n\n- <span class=\"num\">1 -</span> تؤكد\n";
    let (res, _) = read::markdown::read(ar, &ReadOptions::default()).unwrap();
    let Some(Block::Paragraph(p)) = res.body.first() else {
        panic!("{res:?}")
    };
    assert_eq!(p.num.as_deref(), Some("1 -"));
    assert_eq!(Inline::plain_text(&p.content), "تؤكد");
}

#[test]
fn wrong_markdown_shapes_say_where() {
    let md = reference_md();
    let line_of =
        |needle: &str, text: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    // A second formula paragraph before the preamble marker.
    let bad = md.replacen("[unres:preamble]: #", "Extra.\n\n[unres:preamble]: #", 1);
    match read::markdown::read(&bad, &ReadOptions::default()) {
        Err(ReadError::Syntax { line, message, .. }) => {
            assert_eq!(line, line_of("Extra.", &bad), "{message}");
            assert!(message.contains("formula"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    // A footnote whose citation was deleted: the note is kept, with a
    // warning (an IR may hold a note nothing cites; its Markdown must read).
    let bad = md.replacen("[^10]", "", 1);
    let (res, warnings) = read::markdown::read(&bad, &ReadOptions::default()).expect("reads");
    assert!(res.notes.iter().any(|n| n.marker == "10"));
    assert!(
        warnings.iter().any(|w| w.code() == "note-never-cited"),
        "{warnings:?}"
    );
    // A bad front matter value.
    let bad = md.replacen("session: 59", "session: fifty-nine", 1);
    match read::markdown::read(&bad, &ReadOptions::default()) {
        Err(ReadError::Syntax { line, message, .. }) => {
            assert_eq!(line, line_of("session:", &bad), "{message}");
        }
        other => panic!("{other:?}"),
    }
    // No title at all.
    assert!(matches!(
        read::markdown::read("just text\n", &ReadOptions::default()),
        Err(ReadError::Syntax { .. })
    ));
}

#[test]
fn from_flag_overrides_the_extension() {
    let md = reference_md();
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("resolution.data");
    fs::write(&odd, md).unwrap();
    let out = unres(&["inspect", odd.to_str().unwrap(), "--from", "md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(Some(out.stdout), inspect(&reference()));
    let out = unres(&["inspect", odd.to_str().unwrap(), "--from", "docx"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Found by fuzzing (emit_markdown): an IR with a note nothing cites
/// wrote Markdown that its own reader refused.
#[test]
fn a_note_nothing_cites_survives_markdown() {
    let text = fs::read_to_string(reference()).unwrap();
    let (mut res, _) = read::text::read(&text, &ReadOptions::default()).expect("reads");
    res.notes.push(unres::ir::Note {
        marker: "99".into(),
        content: vec![Inline::Text("Never cited.".into())],
    });
    let md = unres::emit::markdown::write(&res, &unres::emit::EmitOptions::default()).unwrap();
    let md = String::from_utf8(md).unwrap();
    let (back, warnings) = read::markdown::read(&md, &ReadOptions::default()).expect("reads back");
    assert_eq!(back.notes, res.notes);
    assert!(warnings.iter().any(|w| w.code() == "note-never-cited"));
}

/// Found by fuzzing (emit_markdown): two notes without a marker were
/// written as `[^]:` twice, Markdown its own reader refused. Such an IR is
/// refused by the emitter with a message instead.
#[test]
fn notes_without_or_with_the_same_marker_are_refused_by_markdown() {
    let text = fs::read_to_string(reference()).unwrap();
    let (res, _) = read::text::read(&text, &ReadOptions::default()).expect("reads");
    let opts = unres::emit::EmitOptions::default();
    let mut empty = res.clone();
    empty.notes[0].marker = String::new();
    let e = unres::emit::markdown::write(&empty, &opts).unwrap_err();
    assert!(e.to_string().contains("no marker"), "{e}");
    let mut twice = res.clone();
    twice.notes[1].marker = twice.notes[0].marker.clone();
    let e = unres::emit::markdown::write(&twice, &opts).unwrap_err();
    assert!(e.to_string().contains("two notes are marked"), "{e}");
    assert!(unres::emit::markdown::write(&res, &opts).is_ok());
}

/// Found by fuzzing (emit_markdown): a citation whose marker held carriage
/// returns was written raw, breaking the lines of the list it stood in;
/// such a marker is refused, and an empty sub-paragraph nested under one
/// with text still reads back.
#[test]
fn markers_markdown_cannot_hold_are_refused_and_empty_items_read_back() {
    use unres::ir::{Block, Note, Paragraph};
    let opts = unres::emit::EmitOptions::default();
    let item = |content: Vec<Inline>, items: Vec<Paragraph>| Paragraph {
        content,
        items,
        ..Paragraph::default()
    };
    let mut res = unres::ir::Resolution {
        preamble: vec![Block::Paragraph(item(
            Vec::new(),
            vec![item(
                vec![Inline::NoteRef("^\u{1}\rVV".into())],
                vec![item(Vec::new(), Vec::new())],
            )],
        ))],
        ..Default::default()
    };
    let e = unres::emit::markdown::write(&res, &opts).unwrap_err();
    assert!(e.to_string().contains("footnote label"), "{e}");
    // Likewise a citation in a note's own text (found next).
    let in_note = unres::ir::Resolution {
        notes: vec![Note {
            marker: "gna".into(),
            content: vec![Inline::NoteRef("session`\n```` ".into())],
        }],
        ..Default::default()
    };
    let e = unres::emit::markdown::write(&in_note, &opts).unwrap_err();
    assert!(e.to_string().contains("footnote label"), "{e}");
    // The same shape with a marker Markdown holds reads back.
    let Block::Paragraph(p) = &mut res.preamble[0] else {
        unreachable!()
    };
    p.items[0].content = vec![Inline::NoteRef("1".into())];
    res.notes.push(Note {
        marker: "1".into(),
        content: vec![Inline::Text("A note.".into())],
    });
    res.normalize();
    let md = unres::emit::markdown::write(&res, &opts).unwrap();
    let md = String::from_utf8(md).unwrap();
    let (back, _) =
        read::markdown::read(&md, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}\n{md}"));
    assert_eq!(back.preamble, res.preamble, "{md}");
}
