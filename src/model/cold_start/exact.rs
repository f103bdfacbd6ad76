//! The exact method: every request simulated one by one, from arrival to response, with the
//! environments it finds free or creates, and, at the concurrency limit, throttled (HTTP) or
//! kept waiting in arrival order for the next free environment (every other trigger, with an
//! SQS queue's ramp); it records the latencies, the waits and the timeline window.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use super::arrivals::RateCursor;
use super::inputs::Model;
use super::latency::{
    HISTOGRAM_BINS, LatencySummary, WaitSummary, bin_of, per_hour, percentile, ratio,
};
use super::timeline::{BusyInterval, Environment, MAX_TIMELINE_ENVIRONMENTS, Recorder};
use crate::model::rng::SplitMix64;
use crate::model::scenario::Scenario;

/// Where the exact simulation of a timeline window starts, where the timeline starts recording,
/// and where both end, in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ExactSpan {
    pub(super) start_s: f64,
    pub(super) record_from_s: f64,
    pub(super) end_s: f64,
    /// Environments warm at `start_s`, as earlier traffic would have left them.
    pub(super) warm_pool: usize,
}

/// A request in flight: its environment is busy until `end_s`. Ordered so that the max-heap pops
/// the earliest end first (ties by environment id, for determinism).
#[derive(Clone, Copy, Debug)]
struct InFlight {
    end_s: f64,
    env: usize,
    /// The handler run, for a window that opens while it is in flight.
    run: BusyInterval,
}

impl Ord for InFlight {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .end_s
            .total_cmp(&self.end_s)
            .then_with(|| other.env.cmp(&self.env))
    }
}

impl PartialOrd for InFlight {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for InFlight {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for InFlight {}

/// The outcome of a request-by-request simulation.
pub(super) struct ExactRun {
    pub(super) requests: u64,
    pub(super) cold: u64,
    pub(super) throttled: u64,
    pub(super) latencies_ms: Vec<f64>,
    /// How long each request that waited for a free environment waited, in seconds.
    pub(super) waits_s: Vec<f64>,
    pub(super) warm_sum_ms: f64,
    pub(super) cold_sum_ms: f64,
    pub(super) warm_bins: Vec<f64>,
    pub(super) cold_bins: Vec<f64>,
    pub(super) environments_created: usize,
    /// On-demand environments alive when the window opened (0 when it opens at the start).
    pub(super) warm_at_start: usize,
    pub(super) recorder: Recorder,
}

impl ExactRun {
    fn record(&mut self, latency_ms: f64, cold: bool, edges_ms: &[f64]) {
        self.latencies_ms.push(latency_ms);
        let bin = bin_of(latency_ms, edges_ms);
        let (sum, bins) = if cold {
            self.cold += 1;
            (&mut self.cold_sum_ms, &mut self.cold_bins)
        } else {
            (&mut self.warm_sum_ms, &mut self.warm_bins)
        };
        *sum += latency_ms;
        if let Some(count) = bins.get_mut(bin) {
            *count += 1.0;
        }
    }

    pub(super) fn summary(&mut self, model: &Model, horizon_s: (f64, f64)) -> LatencySummary {
        self.latencies_ms.sort_by(f64::total_cmp);
        let sorted = &self.latencies_ms;
        let served = sorted.len() as f64;
        let cold = self.cold as f64;
        let warm = served - cold;
        let at = |q| percentile(sorted, q).unwrap_or(0.0);
        let mut waits: Vec<(f64, f64)> = self.waits_s.iter().map(|&w| (w, 1.0)).collect();
        LatencySummary {
            requests: self.requests as f64,
            served,
            cold,
            throttled: self.throttled as f64,
            cold_ratio: ratio(cold, served),
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            p99_ms: at(0.99),
            mean_ms: ratio(self.warm_sum_ms + self.cold_sum_ms, served),
            warm_mean_ms: ratio(self.warm_sum_ms, warm),
            cold_mean_ms: ratio(self.cold_sum_ms, cold),
            cold_starts_per_hour: per_hour(cold, horizon_s),
            billed_init_s: cold * model.phases.billed_init_ms() / 1000.0,
            waited: self.waits_s.len() as f64,
            wait: WaitSummary::of_weighted(&mut waits),
        }
    }
}

/// Work waiting for a free environment, in arrival order, and how many environments it may use
/// at once: the concurrency limit, or under an SQS queue's ramp fewer, one more for every
/// [`Model::ramp_step_s`] that work has waited.
struct Backlog {
    /// Arrival time and handler duration (ms) of each waiting request.
    queue: VecDeque<(f64, f64)>,
    allowed: usize,
    /// Waiting time counted towards the ramp's next step, in seconds, up to `waiting_since_s`.
    ramp_credit_s: f64,
    /// Since when work has waited without a break, if it waits.
    waiting_since_s: Option<f64>,
}

impl Backlog {
    /// A ramp that starts where it begins, or for a window opened with `warm_pool` environments
    /// left warm by earlier traffic, at least that high (the ramp had reached them).
    fn new(model: &Model, warm_pool: usize) -> Self {
        Self {
            queue: VecDeque::new(),
            allowed: model
                .ramp_start
                .map_or(model.limit, |start| start.max(warm_pool).min(model.limit)),
            ramp_credit_s: 0.0,
            waiting_since_s: None,
        }
    }

    /// When the ramp allows one more environment, if work waits and the ramp is below the limit.
    fn next_step_s(&self, model: &Model) -> Option<f64> {
        if model.ramp_start.is_none() || self.allowed >= model.limit {
            return None;
        }
        self.waiting_since_s
            .map(|since_s| since_s + (Model::ramp_step_s() - self.ramp_credit_s).max(0.0))
    }

    fn push(&mut self, arrival_s: f64, handler_ms: f64) {
        if self.queue.is_empty() {
            self.waiting_since_s = Some(arrival_s);
        }
        self.queue.push_back((arrival_s, handler_ms));
    }

    /// The next waiting request, taken out at `t_s`.
    fn pop(&mut self, t_s: f64) -> Option<(f64, f64)> {
        let next = self.queue.pop_front();
        if self.queue.is_empty()
            && let Some(since_s) = self.waiting_since_s.take()
        {
            self.ramp_credit_s += t_s - since_s;
        }
        next
    }
}

/// The environments of an exact simulation: those busy with a request, the free provisioned
/// ones (a stack, most recently used on top), the free on-demand ones (a queue in order of
/// release: its back is the most recently used, its front the next reclaimed), and when each
/// on-demand one was created.
struct Pool {
    in_flight: BinaryHeap<InFlight>,
    provisioned: usize,
    provisioned_free: Vec<usize>,
    warm_free: VecDeque<(f64, usize)>,
    /// By id minus the provisioned count.
    created_at_s: Vec<f64>,
    /// Ids below this are provisioned or of the warm pool the simulation began with.
    seeded_below: usize,
    backlog: Backlog,
}

impl Pool {
    /// The provisioned environments and `span.warm_pool` warm ones, all free at `span.start_s`.
    fn new(model: &Model, span: ExactSpan) -> Self {
        let warm_ids = model.provisioned..model.provisioned + span.warm_pool;
        Self {
            in_flight: BinaryHeap::new(),
            provisioned: model.provisioned,
            provisioned_free: (0..model.provisioned).rev().collect(),
            warm_free: warm_ids.clone().map(|id| (span.start_s, id)).collect(),
            created_at_s: vec![span.start_s; span.warm_pool],
            seeded_below: warm_ids.end,
            backlog: Backlog::new(model, span.warm_pool),
        }
    }

    /// Environments created so far, provisioned included.
    fn created(&self) -> usize {
        self.provisioned + self.created_at_s.len()
    }

    /// Frees the environment of a request that ended at `end_s`.
    fn release(&mut self, env: usize, end_s: f64) {
        if env < self.provisioned {
            self.provisioned_free.push(env);
        } else {
            self.warm_free.push_back((end_s, env));
        }
    }

    /// Reclaims the free on-demand environments idle for the reclaim time by `t_s`.
    fn reclaim(&mut self, t_s: f64, idle_s: f64, recorder: &mut Recorder) {
        while let Some(&(free_since_s, env)) = self.warm_free.front() {
            if free_since_s + idle_s > t_s {
                break;
            }
            self.warm_free.pop_front();
            recorder.reclaim(env, free_since_s + idle_s);
        }
    }

    /// A free environment, provisioned first, else the most recently used on-demand one.
    fn take_free(&mut self) -> Option<usize> {
        self.provisioned_free
            .pop()
            .or_else(|| self.warm_free.pop_back().map(|(_, env)| env))
    }

    /// A new on-demand environment created at `t_s`: its id.
    fn create(&mut self, t_s: f64) -> usize {
        let id = self.created();
        self.created_at_s.push(t_s);
        id
    }
}

/// Mixed into the seed for the stream of arrival spacings, apart from the handler times' stream.
const ARRIVALS_STREAM: u64 = 0xA11_1BA1_5EED;

/// The expected arrivals between one request and the next along the traffic curve: exactly the
/// span's expected requests, rounded, at random places. These are the spacings of a Poisson
/// process given its count (exponential draws scaled so that one more would end the span), so
/// the timeline counts the very requests the scaling view and `report` count.
struct Arrivals {
    /// Spacings still to come, in expected requests, the next one last.
    spacings: Vec<f64>,
}

impl Arrivals {
    fn new(traffic: &[(f64, f64)], span: ExactSpan, seed: u64) -> Self {
        let mut cursor = RateCursor::new(traffic);
        cursor.area_to(span.start_s);
        let area = cursor.area_to(span.end_s).max(0.0);
        // The exact method runs only up to `EXACT_MAX_REQUESTS` expected requests.
        let count = area.round() as usize;
        let mut rng = SplitMix64(seed ^ ARRIVALS_STREAM);
        let mut spacings: Vec<f64> = (0..=count).map(|_| rng.exponential()).collect();
        let total: f64 = spacings.iter().sum();
        let scale = if total > 0.0 { area / total } else { 0.0 };
        spacings.truncate(count);
        spacings.reverse();
        for spacing in &mut spacings {
            *spacing *= scale;
        }
        Self { spacings }
    }

    /// The expected requests from the previous arrival (or the span's start) to the next one;
    /// `None` after the last.
    fn next_area(&mut self) -> Option<f64> {
        self.spacings.pop()
    }
}

/// Simulates every request from `span.start_s` to `span.end_s`, and the waiting ones until
/// they have run. The timeline records from `span.record_from_s`, opening with the environments
/// alive then.
pub(super) fn run_exact(
    s: &Scenario,
    model: &Model,
    edges_ms: &[f64],
    span: ExactSpan,
) -> ExactRun {
    let mut rng = SplitMix64(model.seed);
    let mut cursor = RateCursor::new(&s.traffic);
    cursor.area_to(span.start_s);
    let mut spacings = Arrivals::new(&s.traffic, span, model.seed);
    let mut run = ExactRun {
        requests: 0,
        cold: 0,
        throttled: 0,
        latencies_ms: Vec::new(),
        waits_s: Vec::new(),
        warm_sum_ms: 0.0,
        cold_sum_ms: 0.0,
        warm_bins: vec![0.0; HISTOGRAM_BINS],
        cold_bins: vec![0.0; HISTOGRAM_BINS],
        environments_created: 0,
        warm_at_start: 0,
        recorder: Recorder::default(),
    };
    let mut sim = Sim {
        model,
        edges_ms,
        pool: Pool::new(model, span),
        run: &mut run,
    };
    loop {
        let arrival_s = spacings
            .next_area()
            .and_then(|area| cursor.advance(area))
            .filter(|&t| t <= span.end_s);
        if !sim.run.recorder.recording && arrival_s.is_none_or(|t| t >= span.record_from_s) {
            sim.settle(span.record_from_s);
            sim.run.warm_at_start =
                open_window(&mut sim.run.recorder, model, span.record_from_s, &sim.pool);
        }
        let Some(t_s) = arrival_s else {
            break;
        };
        let handler_ms = model.handler_ms(rng.unit());
        sim.settle(t_s);
        sim.run.requests += 1;
        let backlog = &mut sim.pool.backlog;
        if !backlog.queue.is_empty() || sim.pool.in_flight.len() >= backlog.allowed {
            if model.waits {
                backlog.push(t_s, handler_ms);
            } else {
                sim.run.throttled += 1;
            }
            continue;
        }
        sim.start(t_s, t_s, handler_ms, None);
    }
    // Work still waiting runs as environments free up, after the last arrival.
    while !sim.pool.backlog.queue.is_empty() {
        let next_end_s = sim.pool.in_flight.peek().map(|f| f.end_s);
        let next_s = match (next_end_s, sim.pool.backlog.next_step_s(model)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        sim.settle(next_s);
    }
    // Environments that went idle before the end and stayed idle for the reclaim time.
    sim.settle(span.end_s);
    run.environments_created = sim.pool.created();
    run
}

/// An exact simulation under way: the environments and what it has recorded.
struct Sim<'a> {
    model: &'a Model,
    edges_ms: &'a [f64],
    pool: Pool,
    run: &'a mut ExactRun,
}

impl Sim<'_> {
    /// Everything that happens by `t_s`, in time order: requests ending (the environment goes
    /// to the next waiting request, else it is free) and an SQS queue's ramp allowing one more
    /// environment to the next waiting request; then the reclaims of environments idle for the
    /// reclaim time.
    fn settle(&mut self, t_s: f64) {
        loop {
            let end = self
                .pool
                .in_flight
                .peek()
                .copied()
                .filter(|f| f.end_s <= t_s);
            let step_s = self
                .pool
                .backlog
                .next_step_s(self.model)
                .filter(|&at_s| at_s <= t_s);
            match (end, step_s) {
                (Some(end), None) => self.finish(end),
                (Some(end), Some(at_s)) if end.end_s <= at_s => self.finish(end),
                (_, Some(at_s)) => self.ramp_step(at_s),
                (None, None) => break,
            }
        }
        self.pool
            .reclaim(t_s, self.model.idle_s, &mut self.run.recorder);
    }

    /// A request ends: its environment goes to the next waiting request, else it is free.
    fn finish(&mut self, end: InFlight) {
        self.pool.in_flight.pop();
        let backlog = &mut self.pool.backlog;
        let next = (self.pool.in_flight.len() < backlog.allowed)
            .then(|| backlog.pop(end.end_s))
            .flatten();
        match next {
            Some((arrival_s, handler_ms)) => {
                self.start(arrival_s, end.end_s, handler_ms, Some(end.env));
            }
            None => self.pool.release(end.env, end.end_s),
        }
    }

    /// An SQS queue's ramp allows one more environment at `at_s`, to the next waiting request.
    fn ramp_step(&mut self, at_s: f64) {
        let backlog = &mut self.pool.backlog;
        backlog.allowed += 1;
        backlog.ramp_credit_s = 0.0;
        backlog.waiting_since_s = Some(at_s);
        if let Some((arrival_s, handler_ms)) = backlog.pop(at_s) {
            self.pool
                .reclaim(at_s, self.model.idle_s, &mut self.run.recorder);
            self.start(arrival_s, at_s, handler_ms, None);
        }
    }

    /// Starts a request that arrived at `arrival_s` at `start_s`: in `env`, the environment that
    /// just finished a request, else in a free one, else in a new one (a cold start).
    fn start(&mut self, arrival_s: f64, start_s: f64, handler_ms: f64, env: Option<usize>) {
        let model = self.model;
        let (env, cold) = if let Some(env) = env.or_else(|| self.pool.take_free()) {
            (env, false)
        } else {
            let env = self.pool.create(start_s);
            let environment = Environment {
                id: env,
                provisioned: false,
                created_at_s: start_s,
                init: model.init_intervals(start_s),
                busy: Vec::new(),
                reclaimed_at_s: None,
            };
            self.run.recorder.add_environment(env, environment, start_s);
            (env, true)
        };
        let init_ms = if cold { model.cold_penalty_ms } else { 0.0 };
        let handler_start_s = start_s + init_ms / 1000.0;
        let interval = BusyInterval {
            start_s: handler_start_s,
            end_s: handler_start_s + handler_ms / 1000.0,
            cold,
        };
        self.pool.in_flight.push(InFlight {
            end_s: interval.end_s,
            env,
            run: interval,
        });
        self.run.recorder.add_busy(env, interval, start_s);
        self.run.record(init_ms + handler_ms, cold, self.edges_ms);
        if start_s > arrival_s {
            self.run.waits_s.push(start_s - arrival_s);
        }
    }
}

/// Opens the timeline at `t_s` with the environments alive then: the provisioned ones, and the
/// on-demand ones, busy or warm, the most recently used first up to half the environment cap
/// (so new environments keep room), as rows in creation order. Returns how many on-demand
/// environments it recorded.
fn open_window(recorder: &mut Recorder, model: &Model, t_s: f64, pool: &Pool) -> usize {
    recorder.recording = true;
    let mut runs: Vec<InFlight> = pool.in_flight.iter().copied().collect();
    runs.sort_by(|a, b| b.run.start_s.total_cmp(&a.run.start_s));
    for id in 0..model.provisioned.min(MAX_TIMELINE_ENVIRONMENTS + 1) {
        let environment = Environment {
            id,
            provisioned: true,
            created_at_s: t_s,
            init: Vec::new(),
            busy: Vec::new(),
            reclaimed_at_s: None,
        };
        recorder.add_environment(id, environment, t_s);
    }
    let busy = runs
        .iter()
        .map(|r| r.env)
        .filter(|&id| id >= model.provisioned);
    let idle = pool.warm_free.iter().rev().map(|&(_, id)| id);
    let mut on_demand: Vec<usize> = busy
        .chain(idle)
        .take(MAX_TIMELINE_ENVIRONMENTS / 2)
        .collect();
    on_demand.sort_unstable();
    for &id in &on_demand {
        let created_s = pool
            .created_at_s
            .get(id - model.provisioned)
            .copied()
            .unwrap_or(t_s);
        // Environments of the warm pool the simulation began with have no init to draw.
        let environment = Environment {
            id,
            provisioned: false,
            created_at_s: created_s,
            init: if id < pool.seeded_below {
                Vec::new()
            } else {
                model.init_intervals(created_s)
            },
            busy: Vec::new(),
            reclaimed_at_s: None,
        };
        recorder.add_environment(id, environment, t_s);
    }
    for r in runs.iter().rev() {
        recorder.add_busy(r.env, r.run, t_s);
    }
    on_demand.len()
}
