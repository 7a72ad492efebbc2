//! The `unres` command line: `unres convert PATH... --to md,akn -o OUTDIR`
//! and `unres inspect FILE`. Exit status 0 = all converted, 1 = some input
//! failed, 2 = usage error.

mod message;
mod progress;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use unres::emit::pdf::{PdfConfig, PdfSetup};
use unres::emit::{EmitOptions, Format};
use unres::ir::Lang;
use unres::read::{Kind, ReadOptions};
use unres::{batch, convert};

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
        #[arg(required_unless_present = "files_from")]
        paths: Vec<PathBuf>,
        /// Output formats, comma-separated: md, akn, pdf, html, json.
        #[arg(long = "to", value_delimiter = ',', required = true)]
        to: Vec<Format>,
        /// Output directory.
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
        /// Language of the inputs (zh, en, fr, es, ru, ar); detected when absent.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Worker threads (default: all cores).
        #[arg(short = 'j', long = "jobs", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Print nothing but errors (no progress bar, no summary).
        #[arg(short, long)]
        quiet: bool,
        /// Write a JSON entry per input (path, status, outputs, warnings,
        /// elapsed ms) to this file.
        #[arg(long, value_name = "FILE.json")]
        report: Option<PathBuf>,
        /// Leave inputs alone whose outputs are all newer than the input and
        /// were made by this unres version with the same options (recorded in
        /// OUTDIR/.unres-manifest.json).
        #[arg(long)]
        skip_unchanged: bool,
        /// Input kind: text, md or akn (default: from each file's extension).
        #[arg(long)]
        from: Option<Kind>,
        /// Convert only part K of N of the inputs (1 <= K <= N), split by a
        /// hash of each input's output path: N runs with K = 1..N (a Slurm
        /// job array, a Kubernetes Indexed Job) convert each input once.
        #[arg(long, value_name = "K/N")]
        shard: Option<batch::Shard>,
        /// Read more input paths from FILE, one per line ("-": standard input).
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
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
    /// Work on `--report` files.
    Report {
        #[command(subcommand)]
        action: ReportAction,
    },
    /// Print the intermediate representation of one input as JSON.
    Inspect {
        /// The input file.
        file: PathBuf,
        /// Language of the input; detected when absent.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Input kind: text, md or akn (default: from the extension).
        #[arg(long)]
        from: Option<Kind>,
    },
}

#[derive(Subcommand)]
enum ReportAction {
    /// Combine the reports of the parts of a sharded run (`--shard K/N`)
    /// into the report of the whole run.
    Merge {
        /// The reports of the parts.
        #[arg(required = true)]
        reports: Vec<PathBuf>,
        /// Where to write the merged report (standard output when absent).
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
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
        Command::Inspect { file, lang, from } => inspect(&file, lang, from),
        Command::Report {
            action: ReportAction::Merge { reports, out },
        } => merge_reports(&reports, out.as_deref()),
        Command::Convert {
            paths,
            to,
            out,
            lang,
            jobs,
            quiet,
            report,
            skip_unchanged,
            from,
            shard,
            files_from,
            template,
            paper,
            font,
        } => {
            let mut formats = to;
            formats.sort();
            formats.dedup();
            let jobs = jobs
                .map(usize::from)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let settings = batch::Settings {
                formats,
                out,
                read: ReadOptions { lang },
                jobs,
                report,
                skip_unchanged,
                from,
                shard,
            };
            let mut paths = paths;
            if let Some(list) = &files_from {
                match read_path_list(list) {
                    Ok(more) => paths.extend(more),
                    Err(e) => {
                        say!("{}: {e}", list.display());
                        return ExitCode::from(2);
                    }
                }
            }
            // Prepared once, shared by every worker thread.
            let mut emit_opts = EmitOptions::default();
            if settings.formats.contains(&Format::Pdf) {
                let config = PdfConfig {
                    template,
                    paper,
                    font,
                };
                match PdfSetup::new(&config) {
                    Ok(setup) => emit_opts.pdf = Some(Arc::new(setup)),
                    Err(e) => {
                        say!("{e}");
                        return ExitCode::from(2);
                    }
                }
            }
            let observer = progress::Terminal::new(quiet);
            match batch::run(&paths, &settings, &emit_opts, &observer) {
                Ok(t) if t.failed == 0 => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(e) => {
                    say!("{e}");
                    ExitCode::from(if e.is_usage() { 2 } else { 1 })
                }
            }
        }
    }
}

fn inspect(file: &Path, lang: Option<Lang>, from: Option<Kind>) -> ExitCode {
    let kind = from.or_else(|| Kind::from_path(file)).unwrap_or(Kind::Text);
    let result = fs::read(file).map_err(|e| e.to_string()).and_then(|b| {
        convert::read_kind(kind, &b, &ReadOptions { lang }).map_err(|e| e.to_string())
    });
    match result {
        Ok((res, warnings)) => {
            for w in warnings {
                say!("{}: warning[{}]: {w}", file.display(), w.code());
            }
            let json = serde_json::to_string_pretty(&res).expect("IR serialises");
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            say!("{}: {e}", file.display());
            ExitCode::from(1)
        }
    }
}

/// Paths listed one per line in `list` (standard input for "-"); blank
/// lines are skipped, nothing else is trimmed (names may hold spaces).
fn read_path_list(list: &Path) -> std::io::Result<Vec<PathBuf>> {
    let text = if list == Path::new("-") {
        std::io::read_to_string(std::io::stdin())?
    } else {
        fs::read_to_string(list)?
    };
    Ok(text
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

fn merge_reports(reports: &[PathBuf], out: Option<&Path>) -> ExitCode {
    let mut parts = Vec::new();
    for r in reports {
        let parsed = fs::read(r)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()));
        match parsed {
            Ok(v) => parts.push(v),
            Err(e) => {
                say!("{}: {e}", r.display());
                return ExitCode::from(1);
            }
        }
    }
    let merged = match batch::merge_reports(&parts) {
        Ok(m) => m,
        Err(e) => {
            say!("{e}");
            return ExitCode::from(1);
        }
    };
    let mut json = serde_json::to_string_pretty(&merged).unwrap_or_default();
    json.push('\n');
    let written = match out {
        Some(p) => fs::write(p, json),
        None => std::io::stdout().lock().write_all(json.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say!("{e}");
            ExitCode::from(1)
        }
    }
}
