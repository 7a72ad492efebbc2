//! What a run did, per input and in total: the `--report` JSON and the summary line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::ir::Warning;
use serde::Serialize;

/// What happened to one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Converted,
    Failed,
    Skipped,
}

/// What happened to one input, kept small: a run holds one per input
/// until it reports, so the paths are the job's and are not copied here,
/// and what most inputs lack (warnings, a failure) is boxed.
#[derive(Debug)]
pub struct Outcome {
    pub detail: Option<Box<Detail>>,
    /// Time taken, in microseconds (at most about 71 minutes).
    pub micros: u32,
    /// How many of the input's outputs, in the order of the formats, were
    /// written (or, when skipped, left as they were).
    pub written: u16,
    pub status: Status,
}

/// What the reader noticed, and why an input failed.
#[derive(Debug, Default)]
pub struct Detail {
    /// Each with its stable code.
    pub warnings: Vec<Warning>,
    /// A short kind (`empty`, `binary`, `not-a-resolution`, `unreadable`,
    /// `too-large`, `syntax`, `pdf`, `emit`, `write`) ...
    pub reason: Option<&'static str>,
    /// ... and the message printed for it.
    pub error: Option<String>,
}

impl Outcome {
    /// A failure before any job ran (an unreadable entry, a collision).
    pub fn failed(reason: &'static str, error: String) -> Outcome {
        Outcome {
            status: Status::Failed,
            written: 0,
            micros: 0,
            detail: Some(Box::new(Detail {
                reason: Some(reason),
                error: Some(error),
                ..Detail::default()
            })),
        }
    }

    /// An outcome of `status` with nothing written yet.
    pub fn new(status: Status) -> Outcome {
        Outcome {
            detail: None,
            micros: 0,
            written: 0,
            status,
        }
    }

    /// Sets the time taken.
    pub fn took(&mut self, d: Duration) {
        self.micros = u32::try_from(d.as_micros()).unwrap_or(u32::MAX);
    }

    /// The time taken, in milliseconds to the microsecond.
    pub fn elapsed_ms(&self) -> f64 {
        f64::from(self.micros) / 1000.0
    }

    pub fn warnings(&self) -> &[Warning] {
        self.detail.as_ref().map_or(&[], |d| &d.warnings)
    }

    /// The detail, made when first needed.
    pub fn detail_mut(&mut self) -> &mut Detail {
        self.detail.get_or_insert_with(Box::default)
    }
}

/// One input's entry in the report, made as the report is written.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// The input, as given or found by walking.
    pub path: String,
    pub status: Status,
    /// Outputs written (or, when skipped, left as they were).
    pub outputs: Vec<String>,
    pub warnings: &'a [Warning],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
    pub elapsed_ms: f64,
}

impl<'a> Record<'a> {
    /// The entry of `outcome`, whose input is `path` and whose outputs are
    /// `outputs` (all it would write, of which those written are taken).
    pub fn of(path: &Path, outcome: &'a Outcome, outputs: impl Iterator<Item = PathBuf>) -> Self {
        let detail = outcome.detail.as_deref();
        Record {
            path: path.display().to_string(),
            status: outcome.status,
            outputs: outputs
                .take(usize::from(outcome.written))
                .map(|p| p.display().to_string())
                .collect(),
            warnings: outcome.warnings(),
            reason: detail.and_then(|d| d.reason),
            error: detail.and_then(|d| d.error.as_deref()),
            elapsed_ms: outcome.elapsed_ms(),
        }
    }
}

/// Totals of a run.
#[derive(Debug, Default, Serialize)]
pub struct Totals {
    /// Inputs converted.
    pub converted: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Inputs left alone (`--skip-unchanged`).
    pub skipped: usize,
    /// Output files written.
    pub outputs_written: usize,
    /// Wall time of the run.
    pub elapsed_ms: f64,
}

impl Totals {
    /// Adds up the records.
    pub fn of(outcomes: &[Outcome], elapsed: Duration) -> Totals {
        let mut t = Totals {
            elapsed_ms: ms(elapsed),
            ..Totals::default()
        };
        for r in outcomes {
            match r.status {
                Status::Converted => {
                    t.converted += 1;
                    t.outputs_written += usize::from(r.written);
                }
                Status::Failed => t.failed += 1,
                Status::Skipped => t.skipped += 1,
            }
        }
        t
    }

    /// The line printed at the end of a run.
    pub fn line(&self) -> String {
        format!(
            "{} converted, {} failed, {} skipped; {} outputs written in {:.2} s",
            self.converted,
            self.failed,
            self.skipped,
            self.outputs_written,
            self.elapsed_ms / 1000.0
        )
    }
}

/// The `--report` file; `I` serializes as the list of [`Record`]s.
#[derive(Debug, Serialize)]
pub struct Report<'a, I: Serialize> {
    pub unres: &'static str,
    pub formats: Vec<String>,
    pub jobs: usize,
    pub totals: &'a Totals,
    /// How many warnings of each code the run gave, codes in order.
    pub warnings: BTreeMap<&'static str, usize>,
    pub inputs: I,
}

/// The warnings of every record, counted by code.
pub fn warning_counts(outcomes: &[Outcome]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for w in outcomes.iter().flat_map(Outcome::warnings) {
        *counts.entry(w.code()).or_insert(0) += 1;
    }
    counts
}

/// Milliseconds, to the microsecond.
pub fn ms(d: Duration) -> f64 {
    (d.as_micros() as f64) / 1000.0
}

/// Combines the reports of the parts of a sharded run into the report one
/// run would have written: inputs in path order, totals and warning counts
/// added up, the other fields from the first report. Refuses anything that
/// is not a report of this shape.
pub fn merge_reports(parts: &[serde_json::Value]) -> Result<serde_json::Value, String> {
    use serde_json::{json, Map, Value};
    let first = parts.first().ok_or("no reports to merge")?;
    let mut inputs: Vec<Value> = Vec::new();
    let mut totals: Map<String, Value> = Map::new();
    let mut warnings: BTreeMap<String, u64> = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let bad = |what: &str| format!("report {}: no {what}", i + 1);
        inputs.extend(
            p["inputs"]
                .as_array()
                .ok_or_else(|| bad("inputs list"))?
                .iter()
                .cloned(),
        );
        for (k, v) in p["totals"].as_object().ok_or_else(|| bad("totals"))? {
            let sum =
                totals.get(k).and_then(Value::as_f64).unwrap_or(0.0) + v.as_f64().unwrap_or(0.0);
            totals.insert(k.clone(), number(k, sum));
        }
        for (code, n) in p["warnings"].as_object().into_iter().flatten() {
            *warnings.entry(code.clone()).or_insert(0) += n.as_u64().unwrap_or(0);
        }
    }
    inputs.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
    let mut merged = first.clone();
    merged["totals"] = Value::Object(totals);
    merged["warnings"] = json!(warnings);
    merged["inputs"] = Value::Array(inputs);
    merged["merged_from"] = json!(parts.len());
    Ok(merged)
}

/// A summed total as JSON: counts stay integers, times keep their fraction.
fn number(key: &str, sum: f64) -> serde_json::Value {
    if key.ends_with("_ms") {
        serde_json::json!((sum * 1000.0).round() / 1000.0)
    } else {
        serde_json::json!(sum as u64)
    }
}
