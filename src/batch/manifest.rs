//! What made each output: the record `--skip-unchanged` relies on.
//!
//! `OUTDIR/.unres-manifest.json` maps each output (relative to OUTDIR, `/`
//! separators) to the stamp of the run that wrote it: the unres version and
//! the options that change outputs (`unres 0.1.0; lang=auto`). An output is
//! unchanged when it exists, is newer than its input and carries the current
//! stamp. The manifest is rewritten atomically at the end of every run; a run
//! killed before that leaves the previous manifest, so at worst the next run
//! converts again what it cannot vouch for. Part K of a sharded run writes
//! its own `.unres-manifest.K-of-N.json` (parts running at once never write
//! the same file); every run reads them all.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path};

use crate::read::ReadOptions;
use serde::{Deserialize, Serialize};

use super::write::write_atomic_with;
use super::Shard;

/// The manifest's file name in OUTDIR (hidden, and not an input extension).
pub const FILE: &str = ".unres-manifest.json";

/// The manifest file a run (or part of a run) writes.
pub fn file_name(shard: Option<Shard>) -> String {
    match shard {
        None => FILE.to_string(),
        Some(s) => format!(".unres-manifest.{}-of-{}.json", s.index, s.count),
    }
}

/// Whether a file name in OUTDIR is a manifest (of a whole run or a part).
pub fn is_manifest(name: &str) -> bool {
    name.starts_with(".unres-manifest") && name.ends_with(".json")
}

/// Output path (relative to OUTDIR) → stamp of the run that wrote it.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub outputs: BTreeMap<String, String>,
}

/// The stamp of this build with these options.
pub fn stamp(read: &ReadOptions) -> String {
    let lang = read.lang.map(|l| l.iso639_1()).unwrap_or("auto");
    let mut s = format!("unres {}; lang={lang}", env!("CARGO_PKG_VERSION"));
    for o in &read.metadata {
        s.push_str(&format!("; metadata {o}"));
    }
    s
}

/// The key of an output below `root`: its relative path with `/` separators.
pub fn key(root: &Path, output: &Path) -> String {
    let rel = output.strip_prefix(root).unwrap_or(output);
    let parts: Vec<_> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

impl Manifest {
    /// Reads OUTDIR's manifests, all of them, in name order; a missing or
    /// unreadable one is empty (its outputs then count as changed).
    pub fn load(root: &Path) -> Manifest {
        let mut names: Vec<String> = fs::read_dir(root)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_manifest(n))
            .collect();
        names.sort();
        let mut all = Manifest::default();
        for name in names {
            let one: Option<Manifest> = fs::read(root.join(&name))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok());
            all.outputs.extend(one.unwrap_or_default().outputs);
        }
        all
    }

    /// Records `made` (keys of this run's outputs) as made with `stamp` and
    /// saves the manifest as `name` if an entry changed. The entries are
    /// written as they come, this run's first, then those of earlier runs
    /// not made again: a run of many thousand outputs never holds them all.
    pub fn update(
        mut self,
        root: &Path,
        name: &str,
        stamp: &str,
        made: impl Iterator<Item = String> + Clone,
    ) -> std::io::Result<()> {
        let mut changed = false;
        for key in made.clone() {
            changed |= self.outputs.remove(&key).as_deref() != Some(stamp);
        }
        if !changed {
            return Ok(());
        }
        let merged = Merged {
            made,
            stamp,
            earlier: &self.outputs,
        };
        write_atomic_with(&root.join(name), |w| {
            serde_json::to_writer_pretty(&mut *w, &Saved { outputs: merged })
                .map_err(std::io::Error::other)?;
            w.write_all(b"\n")
        })
    }

    pub fn unchanged(&self, root: &Path, input: &Path, outputs: &[&Path], stamp: &str) -> bool {
        let Ok(input_time) = fs::metadata(input).and_then(|m| m.modified()) else {
            return false;
        };
        outputs.iter().all(|out| {
            self.outputs
                .get(&key(root, out))
                .is_some_and(|s| s == stamp)
                && fs::metadata(out)
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t > input_time)
        })
    }
}

/// The manifest's shape as [`Manifest::update`] writes it.
#[derive(Serialize)]
struct Saved<M: Serialize> {
    outputs: M,
}

/// This run's outputs, each with the stamp, then the earlier entries.
struct Merged<'a, I> {
    made: I,
    stamp: &'a str,
    earlier: &'a BTreeMap<String, String>,
}

impl<I: Iterator<Item = String> + Clone> Serialize for Merged<'_, I> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = ser.serialize_map(None)?;
        for key in self.made.clone() {
            map.serialize_entry(&key, self.stamp)?;
        }
        for (key, stamp) in self.earlier {
            map.serialize_entry(key, stamp)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    #[test]
    fn unchanged_needs_stamp_existence_and_newer_output() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        let input = root.join("in.txt");
        let out = root.join("a/in.md");
        fs::write(&input, "x").unwrap();
        fs::create_dir_all(root.join("a")).unwrap();
        let old = SystemTime::now() - Duration::from_secs(60);
        fs::File::options()
            .write(true)
            .open(&input)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let mut m = Manifest::default();
        let st = stamp(&ReadOptions::default());
        assert!(!m.unchanged(root, &input, &[&out], &st), "no output");
        fs::write(&out, "y").unwrap();
        assert!(!m.unchanged(root, &input, &[&out], &st), "not recorded");
        m.outputs.insert(key(root, &out), st.clone());
        assert_eq!(key(root, &out), "a/in.md");
        assert!(m.unchanged(root, &input, &[&out], &st));
        assert!(!m.unchanged(root, &input, &[&out], "unres 0.0.0; lang=auto"));
        let made = [key(root, &out)];
        Manifest::default()
            .update(root, FILE, &st, made.iter().cloned())
            .unwrap();
        assert_eq!(Manifest::load(root).outputs, m.outputs);
        fs::File::options()
            .write(true)
            .open(&input)
            .unwrap()
            .set_modified(SystemTime::now() + Duration::from_secs(60))
            .unwrap();
        assert!(!m.unchanged(root, &input, &[&out], &st), "input newer");
    }

    #[test]
    fn an_update_keeps_earlier_entries_and_writes_only_on_change() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        let keys = |v: &[&str]| v.iter().map(|k| k.to_string()).collect::<Vec<_>>();
        let first = keys(&["b.md", "a.md"]);
        Manifest::load(root)
            .update(root, FILE, "s1", first.iter().cloned())
            .unwrap();
        let second = keys(&["a.md", "c.md"]);
        Manifest::load(root)
            .update(root, FILE, "s2", second.iter().cloned())
            .unwrap();
        let got = Manifest::load(root).outputs;
        let want: BTreeMap<String, String> = [("a.md", "s2"), ("b.md", "s1"), ("c.md", "s2")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
        // Nothing changed: the file is not rewritten.
        let before = fs::metadata(root.join(FILE)).unwrap().modified().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        Manifest::load(root)
            .update(root, FILE, "s2", second.iter().cloned())
            .unwrap();
        let after = fs::metadata(root.join(FILE)).unwrap().modified().unwrap();
        assert_eq!(before, after);
    }
}
