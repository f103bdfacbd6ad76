//! Work waiting to be served, for triggers that keep it (a queue, a stream, Lambda's internal
//! queue of asynchronous events): first in, first out, each step's arrivals one entry, so the
//! oldest item's age and every item's wait are known. Asynchronous events past their maximum age
//! expire.

use std::collections::VecDeque;

/// Below this much work (a millionth of one request) an entry counts as served: it only holds
/// rounding left by the subtractions.
const EMPTY: f64 = 1e-6;

/// Work waiting, oldest first.
#[derive(Clone, Debug, Default)]
pub(super) struct Backlog {
    /// (step the work arrived in, its start time in s; amount), oldest first.
    items: VecDeque<(f64, f64)>,
    total: f64,
    /// How long work may wait before it expires (asynchronous events), s.
    max_age_s: Option<f64>,
}

/// What one step did to a backlog.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Served {
    /// The longest wait of the work served in the step, s (0 for work served in the step it
    /// arrived in).
    pub(super) longest_wait_s: f64,
    /// Work that expired in the step.
    pub(super) expired: f64,
}

impl Backlog {
    /// An empty backlog; work older than `max_age_s` (when set) expires.
    pub(super) fn new(max_age_s: Option<f64>) -> Self {
        Self {
            max_age_s,
            ..Self::default()
        }
    }

    /// Work waiting now.
    pub(super) fn total(&self) -> f64 {
        self.total
    }

    /// How long the oldest waiting work has waited at `t_s`, s (0 when nothing waits).
    pub(super) fn oldest_age_s(&self, t_s: f64) -> f64 {
        self.items
            .front()
            .map_or(0.0, |&(arrived_s, _)| (t_s - arrived_s).max(0.0))
    }

    /// One step from `t0_s` to `t1_s`: `arrived` joins the back, `served` is taken from the front
    /// (the oldest first), then work older than the maximum age expires.
    pub(super) fn step(&mut self, t0_s: f64, t1_s: f64, arrived: f64, served: f64) -> Served {
        if arrived > 0.0 {
            self.items.push_back((t0_s, arrived));
            self.total += arrived;
        }
        let mut result = Served::default();
        let mut left = served.max(0.0);
        while left > 0.0 {
            let Some(front) = self.items.front_mut() else {
                break;
            };
            let taken = left.min(front.1);
            result.longest_wait_s = result.longest_wait_s.max(t0_s - front.0);
            front.1 -= taken;
            left -= taken;
            self.total -= taken;
            if front.1 <= EMPTY {
                self.total -= front.1;
                self.items.pop_front();
            }
        }
        if let Some(max_age_s) = self.max_age_s {
            while let Some(&(arrived_s, amount)) = self.items.front()
                && t1_s - arrived_s > max_age_s
            {
                result.expired += amount;
                self.total -= amount;
                self.items.pop_front();
            }
        }
        if self.items.is_empty() {
            self.total = 0.0;
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_oldest_first_and_times_the_wait() {
        let mut b = Backlog::new(None);
        // 10 arrive at 0 and 10 at 1; 5 served each step.
        assert_eq!(b.step(0.0, 1.0, 10.0, 5.0).longest_wait_s, 0.0);
        let second = b.step(1.0, 2.0, 10.0, 5.0);
        assert_eq!(second.longest_wait_s, 1.0);
        assert_eq!(b.total(), 10.0);
        assert_eq!(b.oldest_age_s(2.0), 1.0);
        // The rest of the second batch has waited 2 s when it is served at 3.
        let third = b.step(3.0, 4.0, 0.0, 10.0);
        assert_eq!(third.longest_wait_s, 2.0);
        assert_eq!(b.total(), 0.0);
        assert_eq!(b.oldest_age_s(4.0), 0.0);
    }

    #[test]
    fn serving_more_than_waits_empties_it() {
        let mut b = Backlog::new(None);
        b.step(0.0, 1.0, 3.0, 0.0);
        let served = b.step(1.0, 2.0, 0.0, 100.0);
        assert_eq!(served.longest_wait_s, 1.0);
        assert_eq!(b.total(), 0.0);
    }

    #[test]
    fn old_events_expire() {
        let mut b = Backlog::new(Some(10.0));
        b.step(0.0, 1.0, 4.0, 0.0);
        b.step(1.0, 2.0, 6.0, 0.0);
        assert_eq!(b.step(9.0, 10.0, 0.0, 0.0).expired, 0.0);
        let step = b.step(10.0, 10.5, 0.0, 0.0);
        assert_eq!(step.expired, 4.0);
        assert_eq!(b.total(), 6.0);
    }
}
