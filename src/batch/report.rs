//! What a run did, per input and in total: the `--report` JSON and the summary line.

use std::collections::BTreeMap;
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

/// One input's entry in the report.
#[derive(Debug, Serialize)]
pub struct Record {
    /// The input, as given or found by walking.
    pub path: String,
    pub status: Status,
    /// Outputs written (or, when skipped, left as they were).
    pub outputs: Vec<String>,
    /// What the reader noticed, each with its stable code.
    pub warnings: Vec<Warning>,
    /// Why it failed: a short kind (`empty`, `binary`, `not-a-resolution`,
    /// `unreadable`, `too-large`, `syntax`, `pdf`, `emit`, `write`) ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// ... and the message printed for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub elapsed_ms: f64,
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
    pub fn of(records: &[Record], elapsed: Duration) -> Totals {
        let mut t = Totals {
            elapsed_ms: ms(elapsed),
            ..Totals::default()
        };
        for r in records {
            match r.status {
                Status::Converted => {
                    t.converted += 1;
                    t.outputs_written += r.outputs.len();
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

/// The `--report` file.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub unres: &'static str,
    pub formats: Vec<String>,
    pub jobs: usize,
    pub totals: &'a Totals,
    /// How many warnings of each code the run gave, codes in order.
    pub warnings: BTreeMap<&'static str, usize>,
    pub inputs: &'a [Record],
}

/// The warnings of every record, counted by code.
pub fn warning_counts(records: &[Record]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for w in records.iter().flat_map(|r| &r.warnings) {
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
