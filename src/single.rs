//! One input into one output, as pandoc does it: `unres convert X.txt -o
//! X.md`, `-` for standard input, `-o -` for standard output.
//!
//! The rule that tells `-o FILE` from `-o DIR`: `-o -` is standard output;
//! otherwise `-o` names a file when there is exactly one input (a file or
//! `-`), the name ends in an output extension (`.md`, `.xml`, `.pdf`: any
//! name `--to` takes) and it is not an existing directory. Everything else
//! is OUTDIR, as it has always been.

use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use unres::convert;
use unres::emit::{EmitOptions, Format};
use unres::read::{Kind, ReadOptions, MAX_INPUT_BYTES};

use crate::say;

/// Where the one output goes, and in which format.
#[derive(Debug)]
pub struct Target {
    /// `None` for standard output.
    pub file: Option<PathBuf>,
    pub format: Format,
    /// The one input; `-` for standard input.
    pub input: PathBuf,
}

fn is_stdio(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// The single output `paths` and `-o out` ask for, `None` when `out` is an
/// OUTDIR; `Err` (a usage error) when they ask for the impossible.
/// `formats` are the `--to` formats, deduplicated.
pub fn target(paths: &[PathBuf], out: &Path, formats: &[Format]) -> Result<Option<Target>, String> {
    let stdin = paths.iter().any(|p| is_stdio(p));
    let one = paths.len() == 1 && (stdin || !paths[0].is_dir());
    if is_stdio(out) {
        if !one {
            return Err("-o - (standard output) takes one input file or -".into());
        }
        let [format] = formats else {
            return Err(
                "-o - writes one format to standard output: name it with --to (md, akn, pdf, html or json)"
                    .into(),
            );
        };
        return Ok(Some(Target {
            file: None,
            format: *format,
            input: paths[0].clone(),
        }));
    }
    let by_name = Format::from_path(out).filter(|_| one && !out.is_dir());
    let Some(named) = by_name else {
        if stdin {
            return Err(
                "standard input (-) converts to one output: give -o FILE.md|.xml|.pdf or -o -"
                    .into(),
            );
        }
        return Ok(None);
    };
    let format = match formats {
        [] => named,
        [f] => *f,
        _ => {
            return Err(format!(
                "-o {} is one file, for one format: give one --to, or -o a directory",
                out.display()
            ))
        }
    };
    Ok(Some(Target {
        file: Some(out.to_path_buf()),
        format,
        input: paths[0].clone(),
    }))
}

/// Reads one input: standard input for `-`, else a regular file; at most
/// [`MAX_INPUT_BYTES`] either way.
pub fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = MAX_INPUT_BYTES + 1;
    if is_stdio(path) {
        io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("unreadable: {e}"))?;
    } else {
        let meta = fs::metadata(path).map_err(|e| format!("unreadable: {e}"))?;
        if !meta.is_file() {
            return Err("unreadable: not a regular file".into());
        }
        fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(|e| format!("unreadable: {e}"))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!("too large: more than {MAX_INPUT_BYTES} bytes"));
    }
    Ok(bytes)
}

/// Converts the one input into the one output. Exit status 0, 1 when the
/// input cannot be read or converted, 2 when the output would replace it.
pub fn run(t: &Target, from: Option<Kind>, read: &ReadOptions, emit: &EmitOptions) -> ExitCode {
    let name = if is_stdio(&t.input) {
        "(standard input)".to_string()
    } else {
        t.input.display().to_string()
    };
    if let Some(file) = &t.file {
        let same = fs::canonicalize(file)
            .ok()
            .is_some_and(|f| fs::canonicalize(&t.input).is_ok_and(|i| i == f));
        if same {
            say!(
                "{}: refusing to replace the input with its output",
                file.display()
            );
            return ExitCode::from(2);
        }
    }
    let kind = from
        .or_else(|| Kind::from_path(&t.input))
        .unwrap_or(Kind::Text);
    let converted = read_input(&t.input).and_then(|bytes| {
        convert::convert_kind(kind, &bytes, &[t.format], read, emit).map_err(|e| e.to_string())
    });
    let data = match converted {
        Ok(mut c) => c.outputs.pop().map(|(_, d)| d).unwrap_or_default(),
        Err(e) => {
            say!("{name}: {e}");
            return ExitCode::from(1);
        }
    };
    let written = match &t.file {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&data).and_then(|_| out.flush())
        }
        Some(file) => {
            // A bare name is in the current directory (which is flushed
            // after the rename, so it must be named).
            let file = match file.parent() {
                Some(d) if !d.as_os_str().is_empty() => file.clone(),
                _ => Path::new(".").join(file),
            };
            file.parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|_| crate::batch::write_atomic(&file, &data))
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let to = t
                .file
                .as_ref()
                .map_or("standard output".to_string(), |f| f.display().to_string());
            say!("cannot write {to}: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    #[test]
    fn tells_a_file_from_a_directory() {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("a.txt");
        fs::write(&input, "x").unwrap();
        let one = std::slice::from_ref(&input);
        let t = target(one, &p("x.md"), &[]).unwrap().unwrap();
        assert_eq!(
            (t.format, t.file.as_deref()),
            (Format::Markdown, Some(Path::new("x.md")))
        );
        let t = target(one, &p("x.md"), &[Format::Pdf]).unwrap().unwrap();
        assert_eq!(t.format, Format::Pdf);
        assert!(target(one, &p("out"), &[Format::Pdf]).unwrap().is_none());
        // Two inputs, or an existing directory named like a file: OUTDIR.
        assert!(target(&[input.clone(), input.clone()], &p("x.md"), &[])
            .unwrap()
            .is_none());
        let dir_md = d.path().join("old.md");
        fs::create_dir(&dir_md).unwrap();
        assert!(target(one, &dir_md, &[]).unwrap().is_none());
        assert!(target(one, &p("x.md"), &[Format::Pdf, Format::Akn]).is_err());
        assert!(target(&[p("-")], &p("-"), &[]).is_err());
        assert!(target(&[p("-")], &p("out"), &[Format::Akn]).is_err());
        let t = target(&[p("-")], &p("-"), &[Format::Akn]).unwrap().unwrap();
        assert_eq!((t.format, t.file), (Format::Akn, None));
        assert!(target(&[input.clone(), input], &p("-"), &[Format::Akn]).is_err());
    }
}
