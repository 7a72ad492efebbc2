//! The batch runner: walks the inputs, converts them on a pool of threads,
//! shows progress, writes outputs atomically below OUTDIR and reports.
//!
//! It knows nothing of resolutions beyond calling [`convert::convert`] once
//! per document: read the file, convert, write, drop, so memory stays flat
//! however many documents there are. Shared work (fonts, templates) lives in
//! the [`EmitOptions`] prepared once by the caller and lent to every thread.

mod gate;
mod jobs;
mod manifest;
mod report;
mod shard;
mod write;

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::convert::{self, ConvertError};
use crate::emit::{EmitOptions, Format};
use crate::error::ReadError;
use crate::read::{Kind, ReadOptions, MAX_INPUT_BYTES};
use rayon::prelude::*;
use thiserror::Error;

use gate::Gate;
pub use jobs::Select;
use jobs::{Job, Jobs};
use manifest::Manifest;
pub use report::{merge_reports, Totals};
use report::{Outcome, Record, Report, Status};
pub use shard::Shard;
pub use write::write_atomic;
use write::{OutDir, WriteError};

/// What a run is asked to do, besides its inputs.
pub struct Settings {
    /// Output formats, each written once per input.
    pub formats: Vec<Format>,
    /// OUTDIR: outputs go below it and nowhere else.
    pub out: PathBuf,
    /// How to read the inputs (language).
    pub read: ReadOptions,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Where to write the JSON report, if anywhere.
    pub report: Option<PathBuf>,
    /// Leave inputs alone whose outputs are newer and made by this version.
    pub skip_unchanged: bool,
    /// Input kind for every input (`--from`); by extension when `None`.
    pub from: Option<Kind>,
    /// Which walked files are inputs (`--glob`, `--exclude`).
    pub select: Select,
    /// The part of the inputs this run converts (`--shard K/N`); all when
    /// `None`.
    pub shard: Option<Shard>,
}

impl Settings {
    /// `formats` into `out`, with the defaults: language detected, one
    /// thread per core, no report, nothing skipped, kind by extension, all
    /// inputs. Set the other fields after.
    pub fn new(formats: Vec<Format>, out: PathBuf) -> Settings {
        Settings {
            formats,
            out,
            read: ReadOptions::default(),
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            report: None,
            skip_unchanged: false,
            from: None,
            shard: None,
            select: Select::default(),
        }
    }
}

/// Why a run could not go on at all (as opposed to one input failing).
#[derive(Debug, Error)]
pub enum Fatal {
    #[error("cannot create the output directory {path}: {source}")]
    /// OUTDIR could not be created or resolved.
    OutDir {
        /// OUTDIR as given.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    #[error("cannot start {jobs} worker threads: {message}")]
    /// The worker threads could not be started.
    Threads {
        /// How many were asked for.
        jobs: usize,
        /// Why.
        message: String,
    },
    #[error("cannot write the report {path}: {message}")]
    /// The report could not be written.
    Report {
        /// The report's path.
        path: PathBuf,
        /// Why.
        message: String,
    },
    #[error("refusing to write the report {path}: it is {what}")]
    /// The report would replace an input, an output or the manifest.
    ReportCollides {
        /// The report's path.
        path: PathBuf,
        /// What it would replace.
        what: String,
    },
    #[error("the input directory {0} is OUTDIR itself: outputs would mix with the inputs; choose another -o")]
    /// An input directory is OUTDIR itself.
    InputIsOutDir(PathBuf),
}

impl Fatal {
    /// Whether the command line asked for the impossible (exit status 2)
    /// rather than the run failing.
    pub fn is_usage(&self) -> bool {
        matches!(self, Fatal::ReportCollides { .. } | Fatal::InputIsOutDir(_))
    }
}

/// Why one input failed.
#[derive(Debug, Error)]
enum Failure {
    #[error("unreadable: {0}")]
    Unreadable(String),
    #[error("too large: {size} bytes (limit {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error(transparent)]
    Convert(#[from] ConvertError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl Failure {
    /// The short kind named in the report.
    fn kind(&self) -> &'static str {
        match self {
            Failure::Unreadable(_) => "unreadable",
            Failure::TooLarge { .. } => "too-large",
            Failure::Convert(ConvertError::Read(r)) => match r {
                ReadError::Empty => "empty",
                ReadError::Binary(_) => "binary",
                ReadError::TooLarge { .. } => "too-large",
                ReadError::TooManyLines { .. } => "too-many-lines",
                ReadError::NotResolution(_) => "not-a-resolution",
                ReadError::Syntax { .. } => "syntax",
                ReadError::Pdf(_) => "pdf",
            },
            Failure::Convert(ConvertError::Emit { .. }) => "emit",
            Failure::Write(_) => "write",
        }
    }
}

/// Shared, read-only state of a run, lent to every worker.
struct Context<'a> {
    settings: &'a Settings,
    emit: &'a EmitOptions,
    out: &'a OutDir,
    manifest: &'a Manifest,
    stamp: &'a str,
    observer: &'a dyn Observer,
    /// Input bytes the workers hold at once.
    gate: &'a Gate,
}

/// What a run tells as it goes: the library prints nothing itself; the
/// command line shows these as lines and a progress bar.
pub trait Observer: Sync {
    /// Something worth saying that is no failure (leftovers removed, a
    /// symbolic link loop not followed).
    fn notice(&self, message: &str);
    /// An input that failed, and why (one line: the path and the reason).
    fn failed(&self, input: &Path, reason: &str);
    /// The run found `total` inputs to convert.
    fn started(&self, total: usize);
    /// One more input is done, whatever its status.
    fn advanced(&self);
    /// The run is over.
    fn finished(&self, totals: &Totals);
}

/// An observer that tells nothing (for library users who read the
/// returned records instead).
pub struct Silent;

impl Observer for Silent {
    fn notice(&self, _: &str) {}
    fn failed(&self, _: &Path, _: &str) {}
    fn started(&self, _: usize) {}
    fn advanced(&self) {}
    fn finished(&self, _: &Totals) {}
}

/// Converts every input under `paths`, telling `observer` what happens;
/// writes the outputs, the manifest and the report. The totals say how
/// many inputs converted, failed and were skipped.
pub fn run(
    paths: &[PathBuf],
    s: &Settings,
    emit: &EmitOptions,
    observer: &dyn Observer,
) -> Result<Totals, Fatal> {
    let start = Instant::now();
    fs::create_dir_all(&s.out).map_err(|source| Fatal::OutDir {
        path: s.out.clone(),
        source,
    })?;
    let out_canonical = fs::canonicalize(&s.out).map_err(|source| Fatal::OutDir {
        path: s.out.clone(),
        source,
    })?;
    if let Some(p) = paths
        .iter()
        .find(|p| p.is_dir() && fs::canonicalize(p).is_ok_and(|c| c == out_canonical))
    {
        return Err(Fatal::InputIsOutDir(p.clone()));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(s.jobs)
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| Fatal::Threads {
            jobs: s.jobs,
            message: e.to_string(),
        })?;
    // The walk runs on a worker: what it allocates and frees on the way
    // (walkdir sorts each directory's entries in memory) is then free
    // memory of a thread that converts, not of the main thread, which
    // converts nothing (the allocator keeps each thread's memory apart).
    let mut collected = pool.install(|| jobs::collect(paths, &out_canonical, &s.select));
    if let Some(shard) = s.shard {
        collected.jobs.retain(|j| shard.owns(&j.rel()));
        collected.problems.retain(|p| shard.owns(&p.path));
    }
    let inside = std::mem::take(&mut collected.inside);
    let out = OutDir::at(out_canonical, inside);
    let cleaned = out.clean_leftovers();
    if cleaned > 0 {
        observer.notice(&format!(
            "removed {cleaned} temporary files left by an interrupted run"
        ));
    }
    for n in &collected.notices {
        observer.notice(n);
    }

    for p in &collected.problems {
        observer.failed(&p.path, &p.reason);
    }
    let report = match &s.report {
        Some(path) => Some(report_target(path, s, &collected, &out)?),
        None => None,
    };
    // Every input's digest served to keep the report off them: not kept
    // through the run.
    collected.inputs = Default::default();
    observer.started(collected.jobs.len());
    let manifest = Manifest::load(out.root());
    let stamp = manifest::stamp(&s.read);
    let gate = Gate::new(gate::IN_FLIGHT_BYTES);
    let ctx = Context {
        settings: s,
        emit,
        out: &out,
        manifest: &manifest,
        stamp: &stamp,
        observer,
        gate: &gate,
    };
    // One outcome per input, in the order of the report, written in place.
    let mut outcomes: Vec<Outcome> =
        Vec::with_capacity(collected.problems.len() + collected.jobs.len());
    outcomes.extend(
        collected
            .problems
            .iter()
            .map(|p| Outcome::failed(p.kind.code(), p.reason.clone())),
    );
    pool.install(|| {
        outcomes.par_extend(collected.jobs.par_iter().map(|job| {
            let r = process(&job, &ctx);
            observer.advanced();
            r
        }))
    });

    let made = collected
        .jobs
        .iter()
        .zip(&outcomes[collected.problems.len()..])
        .filter(|(_, o)| o.status == Status::Converted)
        .flat_map(|(job, o)| targets(s, &out, &job).take(usize::from(o.written)))
        .map(|path| manifest::key(out.root(), &path));
    let name = manifest::file_name(s.shard);
    if let Err(e) = manifest.update(out.root(), &name, &stamp, made) {
        observer.notice(&format!("cannot record outputs in {name}: {e}"));
    }

    let totals = Totals::of(&outcomes, start.elapsed());
    if let Some(path) = &report {
        let inputs = Inputs {
            problems: &collected.problems,
            jobs: &collected.jobs,
            outcomes: &outcomes,
            settings: s,
            out: &out,
        };
        write_report(path, s, &totals, &outcomes, inputs)?;
    }
    observer.finished(&totals);
    Ok(totals)
}

/// Where `job`'s outputs go, one per format, in the order of the formats.
fn targets<'a>(
    s: &'a Settings,
    out: &'a OutDir,
    job: &Job,
) -> impl Iterator<Item = PathBuf> + Clone + 'a {
    let rel = job.rel();
    s.formats
        .iter()
        .map(move |f| out.target(&rel, f.extension()))
}

/// The report's list of inputs, each [`Record`] made as it is written:
/// the paths that failed before any job ran, then the jobs in order.
struct Inputs<'a> {
    problems: &'a [jobs::Problem],
    jobs: &'a Jobs,
    outcomes: &'a [Outcome],
    settings: &'a Settings,
    out: &'a OutDir,
}

impl serde::Serialize for Inputs<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let (early, late) = self
            .outcomes
            .split_at(self.problems.len().min(self.outcomes.len()));
        let problems = self
            .problems
            .iter()
            .zip(early)
            .map(|(p, o)| Record::of(&p.path, o, std::iter::empty()));
        let jobs = self
            .jobs
            .iter()
            .zip(late)
            .map(|(job, o)| Record::of(&job.input, o, targets(self.settings, self.out, &job)));
        ser.collect_seq(problems.chain(jobs))
    }
}

/// One input: skip it if unchanged, else read, convert, write, drop.
fn process(job: &Job, ctx: &Context) -> Outcome {
    let start = Instant::now();
    let targets: Vec<(Format, PathBuf)> = ctx
        .settings
        .formats
        .iter()
        .copied()
        .zip(targets(ctx.settings, ctx.out, job))
        .collect();
    let mut outcome = Outcome::new(Status::Converted);
    let paths: Vec<&Path> = targets.iter().map(|(_, p)| p.as_path()).collect();
    if ctx.settings.skip_unchanged
        && ctx
            .manifest
            .unchanged(ctx.out.root(), &job.input, &paths, ctx.stamp)
    {
        outcome.status = Status::Skipped;
        outcome.written = u16::try_from(paths.len()).unwrap_or(u16::MAX);
    } else if let Err(f) = convert_one(job, &targets, ctx, &mut outcome) {
        ctx.observer.failed(&job.input, &f.to_string());
        outcome.status = Status::Failed;
        let detail = outcome.detail_mut();
        detail.reason = Some(f.kind());
        detail.error = Some(f.to_string());
    }
    outcome.took(start.elapsed());
    outcome
}

fn convert_one(
    job: &Job,
    targets: &[(Format, PathBuf)],
    ctx: &Context,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let size = input_size(&job.input)?;
    // Held until the outputs are written: they are memory too.
    let _pass = ctx.gate.admit(size);
    let bytes = read_input(&job.input, size)?;
    let kind = ctx
        .settings
        .from
        .or_else(|| Kind::from_path(&job.input))
        .unwrap_or(Kind::Text);
    let (res, warnings) =
        convert::read_owned(kind, bytes, &ctx.settings.read).map_err(ConvertError::Read)?;
    if !warnings.is_empty() {
        outcome.detail_mut().warnings = warnings;
    }
    // One output at a time, written as soon as it is made: the input, the
    // IR and every output are never all in memory at once. An emitter that
    // fails leaves the outputs written before it, counted in the outcome.
    for (format, target) in targets {
        let data = convert::emit(&res, *format, ctx.emit).map_err(|source| ConvertError::Emit {
            format: *format,
            source,
        })?;
        ctx.out.write(target, &data)?;
        outcome.written = outcome.written.saturating_add(1);
    }
    Ok(())
}

/// Stack of each worker thread: the readers bound every depth the input
/// controls, so this is a fixed, stated size rather than the platform's
/// default for spawned threads.
const WORKER_STACK: usize = 8 * 1024 * 1024;

/// The size of a regular file of at most [`MAX_INPUT_BYTES`] (a FIFO or a
/// device is refused, not waited on).
fn input_size(path: &Path) -> Result<u64, Failure> {
    let meta = fs::metadata(path).map_err(|e| Failure::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(Failure::Unreadable("not a regular file".into()));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Failure::TooLarge {
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(meta.len())
}

/// Reads a file of `size` bytes (as [`input_size`] found), never more than
/// [`MAX_INPUT_BYTES`]: it may have grown since.
fn read_input(path: &Path, size: u64) -> Result<Vec<u8>, Failure> {
    let unreadable = |e: io::Error| Failure::Unreadable(e.to_string());
    let too_large = |size| Failure::TooLarge {
        size,
        limit: MAX_INPUT_BYTES,
    };
    let mut bytes = Vec::with_capacity(size as usize);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Where the report goes, checked before anything is converted: never
/// onto an input, an output of this run or the manifest.
fn report_target(
    path: &Path,
    s: &Settings,
    collected: &jobs::Collected,
    out: &OutDir,
) -> Result<PathBuf, Fatal> {
    let fail = |message: String| Fatal::Report {
        path: path.to_path_buf(),
        message,
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let real = dir
        .map(fs::canonicalize)
        .unwrap_or_else(std::env::current_dir)
        .map(|d| d.join(path.file_name().unwrap_or_default()))
        .map_err(|e| fail(e.to_string()))?;
    let collides = |what: &str| Fatal::ReportCollides {
        path: path.to_path_buf(),
        what: what.to_string(),
    };
    if collected.inputs.contains(&real) {
        return Err(collides("an input"));
    }
    let in_root = real.parent() == Some(out.root());
    let name = real.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if in_root && manifest::is_manifest(name) {
        return Err(collides("the manifest of OUTDIR"));
    }
    let is_output = collected
        .jobs
        .iter()
        .any(|j| targets(s, out, &j).any(|t| t == real));
    if is_output {
        return Err(collides("an output of this run"));
    }
    Ok(real)
}

fn write_report(
    real: &Path,
    s: &Settings,
    totals: &Totals,
    outcomes: &[Outcome],
    inputs: Inputs<'_>,
) -> Result<(), Fatal> {
    let report = Report {
        unres: env!("CARGO_PKG_VERSION"),
        formats: s.formats.iter().map(|f| f.to_string()).collect(),
        jobs: s.jobs,
        totals,
        warnings: report::warning_counts(outcomes),
        inputs,
    };
    write::write_atomic_with(real, |w| {
        serde_json::to_writer_pretty(&mut *w, &report).map_err(io::Error::other)?;
        w.write_all(b"\n")
    })
    .map_err(|e| Fatal::Report {
        path: real.to_path_buf(),
        message: e.to_string(),
    })
}
