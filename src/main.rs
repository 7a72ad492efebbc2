//! The `unres` command line: `unres convert PATH... --to md,akn -o OUTDIR`
//! and `unres inspect FILE`. Exit status 0 = all converted, 1 = some input
//! failed, 2 = usage error.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use rayon::prelude::*;
use unres::convert;
use unres::emit::pdf::{PdfConfig, PdfSetup};
use unres::emit::{EmitOptions, Format};
use unres::ir::Lang;
use unres::read::ReadOptions;
use walkdir::WalkDir;

#[derive(Parser)]
#[command(
    name = "unres",
    version,
    about = "Convert UN resolutions (PDF-extracted text) to Markdown, Akoma Ntoso and PDF"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert files and directory trees into OUTDIR, mirroring the tree.
    Convert {
        /// Input files or directories (directories are walked for .txt files).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output formats, comma-separated: md, akn, pdf.
        #[arg(long = "to", value_delimiter = ',', required = true)]
        to: Vec<Format>,
        /// Output directory.
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
        /// Language of the inputs (zh, en, fr, es, ru, ar); detected when absent.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Worker threads (default: all cores).
        #[arg(short = 'j', long = "jobs")]
        jobs: Option<usize>,
        /// Print nothing but errors.
        #[arg(short, long)]
        quiet: bool,
        /// PDF page style (TOML) replacing the built-in UN A4 style.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// PDF paper size: a4 or letter (default: the template's, A4).
        #[arg(long, value_parser = unres::emit::pdf::parse_paper)]
        paper: Option<unres::emit::pdf::template::Paper>,
        /// Font file tried first for every character of the PDF.
        #[arg(long, value_name = "PATH")]
        font: Option<PathBuf>,
    },
    /// Print the intermediate representation of one input as JSON.
    Inspect {
        /// The input file.
        file: PathBuf,
        /// Language of the input; detected when absent.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s)
        .ok_or_else(|| format!("unknown language {s:?} (expected zh, en, fr, es, ru or ar)"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Inspect { file, lang } => inspect(&file, lang),
        Command::Convert {
            paths,
            to,
            out,
            lang,
            jobs,
            quiet,
            template,
            paper,
            font,
        } => {
            let mut formats = to;
            formats.sort();
            formats.dedup();
            if let Some(j) = jobs {
                if j == 0 {
                    eprintln!("unres: --jobs must be at least 1");
                    return ExitCode::from(2);
                }
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(j)
                    .build_global();
            }
            // PDF fonts and page style: loaded once, shared by all threads.
            let mut emit_opts = EmitOptions::default();
            if formats.contains(&Format::Pdf) {
                let config = PdfConfig {
                    template,
                    paper,
                    font,
                };
                match PdfSetup::new(&config) {
                    Ok(setup) => emit_opts.pdf = Some(Arc::new(setup)),
                    Err(e) => {
                        eprintln!("unres: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
            run_convert(
                &paths,
                &formats,
                &out,
                &ReadOptions { lang },
                &emit_opts,
                quiet,
            )
        }
    }
}

fn inspect(file: &Path, lang: Option<Lang>) -> ExitCode {
    let result = fs::read(file)
        .map_err(|e| e.to_string())
        .and_then(|b| convert::read_bytes(&b, &ReadOptions { lang }).map_err(|e| e.to_string()));
    match result {
        Ok((res, _)) => {
            let json = serde_json::to_string_pretty(&res).expect("IR serialises");
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("unres: {}: {e}", file.display());
            ExitCode::from(1)
        }
    }
}

/// One input and where its outputs go (relative to OUTDIR, without extension).
struct Job {
    input: PathBuf,
    stem: PathBuf,
}

fn collect_jobs(paths: &[PathBuf]) -> Result<Vec<Job>, String> {
    let mut jobs = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in WalkDir::new(p).follow_links(false).sort_by_file_name() {
                let entry = entry.map_err(|e| format!("{}: {e}", p.display()))?;
                let path = entry.path();
                if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "txt") {
                    let rel = path.strip_prefix(p).unwrap_or(path);
                    jobs.push(Job {
                        input: path.to_path_buf(),
                        stem: rel.with_extension(""),
                    });
                }
            }
        } else {
            let name = p
                .file_stem()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("out"));
            jobs.push(Job {
                input: p.clone(),
                stem: name,
            });
        }
    }
    Ok(jobs)
}

fn run_convert(
    paths: &[PathBuf],
    formats: &[Format],
    out: &Path,
    read_opts: &ReadOptions,
    emit_opts: &EmitOptions,
    quiet: bool,
) -> ExitCode {
    let jobs = match collect_jobs(paths) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("unres: {e}");
            return ExitCode::from(1);
        }
    };
    let failures: usize = jobs
        .par_iter()
        .map(
            |job| match convert_one(job, formats, out, read_opts, emit_opts) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("unres: {}: {e}", job.input.display());
                    1
                }
            },
        )
        .sum();
    if !quiet {
        eprintln!(
            "unres: {} converted, {failures} failed",
            jobs.len() - failures
        );
    }
    if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn convert_one(
    job: &Job,
    formats: &[Format],
    out: &Path,
    read_opts: &ReadOptions,
    emit_opts: &EmitOptions,
) -> Result<(), String> {
    let bytes = fs::read(&job.input).map_err(|e| format!("unreadable: {e}"))?;
    let converted =
        convert::convert(&bytes, formats, read_opts, emit_opts).map_err(|e| e.to_string())?;
    for (format, data) in converted.outputs {
        let target = out.join(&job.stem).with_extension(format.extension());
        write_atomic(&target, &job.input, &data)?;
    }
    Ok(())
}

/// Writes to a temporary file beside the target, then renames it into place,
/// so a reader never sees a half-written output. Never overwrites the input.
fn write_atomic(target: &Path, input: &Path, data: &[u8]) -> Result<(), String> {
    if let (Ok(a), Ok(b)) = (fs::canonicalize(target), fs::canonicalize(input)) {
        if a == b {
            return Err(format!(
                "refusing to overwrite the input with {}",
                target.display()
            ));
        }
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.unres-tmp-{}", std::process::id()));
    let result = fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(data).and_then(|_| f.sync_all()))
        .and_then(|_| fs::rename(&tmp, target));
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("{}: {e}", target.display())
    })
}
