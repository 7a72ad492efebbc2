//! The `unres` command line: `unres convert PATH... --to md,akn -o OUTDIR`
//! and `unres inspect FILE`. Exit status 0 = all converted, 1 = some input
//! failed, 2 = usage error.

mod batch;
mod message;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use unres::convert;
use unres::emit::pdf::{PdfConfig, PdfSetup};
use unres::emit::{EmitOptions, Format};
use unres::ir::Lang;
use unres::read::{Kind, ReadOptions};

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
        /// Input kind: text, md or akn (default: from the extension).
        #[arg(long)]
        from: Option<Kind>,
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
                quiet,
                report,
                skip_unchanged,
                from,
            };
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
            match batch::run(&paths, &settings, &emit_opts) {
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
