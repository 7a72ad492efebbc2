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

use super::write::write_atomic;
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

    /// Writes the manifest atomically under `name`.
    pub fn save(&self, root: &Path, name: &str) -> std::io::Result<()> {
        let mut json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        json.push(b'\n');
        write_atomic(&root.join(name), &json)
    }

    /// Whether every output in `outputs` exists, is newer than `input` and
    /// was made with `stamp`.
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
        m.save(root, FILE).unwrap();
        assert_eq!(Manifest::load(root).outputs, m.outputs);
        fs::File::options()
            .write(true)
            .open(&input)
            .unwrap()
            .set_modified(SystemTime::now() + Duration::from_secs(60))
            .unwrap();
        assert!(!m.unchanged(root, &input, &[&out], &st), "input newer");
    }
}
