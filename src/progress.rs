//! How the command line shows a batch run: a progress bar on a terminal,
//! one line per failure always, notices and the summary unless quiet.

use std::io::{self, IsTerminal as _};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use unres::batch::{Observer, Totals};

/// The observer of a run started from the command line.
pub struct Terminal {
    quiet: bool,
    bar: ProgressBar,
}

impl Terminal {
    /// `quiet`: only failures are printed.
    pub fn new(quiet: bool) -> Terminal {
        Terminal {
            quiet,
            bar: ProgressBar::hidden(),
        }
    }
}

impl Observer for Terminal {
    fn notice(&self, message: &str) {
        if !self.quiet {
            self.bar.suspend(|| crate::say!("{message}"));
        }
    }

    fn failed(&self, input: &Path, reason: &str) {
        self.bar
            .suspend(|| crate::say!("{}: {reason}", input.display()));
    }

    fn started(&self, total: usize) {
        if self.quiet || !io::stderr().is_terminal() {
            return;
        }
        self.bar.set_length(total as u64);
        self.bar.set_draw_target(ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40.cyan/blue} {pos}/{len} documents  {rate}  ETA {eta}  {elapsed_precise}",
        ) {
            self.bar.set_style(style.with_key(
                "rate",
                |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", s.per_sec());
                },
            ));
        }
        self.bar.enable_steady_tick(Duration::from_millis(200));
    }

    fn advanced(&self) {
        self.bar.inc(1);
    }

    fn finished(&self, totals: &Totals) {
        self.bar.finish_and_clear();
        if !self.quiet {
            crate::say!("{}", totals.line());
        }
    }
}
