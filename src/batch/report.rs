//! What a run did, per input and in total: the `--report` JSON and the summary line.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;
use unres::ir::Warning;

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
    pub converted: usize,
    pub failed: usize,
    pub skipped: usize,
    pub outputs_written: usize,
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
