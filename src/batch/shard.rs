//! Splitting a run into N parts for the array jobs of a cluster scheduler
//! (Slurm job arrays, Kubernetes Indexed Jobs, GNU parallel): part K of N
//! converts the inputs whose output path hashes to K, so the N parts
//! together convert each input exactly once, whatever machine or order
//! each part runs in.

use std::fmt;
use std::path::{Component, Path};
use std::str::FromStr;

/// Part `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// K, from 1 to `count`.
    pub index: u32,
    /// N, at least 1.
    pub count: u32,
}

impl Shard {
    /// Whether this part converts the input whose output stem (relative to
    /// OUTDIR) is `key`. The hash (FNV-1a over the path's components joined
    /// by `/`) is the same on every platform and in every run.
    pub fn owns(&self, key: &Path) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut first = true;
        for c in key.components() {
            let Component::Normal(part) = c else {
                continue;
            };
            if !first {
                h = fnv(h, b"/");
            }
            first = false;
            h = fnv(h, part.as_encoded_bytes());
        }
        h % u64::from(self.count) == u64::from(self.index - 1)
    }
}

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl FromStr for Shard {
    type Err = String;
    /// "K/N" with 1 ≤ K ≤ N.
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("expected K/N with 1 <= K <= N (e.g. 3/8), found {s:?}");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u32, u32) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_belongs_to_exactly_one_part() {
        let parts: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        let mut sizes = [0usize; 3];
        for i in 0..300 {
            let key = format!("dir{}/A_RES_{i}", i % 7);
            let owners: Vec<usize> = (0..3).filter(|&k| parts[k].owns(Path::new(&key))).collect();
            assert_eq!(owners.len(), 1, "{key}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| n > 60), "{sizes:?}: spread out");
        assert!("1/1".parse::<Shard>().unwrap().owns(Path::new("x")));
    }

    #[test]
    fn parses_k_of_n() {
        assert_eq!("2/8".parse(), Ok(Shard { index: 2, count: 8 }));
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
