//! Atomic output writing below OUTDIR, and cleaning up after interrupted runs.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use thiserror::Error;
use walkdir::WalkDir;

/// What marks a temporary file of ours: `.NAME.unres-tmp-PID-N`.
const TMP_MARK: &str = ".unres-tmp-";

/// N of the next temporary file name of this process.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// Why an output was not written.
#[derive(Debug, Error)]
pub enum WriteError {
    #[error("refusing to overwrite the input {0}")]
    WouldOverwriteInput(PathBuf),
    #[error("refusing to write {0}: outside the output directory (a symbolic link?)")]
    OutsideOutDir(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The canonical paths of a run's inputs, each kept as a 128-bit digest
/// rather than a copy: a run of many thousand inputs only asks whether a
/// path is one of them, and its memory stays flat.
#[derive(Debug, Default)]
pub struct InputSet(HashSet<u128>);

impl InputSet {
    /// Adds `canonical`; false if it was there already.
    pub fn insert(&mut self, canonical: &Path) -> bool {
        self.0.insert(digest(canonical))
    }

    /// Whether `canonical` is one of the inputs.
    pub fn contains(&self, canonical: &Path) -> bool {
        self.0.contains(&digest(canonical))
    }

    /// The set of `paths`.
    #[cfg(test)]
    pub fn of<const N: usize>(paths: [PathBuf; N]) -> InputSet {
        let mut set = InputSet::default();
        for p in paths {
            set.insert(&p);
        }
        set
    }
}

/// Two SipHash digests of `path` under different salts: a collision of
/// two distinct paths is a chance of one in 2^128.
pub(super) fn digest(path: &Path) -> u128 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let half = |salt: u8| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        path.hash(&mut h);
        u128::from(h.finish())
    };
    (half(0) << 64) | half(1)
}

/// How many output directories [`OutDir`] remembers as checked.
const CHECKED_DIRS: usize = 64;

/// The output directory of a run: outputs go below it and nowhere else, and
/// never replace an input.
pub struct OutDir {
    root: PathBuf,
    inputs: InputSet,
    /// Directories lately created and found to lie below `root` (with
    /// their canonical paths), so each is checked about once per run, not
    /// per output.
    checked: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl OutDir {
    /// Creates OUTDIR if needed. `inputs` are the canonical input paths.
    #[cfg(test)]
    pub fn open(out: &Path, inputs: InputSet) -> io::Result<Self> {
        fs::create_dir_all(out)?;
        Ok(OutDir::at(fs::canonicalize(out)?, inputs))
    }

    /// OUTDIR at `root`, created and canonical already; `inside` holds
    /// the canonical paths of the inputs below `root`, the only ones an
    /// output could replace (every output is checked to land below it).
    pub fn at(root: PathBuf, inside: InputSet) -> Self {
        OutDir {
            root,
            inputs: inside,
            checked: Mutex::new(HashMap::new()),
        }
    }

    /// OUTDIR, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the output with relative stem `rel` and extension `ext` goes.
    pub fn target(&self, rel: &Path, ext: &str) -> PathBuf {
        let mut name = rel.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        self.root.join(name)
    }

    /// Writes `data` to `target` (below OUTDIR) atomically.
    pub fn write(&self, target: &Path, data: &[u8]) -> Result<(), WriteError> {
        let io_err = |source| WriteError::Io {
            path: target.to_path_buf(),
            source,
        };
        let dir = target.parent().unwrap_or(&self.root);
        let known = self.checked.lock().ok().and_then(|c| c.get(dir).cloned());
        let real_dir = match known {
            Some(d) => d,
            None => {
                if !self.make_dirs(dir).map_err(io_err)? {
                    return Err(WriteError::OutsideOutDir(target.to_path_buf()));
                }
                let real_dir = fs::canonicalize(dir).map_err(io_err)?;
                // Below OUTDIR by construction, unless a symbolic link leads out.
                if !real_dir.starts_with(&self.root) {
                    return Err(WriteError::OutsideOutDir(target.to_path_buf()));
                }
                if let Ok(mut c) = self.checked.lock() {
                    // Jobs come in walk order, so a directory's outputs
                    // come together: a few recent directories are all the
                    // cache needs, and a tree of many thousand
                    // directories does not grow it.
                    if c.len() >= CHECKED_DIRS {
                        c.clear();
                    }
                    c.insert(dir.to_path_buf(), real_dir.clone());
                }
                real_dir
            }
        };
        let real = real_dir.join(target.file_name().unwrap_or_default());
        if self.inputs.contains(&real) {
            return Err(WriteError::WouldOverwriteInput(real));
        }
        write_atomic(&real, data).map_err(io_err)
    }

    /// Creates `dir` (below OUTDIR) one component at a time, never through
    /// a symbolic link that leads out of OUTDIR: false, with nothing made
    /// past it, where one does (create_dir_all would make directories
    /// wherever the link points before the check could refuse).
    fn make_dirs(&self, dir: &Path) -> io::Result<bool> {
        let Ok(rel) = dir.strip_prefix(&self.root) else {
            return Ok(false);
        };
        let mut at = self.root.clone();
        for part in rel.components() {
            let std::path::Component::Normal(name) = part else {
                return Ok(false);
            };
            at.push(name);
            match fs::symlink_metadata(&at) {
                Ok(m) if m.file_type().is_symlink() => {
                    let real = fs::canonicalize(&at)?;
                    if !real.starts_with(&self.root) {
                        return Ok(false);
                    }
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::create_dir(&at) {
                    Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                    _ => {}
                },
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }

    /// Removes the temporary files that interrupted runs left below OUTDIR
    /// (those whose process is gone). Returns how many went.
    pub fn clean_leftovers(&self) -> usize {
        let mut removed = 0;
        for entry in WalkDir::new(&self.root).into_iter().flatten() {
            // Links, FIFOs and the like named as ours go too: only a
            // planted one can have our name, and it is never followed.
            if entry.file_type().is_dir() {
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            let Some(pid) = leftover_pid(&name) else {
                continue;
            };
            if pid != std::process::id()
                && !process_alive(pid)
                && fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
        removed
    }
}

/// The process id in a temporary file name of ours, if it is one.
fn leftover_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, tail) = name.rsplit_once(TMP_MARK)?;
    let pid = tail.split_once('-').map_or(tail, |(pid, _)| pid);
    pid.parse().ok()
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Without /proc, any leftover of another process is taken as stale.
#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    false
}

/// Writes to a new `.NAME.unres-tmp-PID-N` beside `target`, flushes it to
/// the disk, renames it into place and flushes the directory: a reader, a
/// run killed half-way or a power cut never leaves a half-written output.
/// The temporary file is created only if nothing (no file, no symbolic
/// link) stands at its name, so nothing planted there is ever written
/// through.
pub fn write_atomic(target: &Path, data: &[u8]) -> io::Result<()> {
    write_atomic_with(target, |w| w.write_all(data))
}

/// [`write_atomic`] of what `fill` writes, buffered: a report or manifest
/// of many thousand entries goes to the file as it is made, never whole
/// in memory.
pub fn write_atomic_with(
    target: &Path,
    fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let (tmp, file) = create_temporary(dir, target)?;
    // The file is closed before it is renamed or removed.
    let result = (|| {
        let mut w = io::BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    sync_dir(dir)
}

/// A fresh temporary file beside `target`, under a name nobody held.
fn create_temporary(dir: &Path, target: &Path) -> io::Result<(PathBuf, fs::File)> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}{TMP_MARK}{}-{n}", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Flushes a directory's entries (the rename) to the disk, where the
/// platform can.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_below_root_and_never_over_an_input() {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("in.md");
        fs::write(&input, "keep").unwrap();
        let out =
            OutDir::open(d.path(), InputSet::of([fs::canonicalize(&input).unwrap()])).unwrap();
        let t = out.target(Path::new("sub/a"), "md");
        out.write(&t, b"hello").unwrap();
        assert_eq!(fs::read(&t).unwrap(), b"hello");
        let t = out.target(Path::new("in"), "md");
        assert!(matches!(
            out.write(&t, b"x"),
            Err(WriteError::WouldOverwriteInput(_))
        ));
        assert_eq!(fs::read(&input).unwrap(), b"keep");
        let names: Vec<_> = fs::read_dir(d.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symlink_out_of_outdir() {
        let d = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let out = OutDir::open(&d.path().join("out"), InputSet::default()).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), out.root().join("link")).unwrap();
        for rel in ["link/a", "link/sub/deeper/a"] {
            let t = out.target(Path::new(rel), "md");
            assert!(matches!(
                out.write(&t, b"x"),
                Err(WriteError::OutsideOutDir(_))
            ));
            // Not even a directory is made through the link.
            assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0, "{rel}");
        }
        // A link that stays inside OUTDIR is followed.
        fs::create_dir(out.root().join("real")).unwrap();
        std::os::unix::fs::symlink(out.root().join("real"), out.root().join("inner")).unwrap();
        out.write(&out.target(Path::new("inner/x/a"), "md"), b"y")
            .unwrap();
        assert_eq!(fs::read(out.root().join("real/x/a.md")).unwrap(), b"y");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_temporary_link_is_never_written_through() {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("b.txt");
        fs::write(&input, "input").unwrap();
        let out = OutDir::open(&d.path().join("out"), InputSet::default()).unwrap();
        let pid = std::process::id();
        let next = NEXT.load(Ordering::Relaxed);
        for n in next..next + 64 {
            let planted = out.root().join(format!(".b.md{TMP_MARK}{pid}-{n}"));
            std::os::unix::fs::symlink(&input, planted).unwrap();
        }
        let t = out.target(Path::new("b"), "md");
        out.write(&t, b"markdown").unwrap();
        assert_eq!(fs::read(&input).unwrap(), b"input");
        assert_eq!(fs::read(&t).unwrap(), b"markdown");
        assert!(!fs::symlink_metadata(&t).unwrap().file_type().is_symlink());
    }

    #[test]
    fn cleans_leftovers_of_dead_processes_only() {
        let d = tempfile::tempdir().unwrap();
        let out = OutDir::open(d.path(), InputSet::default()).unwrap();
        fs::create_dir_all(d.path().join("s")).unwrap();
        // PIDs above the kernel's maximum (4194304) are never alive.
        let dead = d.path().join("s/.a.md.unres-tmp-4194999-3");
        let mine = d
            .path()
            .join(format!(".b.md.unres-tmp-{}", std::process::id()));
        let other = d.path().join("a.md.unres-tmp-4194999");
        for p in [&dead, &mine, &other] {
            fs::write(p, "x").unwrap();
        }
        assert_eq!(out.clean_leftovers(), 1);
        assert!(!dead.exists() && mine.exists() && other.exists());
    }
}
