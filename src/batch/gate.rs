//! Bytes in flight: how much input the workers hold at once.
//!
//! A worker's memory is a small multiple of the input it converts, so with
//! one worker per core a few large inputs at once could add up to more than
//! the machine has. Each worker is admitted with its input's size before it
//! reads; while the inputs admitted already fill the budget, it waits.
//! Ordinary resolutions (tens of kilobytes) never wait; an input larger than
//! the whole budget is admitted alone.

use std::sync::{Condvar, Mutex, PoisonError};

/// Input bytes the workers may hold at once: four of the largest inputs
/// read ([`crate::read::MAX_INPUT_BYTES`]), whatever the number of workers.
pub(crate) const IN_FLIGHT_BYTES: u64 = 4 * crate::read::MAX_INPUT_BYTES;

/// Shared by the workers of one run.
pub(crate) struct Gate {
    limit: u64,
    held: Mutex<u64>,
    freed: Condvar,
}

/// A worker's admission: its bytes go back to the gate when dropped.
pub(crate) struct Pass<'g> {
    gate: &'g Gate,
    bytes: u64,
}

impl Gate {
    pub fn new(limit: u64) -> Gate {
        Gate {
            limit: limit.max(1),
            held: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` fit beside what is held (an input larger than
    /// the budget counts as the whole budget, so it waits for an empty
    /// gate and then runs alone), and holds them.
    pub fn admit(&self, bytes: u64) -> Pass<'_> {
        let bytes = bytes.min(self.limit);
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        while *held + bytes > self.limit {
            held = self
                .freed
                .wait(held)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *held += bytes;
        Pass { gate: self, bytes }
    }

    /// Bytes held now.
    #[cfg(test)]
    fn held(&self) -> u64 {
        *self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut held = self
            .gate
            .held
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *held -= self.bytes;
        drop(held);
        self.gate.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn what_is_held_never_exceeds_the_budget() {
        let gate = Gate::new(100);
        let most = AtomicU64::new(0);
        std::thread::scope(|s| {
            for size in [60, 50, 40, 30, 70, 10, 90, 20] {
                let (gate, most) = (&gate, &most);
                s.spawn(move || {
                    let _pass = gate.admit(size);
                    most.fetch_max(gate.held(), Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 100);
        assert_eq!(gate.held(), 0, "every pass returned its bytes");
    }

    #[test]
    fn an_input_larger_than_the_budget_runs_alone() {
        let gate = Gate::new(100);
        let pass = gate.admit(5_000);
        assert_eq!(gate.held(), 100);
        drop(pass);
        let _small = gate.admit(1);
        assert_eq!(gate.held(), 1);
    }
}
