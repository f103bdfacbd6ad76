//! The window's results, computed on a thread of their own so that no edit freezes a frame. The
//! window sends the newest inputs after every edit; the worker takes only the newest of those
//! waiting (older ones are stale before they start), recomputes what changed since its last
//! results, hands them back and wakes the window. Frames meanwhile draw the last results.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

use super::{Derived, Inputs};

/// A request: compute the results of these inputs.
struct Job {
    id: u64,
    inputs: Inputs,
}

/// Results handed back by the worker.
#[derive(Debug)]
pub struct Done {
    /// The request they answer ([`Worker::request`] returned it).
    pub id: u64,
    /// The inputs they were computed from.
    pub inputs: Inputs,
    /// The results.
    pub derived: Derived,
    /// How long computing them took.
    pub elapsed: Duration,
}

/// A thread that computes results; dropping it ends the thread once its current job is done.
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    next_id: u64,
}

impl Worker {
    /// Starts the thread. `seed` are the inputs whose results `derived` the window already has,
    /// so the first edit recomputes only what it touches; `wake` is called after every result
    /// (the window asks for a frame there).
    pub fn spawn(
        seed: (Inputs, Derived),
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel::<Done>();
        // The thread is detached: it ends by itself once the window drops its sender.
        std::thread::Builder::new()
            .name("results".to_owned())
            .spawn(move || {
                let mut last = seed;
                while let Some(job) = newest(&job_rx) {
                    let start = Instant::now();
                    let derived = Derived::update(Some((&last.0, &last.1)), &job.inputs);
                    let elapsed = start.elapsed();
                    let result = Done {
                        id: job.id,
                        inputs: job.inputs.clone(),
                        derived: derived.clone(),
                        elapsed,
                    };
                    last = (job.inputs, derived);
                    if done_tx.send(result).is_err() {
                        // The window is gone.
                        return;
                    }
                    wake();
                }
            })?;
        Ok(Self {
            jobs,
            done,
            next_id: 1,
        })
    }

    /// Asks for the results of `inputs`; returns the request's id, or `None` if the thread has
    /// ended (it never does while the window runs, unless a model panicked).
    pub fn request(&mut self, inputs: Inputs) -> Option<u64> {
        let id = self.next_id;
        self.next_id += 1;
        self.jobs.send(Job { id, inputs }).ok().map(|()| id)
    }

    /// The newest results handed back since the last call, if any (older ones are dropped).
    pub fn newest_result(&self) -> Option<Done> {
        let mut newest = None;
        loop {
            match self.done.try_recv() {
                Ok(done) => newest = Some(done),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return newest,
            }
        }
    }
}

/// Waits for a job, then takes every job already waiting and keeps only the newest. `None` when
/// the window has dropped its end.
fn newest(jobs: &Receiver<Job>) -> Option<Job> {
    let mut job = jobs.recv().ok()?;
    while let Ok(newer) = jobs.try_recv() {
        job = newer;
    }
    Some(job)
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;
    use crate::model::scenario::{Runtime, Scenario};

    fn seeded() -> (Inputs, Derived) {
        let inputs = Inputs::of(Scenario::default());
        let derived = Derived::compute_inputs(&inputs);
        (inputs, derived)
    }

    /// Waits for the result of request `id`, failing after ten seconds.
    fn wait_for(worker: &Worker, id: u64) -> Done {
        let start = std::time::Instant::now();
        loop {
            if let Some(done) = worker.newest_result()
                && done.id == id
            {
                return done;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no result");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn results_match_a_direct_computation() {
        let mut worker = Worker::spawn(seeded(), || {}).unwrap();
        let mut edited = Scenario::default();
        edited.workload.memory_mb = 3008;
        let inputs = Inputs {
            scenario: edited.clone(),
            compare: Some(Runtime::Java21),
        };
        let id = worker.request(inputs.clone()).unwrap();
        let done = wait_for(&worker, id);
        let direct = Derived::compute_inputs(&inputs);
        assert_eq!(done.inputs, inputs);
        assert_eq!(done.derived.scaling, direct.scaling);
        assert_eq!(done.derived.cold_start, direct.cold_start);
        assert_eq!(done.derived.comparison, direct.comparison);
        assert_eq!(
            done.derived.bills.lambda_bill.total_usd(),
            direct.bills.lambda_bill.total_usd()
        );
    }

    #[test]
    fn stale_requests_are_dropped_and_the_newest_wins() {
        let (woke_tx, woke) = mpsc::channel();
        let mut worker = Worker::spawn(seeded(), move || {
            let _ = woke_tx.send(());
        })
        .unwrap();
        let mut last = 0;
        for memory_mb in (1..=40).map(|i| 128 + 64 * i) {
            let mut s = Scenario::default();
            s.workload.memory_mb = memory_mb;
            last = worker.request(Inputs::of(s)).unwrap();
        }
        let done = wait_for(&worker, last);
        assert_eq!(done.inputs.scenario.workload.memory_mb, 128 + 64 * 40);
        // Forty requests sent faster than one is computed: far fewer results (and wake-ups).
        let wakes = woke.try_iter().count();
        assert!(wakes < 20, "{wakes} results for 40 requests");
    }

    #[test]
    fn dropping_the_window_end_stops_the_thread() {
        let (woke_tx, woke) = mpsc::channel();
        let mut worker = Worker::spawn(seeded(), move || {
            let _ = woke_tx.send(());
        })
        .unwrap();
        let id = worker.request(Inputs::of(Scenario::default())).unwrap();
        wait_for(&worker, id);
        drop(worker);
        // The thread owns `wake` and its sender: once the thread has returned, the channel is
        // disconnected instead of timing out.
        loop {
            match woke.recv_timeout(Duration::from_secs(10)) {
                Ok(()) => {}
                Err(e) => {
                    assert_eq!(e, mpsc::RecvTimeoutError::Disconnected);
                    break;
                }
            }
        }
    }
}
