//! Which files a run converts, and where each one's outputs go.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::write::{digest, InputSet};
use crate::read;
use walkdir::WalkDir;

/// Which files found while walking a directory are inputs, besides their
/// extension: `--glob` patterns (any of them; all files when none) and
/// `--exclude` patterns (none of them), matched against the path below the
/// directory named, with `/` separators. Files named on the command line
/// are taken whatever the patterns say.
#[derive(Debug, Default)]
pub struct Select {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Select {
    /// Compiles the patterns; `Err` names the one that is no glob.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Select, String> {
        let set = |patterns: &[String], flag: &str| -> Result<Option<GlobSet>, String> {
            if patterns.is_empty() {
                return Ok(None);
            }
            let mut b = GlobSetBuilder::new();
            for p in patterns {
                let g = Glob::new(p).map_err(|e| format!("{flag} {p:?}: {e}"))?;
                b.add(g);
            }
            b.build().map(Some).map_err(|e| format!("{flag}: {e}"))
        };
        Ok(Select {
            include: set(include, "--glob")?,
            exclude: set(exclude, "--exclude")?,
        })
    }

    /// Whether a walked file, at `rel` below the directory named, is taken.
    pub fn wants(&self, rel: &Path) -> bool {
        let rel = rel.to_string_lossy().replace('\\', "/");
        self.include.as_ref().is_none_or(|g| g.is_match(&rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&rel))
    }
}

/// One input and where its outputs go.
#[derive(Debug)]
pub struct Job {
    /// The input file, as found (given or walked).
    pub input: PathBuf,
    /// For a walked file, how many components of `input` the directory
    /// named has: the rest is mirrored below OUTDIR. `None` for a file
    /// named itself.
    root_parts: Option<u32>,
}

impl Job {
    /// The output path relative to OUTDIR, without extension: a walked
    /// file's path below the directory named, a named file's stem.
    pub fn rel(&self) -> PathBuf {
        match self.root_parts {
            None => self
                .input
                .file_stem()
                .map_or_else(|| PathBuf::from("out"), PathBuf::from),
            Some(n) => self
                .input
                .components()
                .skip(n as usize)
                .collect::<PathBuf>()
                .with_extension(""),
        }
    }
}

/// Every job of a run, packed: a run holds them all until it reports, so
/// a job is its path below the directory walked, as bytes end to end in
/// one buffer, and that directory is kept once (a path of its own per job
/// was most of what a run of 10,000 inputs grew by).
#[derive(Debug, Default)]
pub struct Jobs {
    /// The directories walked, each with its number of components.
    roots: Vec<(PathBuf, u32)>,
    /// Each job's path below its root (a named file's whole path), in the
    /// platform's encoding, end to end.
    bytes: Vec<u8>,
    /// Per job, where its bytes end and which root it lies below
    /// ([`NAMED`]: none, a file named itself).
    ends: Vec<(usize, usize)>,
}

/// The root of a file named itself.
const NAMED: usize = usize::MAX;

impl Jobs {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Job `k`, made from its bytes; `None` past the end.
    pub fn get(&self, k: usize) -> Option<Job> {
        let &(end, root) = self.ends.get(k)?;
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p].0);
        // SAFETY: the bytes from `start` to `end` are exactly those
        // `as_encoded_bytes` gave for one whole `OsStr` in `push`, on this
        // platform, in this process: the contract of
        // `from_encoded_bytes_unchecked`.
        let path = unsafe { OsStr::from_encoded_bytes_unchecked(&self.bytes[start..end]) };
        Some(match self.roots.get(root) {
            Some((dir, parts)) => Job {
                input: dir.join(path),
                root_parts: Some(*parts),
            },
            None => Job {
                input: PathBuf::from(path),
                root_parts: None,
            },
        })
    }

    /// Every job, in order.
    pub fn iter(&self) -> impl Iterator<Item = Job> + Clone + '_ {
        (0..self.len()).filter_map(|k| self.get(k))
    }

    /// Every job, in order, for the pool.
    pub fn par_iter(&self) -> impl IndexedParallelIterator<Item = Job> + '_ {
        (0..self.len())
            .into_par_iter()
            .map(|k| self.get(k).unwrap_or_else(|| unreachable!("k < len")))
    }

    /// Adds `path`, found below `root` (`None`: named itself).
    fn push(&mut self, path: &Path, root: Option<&Path>) {
        let (below, root) = match root.and_then(|r| Some((path.strip_prefix(r).ok()?, r))) {
            Some((below, r)) => (below, self.root_index(r)),
            None => (path, NAMED),
        };
        self.bytes
            .extend_from_slice(below.as_os_str().as_encoded_bytes());
        self.ends.push((self.bytes.len(), root));
    }

    /// Takes the last job off again.
    fn pop(&mut self) {
        self.ends.pop();
        let end = self.ends.last().map_or(0, |&(end, _)| end);
        self.bytes.truncate(end);
    }

    /// The index of `root` among the roots, added when new (a walk adds
    /// its jobs in a row, so the last one is the one asked for).
    fn root_index(&mut self, root: &Path) -> usize {
        if self.roots.last().is_none_or(|(r, _)| r != root) {
            let parts = u32::try_from(root.components().count()).unwrap_or(u32::MAX);
            self.roots.push((root.to_path_buf(), parts));
        }
        self.roots.len() - 1
    }

    /// Keeps the jobs `keep` says yes to, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Job) -> bool) {
        let (mut bytes, mut ends) = (Vec::new(), Vec::new());
        let mut start = 0;
        for (k, &(end, root)) in self.ends.iter().enumerate() {
            if self.get(k).is_some_and(|job| keep(&job)) {
                bytes.extend_from_slice(&self.bytes[start..end]);
                ends.push((bytes.len(), root));
            }
            start = end;
        }
        (self.bytes, self.ends) = (bytes, ends);
        self.fit();
    }

    /// Gives back what the lists reserved beyond their length: they are
    /// kept through the run, and doubling as they grew left up to half of
    /// each unused (a third of what a run of 10,000 inputs held per input).
    fn fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Why a path could not become a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// A directory entry that could not be read.
    Unreadable,
    /// Its outputs would overwrite another input's.
    Collision,
}

impl ProblemKind {
    /// The short kind named in the report.
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::Collision => "collision",
        }
    }
}

/// A path that could not become a job, and why.
#[derive(Debug)]
pub struct Problem {
    pub path: PathBuf,
    pub kind: ProblemKind,
    pub reason: String,
}

/// Everything found under the PATHs given, in a stable order.
#[derive(Debug, Default)]
pub struct Collected {
    pub jobs: Jobs,
    /// Paths that count as failed inputs (unreadable directory, colliding outputs).
    pub problems: Vec<Problem>,
    /// Notes that are not failures (symbolic link loops not followed).
    pub notices: Vec<String>,
    /// Canonical paths of every input, so that no report replaces one.
    pub inputs: InputSet,
    /// Those of them below OUTDIR, the only ones an output could replace.
    pub inside: InputSet,
}

/// Collects the jobs for `paths`: a file is taken as it is (whatever its
/// extension: the user named it); a directory is walked in file-name order,
/// following symbolic links but never a loop, skipping hidden entries and
/// OUTDIR itself, and taking the files whose extension a reader accepts. A
/// directory's tree is mirrored below OUTDIR; a file goes to OUTDIR/NAME.
/// The same file reached twice is converted once; two inputs that would
/// write the same outputs make the second a problem. `select` narrows what
/// a walk takes.
pub fn collect(paths: &[PathBuf], out_canonical: &Path, select: &Select) -> Collected {
    let mut c = Collected::default();
    // Each output stem taken, by digest, with the job that took it.
    let mut owners: HashMap<u128, usize> = HashMap::new();
    let mut add = |c: &mut Collected, input: &Path, root: Option<&Path>| {
        let canonical = fs::canonicalize(input).unwrap_or_else(|_| input.to_path_buf());
        if !c.inputs.insert(&canonical) {
            return; // the same file, reached again
        }
        if canonical.starts_with(out_canonical) {
            c.inside.insert(&canonical);
        }
        c.jobs.push(input, root);
        let Some(job) = c.jobs.get(c.jobs.len() - 1) else {
            return;
        };
        let rel = digest(&job.rel());
        if let Some(first) = owners.get(&rel).and_then(|&k| c.jobs.get(k)) {
            c.jobs.pop();
            c.problems.push(Problem {
                kind: ProblemKind::Collision,
                reason: format!(
                    "its outputs would overwrite those of {} (same name below OUTDIR)",
                    first.input.display()
                ),
                path: input.to_path_buf(),
            });
            return;
        }
        owners.insert(rel, c.jobs.len() - 1);
    };
    for root in paths {
        if !root.is_dir() {
            add(&mut c, root, None);
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                let is_out = e.file_type().is_dir()
                    && fs::canonicalize(e.path()).is_ok_and(|p| p == out_canonical);
                !hidden && !is_out
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
                    if let Some(ancestor) = e.loop_ancestor() {
                        c.notices.push(format!(
                            "{}: symbolic link loop back to {}, not followed",
                            path.display(),
                            ancestor.display()
                        ));
                    } else {
                        let reason = e
                            .io_error()
                            .map(|io| format!("unreadable: {io}"))
                            .unwrap_or_else(|| format!("unreadable: {e}"));
                        c.problems.push(Problem {
                            path,
                            kind: ProblemKind::Unreadable,
                            reason,
                        });
                    }
                    continue;
                }
            };
            let path = entry.path();
            let kind = entry.file_type();
            let below = path.strip_prefix(root).unwrap_or(path);
            if !kind.is_dir() && !select.wants(below) {
                continue;
            }
            if kind.is_file() && read::accepts(path) {
                add(&mut c, path, Some(root));
            } else if !kind.is_file() && !kind.is_dir() && read::accepts(path) {
                // A FIFO, socket or device named like an input: reported,
                // never opened (a FIFO would block the run).
                c.problems.push(Problem {
                    path: path.to_path_buf(),
                    kind: ProblemKind::Unreadable,
                    reason: "unreadable: not a regular file (a FIFO, socket or device)".into(),
                });
            }
        }
    }
    c.jobs.fit();
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rels(c: &Collected) -> Vec<String> {
        c.jobs
            .iter()
            .map(|j| j.rel().to_string_lossy().replace('\\', "/"))
            .collect()
    }

    /// The packed list gives back each path exactly as pushed, below
    /// nested roots, named files between walks, and (on Unix) names that
    /// are not UTF-8; `retain` keeps order and paths.
    #[test]
    fn packed_jobs_give_back_their_paths() {
        let mut names: Vec<PathBuf> = vec!["a.txt".into(), "sub dir/é.txt".into()];
        #[cfg(unix)]
        names.push(<OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"x\xff\n.txt").into());
        let roots = [
            Path::new("/w"),
            Path::new("/w/sub dir"),
            Path::new("rel/./d/"),
        ];
        let mut jobs = Jobs::default();
        let mut want: Vec<(PathBuf, String)> = Vec::new();
        for root in roots {
            for n in &names {
                let input = root.join(n);
                jobs.push(&input, Some(root));
                let rel = n.with_extension("").to_string_lossy().into_owned();
                want.push((input, rel));
            }
            let named = root.join("named.pdf");
            jobs.push(&named, None);
            want.push((named, "named".into()));
        }
        let got: Vec<(PathBuf, String)> = jobs
            .iter()
            .map(|j| (j.input.clone(), j.rel().to_string_lossy().into_owned()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(jobs.par_iter().count(), want.len());
        let mut k = 0;
        jobs.retain(|_| {
            k += 1;
            k % 2 == 0
        });
        let kept: Vec<PathBuf> = jobs.iter().map(|j| j.input).collect();
        let every_other: Vec<PathBuf> = want.into_iter().skip(1).step_by(2).map(|w| w.0).collect();
        assert_eq!(kept, every_other);
    }

    #[test]
    fn walks_sorted_mirrors_and_skips_what_is_not_input() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for f in [
            "b/z.txt",
            "b/a.TXT",
            "a.txt",
            "c.md",
            ".hidden/x.txt",
            "b/.y.txt",
            "d.json",
        ] {
            let p = r.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let out = r.join("out");
        fs::create_dir_all(out.join("sub")).unwrap();
        fs::write(out.join("sub/old.txt"), "x").unwrap();
        let c = collect(
            &[r.to_path_buf()],
            &fs::canonicalize(&out).unwrap(),
            &Select::default(),
        );
        assert_eq!(rels(&c), ["a", "b/a", "b/z", "c"]);
        assert!(c.problems.is_empty() && c.notices.is_empty());
    }

    #[test]
    fn globs_select_walked_files_and_named_files_pass() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for f in ["a.txt", "b.md", "sub/c.txt", "sub/d.xml", "drafts/e.txt"] {
            let p = r.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let nowhere = Path::new("/nowhere");
        let s = Select::new(&["*.txt".into()], &["drafts/**".into()]).unwrap();
        let c = collect(&[r.to_path_buf()], nowhere, &s);
        assert_eq!(rels(&c), ["a", "sub/c"]);
        let s = Select::new(&[], &["*.md".into(), "**/*.xml".into()]).unwrap();
        let c = collect(&[r.to_path_buf()], nowhere, &s);
        assert_eq!(rels(&c), ["a", "drafts/e", "sub/c"]);
        let c = collect(&[r.join("b.md")], nowhere, &s);
        assert_eq!(rels(&c), ["b"], "a file named is taken whatever the globs");
        assert!(Select::new(&["a[".into()], &[])
            .unwrap_err()
            .contains("--glob"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_like_an_input_is_reported_not_opened() {
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let c = collect(
            &[d.path().to_path_buf()],
            Path::new("/nowhere"),
            &Select::default(),
        );
        assert!(c.jobs.is_empty());
        assert_eq!(c.problems.len(), 1);
        assert_eq!(c.problems[0].kind, ProblemKind::Unreadable);
        assert!(c.problems[0].reason.contains("not a regular file"));
    }

    #[test]
    fn same_file_twice_once_and_colliding_names_refused() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for f in ["x/A.txt", "y/A.txt"] {
            let p = r.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let a = r.join("x/A.txt");
        let c = collect(
            &[a.clone(), a, r.join("y/A.txt")],
            Path::new("/nowhere"),
            &Select::default(),
        );
        assert_eq!(rels(&c), ["A"]);
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].path.ends_with("y/A.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_not_followed() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        fs::create_dir_all(r.join("a")).unwrap();
        fs::write(r.join("a/r.txt"), "x").unwrap();
        std::os::unix::fs::symlink(r, r.join("a/loop")).unwrap();
        let c = collect(
            &[r.to_path_buf()],
            Path::new("/nowhere"),
            &Select::default(),
        );
        assert_eq!(rels(&c), ["a/r"]);
        assert_eq!(c.notices.len(), 1, "{:?}", c.notices);
        assert!(c.problems.is_empty());
    }
}
