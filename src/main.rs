//! The `unres` command line: `unres convert PATH... --to md,akn -o OUTDIR`,
//! `unres convert FILE -o OUT.md` (one output), `unres inspect FILE`. Exit status 0 = all converted, 1 = some input
//! failed, 2 = usage error.

mod message;
mod progress;
mod single;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory as _, Parser, Subcommand};
use unres::emit::pdf::{PdfConfig, PdfSetup};
use unres::emit::{EmitOptions, Format};
use unres::ir::{meta, Lang};
use unres::read::{Kind, ReadOptions};
use unres::{batch, convert};

#[derive(Parser)]
#[command(
    name = "unres",
    version,
    about = "Convert UN resolutions (PDF-extracted text) to Markdown, Akoma Ntoso and PDF",
    args_conflicts_with_subcommands = true,
    arg_required_else_help = true
)]
struct Cli {
    /// List the input and output formats, then exit.
    #[arg(long)]
    list_formats: bool,
    /// Print the built-in template of FORMAT (pdf: the page style that
    /// --template is merged over), then exit.
    #[arg(long, value_name = "FORMAT")]
    print_default_template: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

// Parsed once per run: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Convert files and directory trees into OUTDIR (mirroring the tree),
    /// or one input into one output file (-o FILE, -o - for standard output).
    Convert {
        /// Input files or directories (directories are walked for .txt, .md,
        /// .xml and .pdf files); `-` reads standard input.
        #[arg(required_unless_present = "files_from")]
        paths: Vec<PathBuf>,
        /// Output formats, comma-separated: md, akn, pdf, html, json. With -o
        /// FILE, taken from FILE's extension when absent.
        #[arg(short = 't', long = "to", value_delimiter = ',')]
        to: Vec<Format>,
        /// Output directory; or one output file when there is one input and
        /// the name ends in .md, .xml, .pdf, .html or .json (and is no directory); `-` is
        /// standard output (one format, named with --to).
        #[arg(short = 'o', long = "out", value_name = "OUTDIR|FILE|-")]
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
        /// Input kind: text, md or akn (default: from each file's extension;
        /// text for standard input).
        #[arg(short = 'f', long)]
        from: Option<Kind>,
        /// Convert only part K of N of the inputs (1 <= K <= N), split by a
        /// hash of each input's output path: N runs with K = 1..N (a Slurm
        /// job array, a Kubernetes Indexed Job) convert each input once.
        #[arg(long, value_name = "K/N")]
        shard: Option<batch::Shard>,
        /// Read more input paths from FILE, one per line ("-": standard input).
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
        /// Set a metadata field over what the input says (repeatable): a
        /// front matter key, the value read as YAML (`session=59`,
        /// `report=[A/59/494, A/59/495]`); `KEY=` clears the field.
        #[arg(short = 'M', long = "metadata", value_name = "KEY=VALUE", value_parser = meta::Override::parse)]
        metadata: Vec<meta::Override>,
        /// Walk only files whose path below the directory named matches
        /// (repeatable; globset syntax, e.g. `*.txt`, `2004/**/A_RES_*`).
        #[arg(long, value_name = "GLOB")]
        glob: Vec<String>,
        /// Leave out walked files whose path below the directory named
        /// matches (repeatable; wins over --glob).
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
        /// PDF page style (TOML) merged over the built-in UN A4 style
        /// (`unres --print-default-template pdf`): name only what changes.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// PDF paper size: a4 or letter (default: the template's, A4 but Letter for English).
        #[arg(long, value_parser = unres::emit::pdf::parse_paper)]
        paper: Option<unres::emit::pdf::template::Paper>,
        /// Font file tried first for every character of the PDF.
        #[arg(long, value_name = "PATH")]
        font: Option<PathBuf>,
        /// Write archival PDF/A-2u: XMP metadata and an output intent beside
        /// the embedded fonts, Unicode text and tags every PDF has.
        #[arg(long = "pdf-a")]
        pdf_a: bool,
    },
    /// Work on `--report` files.
    Report {
        #[command(subcommand)]
        action: ReportAction,
    },
    /// Print the intermediate representation of one input as JSON.
    Inspect {
        /// The input file; `-` reads standard input.
        file: PathBuf,
        /// Language of the input; detected when absent.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Input kind: text, md or akn (default: from the extension).
        #[arg(short = 'f', long)]
        from: Option<Kind>,
    },
    /// Print a completion script for SHELL on standard output.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Write the manual pages (roff) into DIR: unres.1 and one per
    /// command, unres-convert.1, … (`make man`).
    #[command(hide = true)]
    Man {
        /// Where the pages go (created when missing).
        dir: PathBuf,
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

/// A usage error: the message, and exit status 2.
fn usage(message: &str) -> ExitCode {
    say!("{message}");
    ExitCode::from(2)
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
    if cli.list_formats {
        list_formats();
        return ExitCode::SUCCESS;
    }
    if let Some(format) = &cli.print_default_template {
        return print_default_template(format);
    }
    let Some(command) = cli.command else {
        return usage("no command given (try `unres --help`)");
    };
    match command {
        Command::Inspect { file, lang, from } => inspect(&file, lang, from),
        Command::Report {
            action: ReportAction::Merge { reports, out },
        } => merge_reports(&reports, out.as_deref()),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "unres", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man { dir } => {
            let written = std::fs::create_dir_all(&dir)
                .and_then(|_| clap_mangen::generate_to(Cli::command(), &dir));
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    say!("cannot write the manual pages in {}: {e}", dir.display());
                    ExitCode::from(1)
                }
            }
        }
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
            metadata,
            glob,
            exclude,
            template,
            paper,
            font,
            pdf_a,
        } => {
            let mut formats = to;
            formats.sort();
            formats.dedup();
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
            let read = ReadOptions { lang, metadata };
            let target = match single::target(&paths, &out, &formats) {
                Ok(t) => t,
                Err(message) => return usage(&message),
            };
            if let Some(target) = &target {
                if report.is_some() || skip_unchanged {
                    return usage(
                        "--report and --skip-unchanged are batch options: give -o a directory",
                    );
                }
                if !glob.is_empty() || !exclude.is_empty() {
                    return usage(
                        "--glob and --exclude select files in directories: give -o a directory",
                    );
                }
                formats = vec![target.format];
            } else if formats.is_empty() {
                return usage(
                    "--to is required with -o OUTDIR (or give -o FILE with the extension of a format)",
                );
            }
            let select = match batch::Select::new(&glob, &exclude) {
                Ok(s) => s,
                Err(e) => return usage(&e),
            };
            // Prepared once, shared by every worker thread.
            let mut emit_opts = EmitOptions::default();
            if formats.contains(&Format::Pdf) {
                let config = PdfConfig {
                    template,
                    paper,
                    font,
                    pdf_a,
                };
                match PdfSetup::new(&config) {
                    Ok(setup) => emit_opts.pdf = Some(Arc::new(setup)),
                    Err(e) => return usage(&e.to_string()),
                }
            }
            if let Some(target) = target {
                return single::run(&target, from, &read, &emit_opts);
            }
            let jobs = jobs
                .map(usize::from)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let settings = batch::Settings {
                formats,
                out,
                read,
                jobs,
                report,
                skip_unchanged,
                from,
                shard,
                select,
            };
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

/// `--list-formats`: the input kinds (with the extensions a walk takes for
/// each) and the output formats.
fn list_formats() {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "input formats (--from; by extension otherwise):");
    for &kind in Kind::ALL {
        let exts: Vec<String> = unres::read::EXTENSIONS
            .iter()
            .filter(|e| Kind::from_path(Path::new(&format!("x.{e}"))) == Some(kind))
            .map(|e| format!(".{e}"))
            .collect();
        let _ = writeln!(
            out,
            "  {:<6} {:<8} {}",
            kind.name(),
            exts.join(" "),
            kind.description()
        );
    }
    let _ = writeln!(out, "output formats (--to; or the extension of -o FILE):");
    for &f in Format::ALL {
        let _ = writeln!(
            out,
            "  {:<6} {:<8} {}",
            f.to_string(),
            format!(".{}", f.extension()),
            f.description()
        );
    }
}

/// `--print-default-template FORMAT`.
fn print_default_template(format: &str) -> ExitCode {
    match format.parse::<Format>() {
        Ok(Format::Pdf) => {
            let _ = std::io::stdout()
                .lock()
                .write_all(unres::emit::pdf::template::DEFAULT_TEMPLATE.as_bytes());
            ExitCode::SUCCESS
        }
        Ok(f) => usage(&format!(
            "{f} has no template: its layout is fixed so that it reads back into the same document \
             (change the front matter with --metadata KEY=VALUE); only pdf has one"
        )),
        Err(e) => usage(&e),
    }
}

fn inspect(file: &Path, lang: Option<Lang>, from: Option<Kind>) -> ExitCode {
    let kind = from.or_else(|| Kind::from_path(file)).unwrap_or(Kind::Text);
    let opts = ReadOptions {
        lang,
        ..ReadOptions::default()
    };
    let result = single::read_input(file)
        .and_then(|b| convert::read_kind(kind, &b, &opts).map_err(|e| e.to_string()));
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
