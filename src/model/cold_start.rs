//! Cold starts: execution environments created on demand, reused while warm and reclaimed when
//! idle, the init phases each cold start waits for, and the latency and billed INIT they add
//! (FACTS.md §2–3). Small scenarios are simulated request by request; large ones with an aggregate
//! model whose cost does not grow with the request rate, plus an exact timeline of their start.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use serde::Serialize;

use super::rng::SplitMix64;
use super::runtime::InitPhases;
use super::scenario::{Runtime, Scenario};
use super::traffic;

/// Every simplification of the cold-start model, for the view to show.
pub const ASSUMPTIONS: &[&str] = &[
    "Requests arrive at random (a Poisson process) at the traffic curve's rate, interpolated \
     linearly between its points; the scenario's seed fixes the sequence.",
    "Each handler run lasts the workload's average duration ±20% (uniformly distributed), the same \
     in a warm or a new environment.",
    "A request goes to a free provisioned environment first, then to the most recently used free \
     warm environment; with none free, a new environment starts (a cold start) for it. Nothing is \
     started ahead of demand except provisioned concurrency.",
    "An idle environment is reclaimed exactly when it has been idle for the idle reclaim time (AWS \
     does not document it; measured 5–60 minutes). Provisioned environments never are.",
    "A cold request waits for every init phase in turn: creating the environment and loading the \
     code (an editable assumption, plus the package-size effect), extensions, runtime, your own \
     init or a SnapStart restore, then the first handler run's extra time.",
    "The package-size effect was measured on Node.js 20 and is applied to every runtime.",
    "Runtime init times are lambda-perf's hello-world means; your own init adds to them.",
    "Billed INIT per cold start is extensions + runtime + your init; creating the environment is \
     not billed, and neither is a Java SnapStart restore.",
    "Provisioned environments are initialised before the simulation starts and serve every request \
     warm.",
    "A request that finds as many requests in flight as the concurrency limit (reserved \
     concurrency, else the account limit) is throttled (HTTP 429), not retried, and has no latency.",
    "Lambda's scaling rate (1,000 environments per 10 s) and the 10 s init limit with its retry are \
     not modelled here; the scaling view shows the scaling rate.",
    "Latency is the time inside Lambda from arrival to response: no network, API Gateway or load \
     balancer time.",
    "Above 200,000 requests an aggregate model steps through time: environments in use = arrival \
     rate × duration (Little's law) plus those still initialising; environments needed beyond the \
     warm pool are cold starts, and the pool shrinks after the idle time. Random peaks above the \
     pool add cold starts estimated from the Poisson distribution of requests in flight, and \
     throttling near the limit follows Erlang's loss formula. On the test scenarios it agrees with \
     the request-by-request simulation within 25% (0.02 percentage points absolute) on the cold \
     share and 2% on p99.",
    "For scenarios simulated in aggregate the timeline shows about 5,000 requests simulated \
     request by request: from one second before the steepest spike (demand at least doubling \
     within a minute), or else from the median request, a typical moment. Up to 20,000 requests \
     before it (at most the idle time) are simulated too, so the environments they leave warm \
     are there when the window opens; the figures cover the whole scenario.",
    "The timeline keeps at most 500 environments and 20,000 handler runs; past that its window \
     ends early. Of the environments alive when a window opens, it draws the 250 most recently \
     used; requests other environments serve are counted in the figures but not drawn.",
];

/// Expected requests up to which a scenario is simulated request by request.
pub const EXACT_MAX_REQUESTS: f64 = 200_000.0;

/// Expected requests in the exact timeline window of a scenario simulated in aggregate.
pub const WINDOW_REQUESTS: f64 = 5_000.0;

/// Expected requests simulated before a window that opens later than the scenario's start, so
/// the environments that traffic leaves warm are there when the window opens.
pub const LEAD_IN_REQUESTS: f64 = 20_000.0;

/// A rise in demand counts as a spike when the rate at least doubles within this many seconds.
pub const SPIKE_RISE_S: f64 = 60.0;

/// How long before a spike's rise its window opens, in seconds.
pub const SPIKE_LEAD_S: f64 = 1.0;

/// Most environments the timeline stores.
pub const MAX_TIMELINE_ENVIRONMENTS: usize = 500;

/// Most handler runs (busy intervals) the timeline stores, over all environments.
pub const MAX_TIMELINE_BUSY_INTERVALS: usize = 20_000;

/// Bins of the latency histogram.
pub const HISTOGRAM_BINS: usize = 30;

/// Handler durations are uniform within ± this share of the average duration.
pub const DURATION_JITTER: f64 = 0.2;

/// The aggregate model takes about this many time steps, whatever the scenario's length.
const AGGREGATE_STEPS: f64 = 50_000.0;

/// The aggregate model remembers the last idle reclaim time in this many blocks.
const HISTORY_BLOCKS: usize = 16;

/// Most in-flight levels (or Poisson terms) the aggregate model evaluates per block; wider ranges
/// are sampled with a stride, so the cost stays flat as the rate grows.
const MAX_LEVEL_SAMPLES: f64 = 64.0;

/// Most Poisson terms Erlang's loss formula sums per block, sampled with a stride beyond.
const ERLANG_SAMPLES: f64 = 256.0;

/// How a run was computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Method {
    /// Request by request, over the whole scenario.
    Exact,
    /// Stepped through time in aggregate; only the timeline window is simulated request by request.
    Aggregate,
}

/// Where the timeline's window opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum WindowStart {
    /// At the scenario's start, every environment new (every exactly simulated scenario).
    Beginning,
    /// Just before the steepest spike in demand.
    Spike,
    /// At the median request: a typical moment, with the environments earlier traffic left warm.
    Typical,
}

/// One init phase of a cold start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PhaseKind {
    /// Creating the execution environment and loading the code.
    Environment,
    /// Extension init.
    Extensions,
    /// Runtime init.
    Runtime,
    /// Your code's init outside the handler.
    Function,
    /// A SnapStart restore, replacing runtime and function init.
    Restore,
    /// The extra time of the first handler run in a new environment.
    FirstInvoke,
}

impl PhaseKind {
    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Environment => "Environment",
            Self::Extensions => "Extensions",
            Self::Runtime => "Runtime init",
            Self::Function => "Your init",
            Self::Restore => "SnapStart restore",
            Self::FirstInvoke => "First invoke",
        }
    }
}

/// One init phase of an environment, in scenario seconds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PhaseInterval {
    /// Which phase.
    pub kind: PhaseKind,
    /// Start, in seconds.
    pub start_s: f64,
    /// End, in seconds.
    pub end_s: f64,
}

/// One handler run in an environment, in scenario seconds. A cold run starts after the init
/// phases of its environment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BusyInterval {
    /// Start of the handler, in seconds.
    pub start_s: f64,
    /// End of the handler, in seconds.
    pub end_s: f64,
    /// Whether the request waited for the environment's init (a cold start).
    pub cold: bool,
}

/// One execution environment on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Environment {
    /// Row in the timeline, from 0, in creation order; provisioned environments come first.
    pub id: usize,
    /// Kept initialised by provisioned concurrency (initialised before the window, never reclaimed).
    pub provisioned: bool,
    /// When the environment was created, in seconds.
    pub created_at_s: f64,
    /// Its init phases in order, zero-length phases left out; empty for provisioned environments.
    pub init: Vec<PhaseInterval>,
    /// Its handler runs in order.
    pub busy: Vec<BusyInterval>,
    /// When it was reclaimed after idling, if within the timeline window.
    pub reclaimed_at_s: Option<f64>,
}

/// The environments of the timeline window.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// Environments in creation order.
    pub environments: Vec<Environment>,
    /// The storage caps ended the window early.
    pub truncated: bool,
    /// Environments the window's simulation created, stored or not (provisioned included).
    pub environments_created: usize,
    /// On-demand environments already warm (or busy) when the window opened, created by the
    /// traffic before it; the first rows after the provisioned ones.
    pub warm_at_start: usize,
}

/// Latency and cold-start figures over the whole scenario. Counts are expected values, so they
/// can be fractional, in the aggregate method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Requests that arrived.
    pub requests: f64,
    /// Requests served (arrived minus throttled).
    pub served: f64,
    /// Requests served by a new environment (cold starts).
    pub cold: f64,
    /// Requests refused because the concurrency limit was reached.
    pub throttled: f64,
    /// Cold starts divided by requests served; 0 when none was served.
    pub cold_ratio: f64,
    /// Median latency of served requests, in ms (0 when none was served).
    pub p50_ms: f64,
    /// 95th percentile latency, in ms.
    pub p95_ms: f64,
    /// 99th percentile latency, in ms.
    pub p99_ms: f64,
    /// Mean latency, in ms.
    pub mean_ms: f64,
    /// Mean latency of warm requests, in ms (0 when there were none).
    pub warm_mean_ms: f64,
    /// Mean latency of cold requests, in ms (0 when there were none).
    pub cold_mean_ms: f64,
    /// Cold starts per hour of scenario time.
    pub cold_starts_per_hour: f64,
    /// Billed INIT time of all cold starts, in seconds; multiply by memory in GB for GB-s.
    pub billed_init_s: f64,
}

/// Latency histogram on a logarithmic ms scale from the fastest possible warm request to the
/// slowest possible cold one, split into warm and cold counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LatencyHistogram {
    /// Bin edges in ms, one more than the bins.
    pub edges_ms: Vec<f64>,
    /// Warm requests per bin (expected counts in the aggregate method).
    pub warm: Vec<f64>,
    /// Cold requests per bin.
    pub cold: Vec<f64>,
}

/// The cold-start simulation of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColdStartRun {
    /// How the figures were computed.
    pub method: Method,
    /// The scenario's span: first and last traffic point, in seconds.
    pub horizon_s: (f64, f64),
    /// The span the timeline covers, in seconds.
    pub timeline_window: (f64, f64),
    /// Why the timeline window opens where it does.
    pub window_start: WindowStart,
    /// What a cold request waits for before its handler starts, in ms: every init phase plus the
    /// first run's extra time.
    pub cold_penalty_ms: f64,
    /// Billed INIT of one cold start, in ms.
    pub billed_init_ms_per_cold_start: f64,
    /// Figures over the whole scenario.
    pub latency: LatencySummary,
    /// Latency distribution over the whole scenario.
    pub histogram: LatencyHistogram,
    /// Environments of the timeline window.
    pub timeline: Timeline,
}

impl ColdStartRun {
    /// Simulates the scenario: request by request up to [`EXACT_MAX_REQUESTS`] expected requests,
    /// in aggregate above.
    pub fn simulate(s: &Scenario) -> Self {
        let method = if expected_requests(&s.traffic) <= EXACT_MAX_REQUESTS {
            Method::Exact
        } else {
            Method::Aggregate
        };
        Self::simulate_method(s, method)
    }

    /// Simulates the scenario with the given method, whatever its size. The exact method's cost
    /// grows with the number of requests.
    pub fn simulate_method(s: &Scenario, method: Method) -> Self {
        let model = Model::of(s);
        let horizon_s = horizon(&s.traffic);
        let edges_ms = model.histogram_edges();
        match method {
            Method::Exact => {
                let span = ExactSpan {
                    start_s: horizon_s.0,
                    record_from_s: horizon_s.0,
                    end_s: horizon_s.1,
                    warm_pool: 0,
                };
                let mut run = run_exact(s, &model, &edges_ms, span);
                let latency = run.summary(&model, horizon_s);
                Self {
                    method,
                    horizon_s,
                    timeline_window: (horizon_s.0, run.recorder.window_end(horizon_s.1)),
                    window_start: WindowStart::Beginning,
                    cold_penalty_ms: model.cold_penalty_ms,
                    billed_init_ms_per_cold_start: model.phases.billed_init_ms(),
                    latency,
                    histogram: LatencyHistogram {
                        edges_ms,
                        warm: run.warm_bins,
                        cold: run.cold_bins,
                    },
                    timeline: run.recorder.into_timeline(run.environments_created, 0),
                }
            }
            Method::Aggregate => {
                let totals = run_aggregate(s, &model, horizon_s);
                let mixture = Mixture::of(&model, &totals);
                let (window_start, span) = window_span(&s.traffic, &model, horizon_s);
                let window = run_exact(s, &model, &edges_ms, span);
                Self {
                    method,
                    horizon_s,
                    timeline_window: (span.record_from_s, window.recorder.window_end(span.end_s)),
                    window_start,
                    cold_penalty_ms: model.cold_penalty_ms,
                    billed_init_ms_per_cold_start: model.phases.billed_init_ms(),
                    latency: mixture.summary(&model, &totals, horizon_s),
                    histogram: mixture.histogram(edges_ms),
                    timeline: window
                        .recorder
                        .into_timeline(window.environments_created, window.warm_at_start),
                }
            }
        }
    }

    /// Simulates the scenario with another runtime, all else equal, for side-by-side comparisons.
    pub fn simulate_with_runtime(s: &Scenario, runtime: Runtime) -> Self {
        let mut other = s.clone();
        other.cold_start.runtime = runtime;
        Self::simulate(&other)
    }
}

/// The `q` quantile (0..=1) of ascending `sorted_ms` by the nearest-rank method; `None` when empty.
pub fn percentile(sorted_ms: &[f64], q: f64) -> Option<f64> {
    let n = sorted_ms.len();
    if n == 0 {
        return None;
    }
    let rank = (q.clamp(0.0, 1.0) * n as f64).ceil() as usize;
    sorted_ms.get(rank.clamp(1, n) - 1).copied()
}

/// Expected requests of a traffic curve: the area under its linear interpolation.
pub fn expected_requests(traffic: &[(f64, f64)]) -> f64 {
    let mut cursor = RateCursor::new(traffic);
    cursor.area_to(f64::INFINITY)
}

/// Where the exact simulation of a timeline window starts, where the timeline starts recording,
/// and where both end, in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ExactSpan {
    start_s: f64,
    record_from_s: f64,
    end_s: f64,
    /// Environments warm at `start_s`, as earlier traffic would have left them.
    warm_pool: usize,
}

/// The timeline window of a scenario simulated in aggregate: just before its steepest spike if
/// demand at least doubles within [`SPIKE_RISE_S`], else from its median request; about
/// [`WINDOW_REQUESTS`] long, with up to [`LEAD_IN_REQUESTS`] (and at most the idle time) of the
/// traffic before it simulated unrecorded, to leave the environments it would leave warm.
fn window_span(
    traffic: &[(f64, f64)],
    model: &Model,
    horizon_s: (f64, f64),
) -> (WindowStart, ExactSpan) {
    let (h0, h1) = horizon_s;
    let (kind, record_from_s) = match steepest_spike(traffic) {
        Some(rise_s) if rise_s - SPIKE_LEAD_S > h0 => (WindowStart::Spike, rise_s - SPIKE_LEAD_S),
        Some(_) => (WindowStart::Beginning, h0),
        None => {
            let median_s = RateCursor::new(traffic)
                .advance(0.5 * expected_requests(traffic))
                .unwrap_or(h0);
            if median_s > h0 {
                (WindowStart::Typical, median_s)
            } else {
                (WindowStart::Beginning, h0)
            }
        }
    };
    let before = RateCursor::new(traffic).area_to(record_from_s);
    let lead_in_s = if before > LEAD_IN_REQUESTS {
        RateCursor::new(traffic)
            .advance(before - LEAD_IN_REQUESTS)
            .unwrap_or(h0)
    } else {
        h0
    };
    let start_s = lead_in_s
        .max(record_from_s - model.idle_s)
        .clamp(h0, record_from_s);
    let mut cursor = RateCursor::new(traffic);
    cursor.area_to(record_from_s);
    let end_s = cursor.advance(WINDOW_REQUESTS).unwrap_or(h1);
    // Past the scenario's start, traffic before the lead-in has kept a pool warm: as many
    // environments as requests in flight at that rate plus three standard deviations (Poisson),
    // so the lead-in does not begin with a burst of cold starts no steady service has.
    let warm_pool = if kind == WindowStart::Beginning {
        0
    } else {
        let in_flight = traffic::rate_at(traffic, start_s).max(0.0) * model.duration_ms / 1000.0;
        ((in_flight + 3.0 * in_flight.sqrt() + 1.0).ceil() as usize).min(model.limit)
    };
    (
        kind,
        ExactSpan {
            start_s,
            record_from_s,
            end_s,
            warm_pool,
        },
    )
}

/// When the steepest spike of a traffic curve starts: the start of the segment with the largest
/// rise in rate among those where the rate at least doubles within [`SPIKE_RISE_S`].
fn steepest_spike(traffic: &[(f64, f64)]) -> Option<f64> {
    traffic
        .windows(2)
        .filter_map(|pair| {
            let [(t0, r0), (t1, r1)] = [*pair.first()?, *pair.get(1)?];
            let (r0, r1) = (r0.max(0.0), r1.max(0.0));
            (r1 > r0 && r1 >= 2.0 * r0 && t1 - t0 <= SPIKE_RISE_S).then_some((t0, r1 - r0))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t0, _)| t0)
}

/// The span of a traffic curve, first to last point, in seconds.
fn horizon(traffic: &[(f64, f64)]) -> (f64, f64) {
    match (traffic.first(), traffic.last()) {
        (Some(first), Some(last)) => (first.0, last.0.max(first.0)),
        _ => (0.0, 0.0),
    }
}

/// The scenario's inputs as the simulations use them.
#[derive(Clone, Copy, Debug)]
struct Model {
    phases: InitPhases,
    /// Init phases plus the first run's extra time, in ms.
    cold_penalty_ms: f64,
    duration_ms: f64,
    idle_s: f64,
    limit: usize,
    provisioned: usize,
    seed: u64,
}

impl Model {
    fn of(s: &Scenario) -> Self {
        let phases = InitPhases::of(s);
        let limit = s
            .lambda
            .reserved_concurrency
            .unwrap_or(s.lambda.account_concurrency_limit);
        Self {
            phases,
            cold_penalty_ms: phases.total_ms() + phases.first_invoke_extra_ms,
            duration_ms: s.workload.avg_duration_ms.max(0.001),
            idle_s: s.cold_start.idle_reclaim_min.max(0.0) * 60.0,
            limit: limit as usize,
            provisioned: s.lambda.provisioned_concurrency as usize,
            seed: s.cold_start.seed,
        }
    }

    /// Handler duration for a uniform draw `u` in [0, 1).
    fn handler_ms(&self, u: f64) -> f64 {
        self.duration_ms * (1.0 - DURATION_JITTER + 2.0 * DURATION_JITTER * u)
    }

    fn fastest_ms(&self) -> f64 {
        self.duration_ms * (1.0 - DURATION_JITTER)
    }

    fn slowest_ms(&self) -> f64 {
        self.duration_ms * (1.0 + DURATION_JITTER)
    }

    /// Log-spaced edges from the fastest warm to the slowest cold latency.
    fn histogram_edges(&self) -> Vec<f64> {
        let lo = self.fastest_ms();
        let hi = (self.slowest_ms() + self.cold_penalty_ms).max(lo * 1.001);
        let ratio = hi / lo;
        (0..=HISTOGRAM_BINS)
            .map(|i| lo * ratio.powf(i as f64 / HISTOGRAM_BINS as f64))
            .collect()
    }

    /// The init phases of an environment created at `t_s`, zero-length ones left out.
    fn init_intervals(&self, t_s: f64) -> Vec<PhaseInterval> {
        let p = &self.phases;
        let mut start_s = t_s;
        [
            (PhaseKind::Environment, p.environment_ms),
            (PhaseKind::Extensions, p.extensions_ms),
            (PhaseKind::Runtime, p.runtime_ms),
            (PhaseKind::Function, p.function_ms),
            (PhaseKind::Restore, p.restore_ms),
            (PhaseKind::FirstInvoke, p.first_invoke_extra_ms),
        ]
        .into_iter()
        .filter(|&(_, ms)| ms > 0.0)
        .map(|(kind, ms)| {
            let interval = PhaseInterval {
                kind,
                start_s,
                end_s: start_s + ms / 1000.0,
            };
            start_s = interval.end_s;
            interval
        })
        .collect()
    }
}

/// Walks forward along a piecewise-linear rate curve, measuring or consuming expected arrivals.
struct RateCursor<'a> {
    points: &'a [(f64, f64)],
    segment: usize,
    t_s: f64,
}

/// A segment of the rate curve: start, end, rate at start, slope per second.
#[derive(Clone, Copy)]
struct Segment {
    end_s: f64,
    start_s: f64,
    start_rps: f64,
    slope: f64,
}

impl Segment {
    fn rate_at(&self, t_s: f64) -> f64 {
        (self.start_rps + self.slope * (t_s - self.start_s)).max(0.0)
    }
}

impl<'a> RateCursor<'a> {
    fn new(points: &'a [(f64, f64)]) -> Self {
        Self {
            points,
            segment: 0,
            t_s: points.first().map_or(0.0, |p| p.0),
        }
    }

    fn current(&self) -> Option<Segment> {
        let &(start_s, a_rps) = self.points.get(self.segment)?;
        let &(end_s, b_rps) = self.points.get(self.segment + 1)?;
        let (a_rps, b_rps) = (a_rps.max(0.0), b_rps.max(0.0));
        let length_s = end_s - start_s;
        Some(Segment {
            end_s,
            start_s,
            start_rps: a_rps,
            slope: if length_s > 0.0 {
                (b_rps - a_rps) / length_s
            } else {
                0.0
            },
        })
    }

    /// Moves forward until `area` expected arrivals have passed and returns that time, by
    /// inverting the integrated rate (time rescaling); `None` past the last point.
    fn advance(&mut self, area: f64) -> Option<f64> {
        let mut area = area.max(0.0);
        loop {
            let segment = self.current()?;
            let rest_s = (segment.end_s - self.t_s).max(0.0);
            let now_rps = segment.rate_at(self.t_s);
            let rest_area = 0.5 * (now_rps + segment.rate_at(segment.end_s)) * rest_s;
            if area <= rest_area && rest_area > 0.0 {
                // Solve now_rps·x + slope·x²/2 = area in the form that stays stable for any slope.
                let root = (now_rps * now_rps + 2.0 * segment.slope * area)
                    .max(0.0)
                    .sqrt();
                let denominator = now_rps + root;
                let x_s = if denominator > 0.0 {
                    (2.0 * area / denominator).min(rest_s)
                } else {
                    0.0
                };
                self.t_s += x_s;
                return Some(self.t_s);
            }
            area -= rest_area;
            self.segment += 1;
            self.t_s = segment.end_s;
        }
    }

    /// Expected arrivals from the cursor to `t_s`, moving the cursor there.
    fn area_to(&mut self, t_s: f64) -> f64 {
        let mut total = 0.0;
        while let Some(segment) = self.current() {
            if self.t_s >= t_s {
                break;
            }
            let stop_s = t_s.min(segment.end_s);
            total += 0.5
                * (segment.rate_at(self.t_s) + segment.rate_at(stop_s))
                * (stop_s - self.t_s).max(0.0);
            self.t_s = stop_s.max(self.t_s);
            if stop_s < segment.end_s {
                break;
            }
            self.segment += 1;
        }
        total
    }
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

/// Stores what the timeline needs within its caps; the first cap reached ends the window. The
/// simulation's environment ids are mapped to timeline rows, since a window that opens late
/// shows only the environments alive from then on.
#[derive(Default)]
struct Recorder {
    /// Whether the window has opened.
    recording: bool,
    environments: Vec<Environment>,
    /// The row of each simulation id, where recorded.
    rows: Vec<Option<usize>>,
    busy_intervals: usize,
    frozen_at_s: Option<f64>,
}

impl Recorder {
    fn row(&self, id: usize) -> Option<usize> {
        self.rows.get(id).copied().flatten()
    }

    /// Records a new environment under simulation id `id` as the next row.
    fn add_environment(&mut self, id: usize, mut environment: Environment, t_s: f64) {
        if !self.recording || self.frozen_at_s.is_some() {
            return;
        }
        // A full interval store ends the window here too, so no environment is drawn without
        // the request that created it.
        if self.environments.len() >= MAX_TIMELINE_ENVIRONMENTS
            || self.busy_intervals >= MAX_TIMELINE_BUSY_INTERVALS
        {
            self.frozen_at_s = Some(t_s);
            return;
        }
        if self.rows.len() <= id {
            self.rows.resize(id + 1, None);
        }
        if let Some(slot) = self.rows.get_mut(id) {
            *slot = Some(self.environments.len());
        }
        environment.id = self.environments.len();
        self.environments.push(environment);
    }

    fn add_busy(&mut self, id: usize, interval: BusyInterval, t_s: f64) {
        if !self.recording || self.frozen_at_s.is_some() {
            return;
        }
        if self.busy_intervals >= MAX_TIMELINE_BUSY_INTERVALS {
            self.frozen_at_s = Some(t_s);
            return;
        }
        if let Some(environment) = self.row(id).and_then(|row| self.environments.get_mut(row)) {
            environment.busy.push(interval);
            self.busy_intervals += 1;
        }
    }

    fn reclaim(&mut self, id: usize, at_s: f64) {
        if self.frozen_at_s.is_some_and(|frozen_s| at_s > frozen_s) {
            return;
        }
        if let Some(environment) = self.row(id).and_then(|row| self.environments.get_mut(row)) {
            environment.reclaimed_at_s = Some(at_s);
        }
    }

    fn window_end(&self, end_s: f64) -> f64 {
        self.frozen_at_s
            .map_or(end_s, |frozen_s| frozen_s.min(end_s))
    }

    fn into_timeline(self, environments_created: usize, warm_at_start: usize) -> Timeline {
        Timeline {
            truncated: self.frozen_at_s.is_some(),
            environments: self.environments,
            environments_created,
            warm_at_start,
        }
    }
}

/// The outcome of a request-by-request simulation.
struct ExactRun {
    requests: u64,
    cold: u64,
    throttled: u64,
    latencies_ms: Vec<f64>,
    warm_sum_ms: f64,
    cold_sum_ms: f64,
    warm_bins: Vec<f64>,
    cold_bins: Vec<f64>,
    environments_created: usize,
    /// On-demand environments alive when the window opened (0 when it opens at the start).
    warm_at_start: usize,
    recorder: Recorder,
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

    fn summary(&mut self, model: &Model, horizon_s: (f64, f64)) -> LatencySummary {
        self.latencies_ms.sort_by(f64::total_cmp);
        let sorted = &self.latencies_ms;
        let served = sorted.len() as f64;
        let cold = self.cold as f64;
        let warm = served - cold;
        let at = |q| percentile(sorted, q).unwrap_or(0.0);
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
        }
    }
}

/// `a / b`, or 0 when `b` is not positive.
fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// Cold starts per hour over the horizon; the count itself for a zero-length horizon.
fn per_hour(cold: f64, horizon_s: (f64, f64)) -> f64 {
    let hours = (horizon_s.1 - horizon_s.0) / 3600.0;
    if hours > 0.0 { cold / hours } else { cold }
}

/// The histogram bin of a latency (log scale), clamped to the first and last bin.
fn bin_of(latency_ms: f64, edges_ms: &[f64]) -> usize {
    let (Some(&lo), Some(&hi)) = (edges_ms.first(), edges_ms.last()) else {
        return 0;
    };
    let bins = edges_ms.len().saturating_sub(1);
    let position = (latency_ms / lo).ln() / (hi / lo).ln() * bins as f64;
    if position.is_finite() && position > 0.0 {
        (position as usize).min(bins.saturating_sub(1))
    } else {
        0
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
        }
    }

    /// Environments created so far, provisioned included.
    fn created(&self) -> usize {
        self.provisioned + self.created_at_s.len()
    }

    /// Frees the environments whose request ended by `t_s`, in order of their end, then reclaims
    /// the free on-demand ones idle for the reclaim time by then.
    fn settle(&mut self, t_s: f64, idle_s: f64, recorder: &mut Recorder) {
        while let Some(top) = self.in_flight.peek().copied() {
            if top.end_s > t_s {
                break;
            }
            self.in_flight.pop();
            if top.env < self.provisioned {
                self.provisioned_free.push(top.env);
            } else {
                self.warm_free.push_back((top.end_s, top.env));
            }
        }
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

/// Simulates every request from `span.start_s` to `span.end_s`. The timeline records from
/// `span.record_from_s`, opening with the environments alive then.
fn run_exact(s: &Scenario, model: &Model, edges_ms: &[f64], span: ExactSpan) -> ExactRun {
    let mut rng = SplitMix64(model.seed);
    let mut cursor = RateCursor::new(&s.traffic);
    cursor.area_to(span.start_s);
    let mut run = ExactRun {
        requests: 0,
        cold: 0,
        throttled: 0,
        latencies_ms: Vec::new(),
        warm_sum_ms: 0.0,
        cold_sum_ms: 0.0,
        warm_bins: vec![0.0; HISTOGRAM_BINS],
        cold_bins: vec![0.0; HISTOGRAM_BINS],
        environments_created: 0,
        warm_at_start: 0,
        recorder: Recorder::default(),
    };
    let mut pool = Pool::new(model, span);
    loop {
        let arrival_s = cursor
            .advance(rng.exponential())
            .filter(|&t| t <= span.end_s);
        if !run.recorder.recording && arrival_s.is_none_or(|t| t >= span.record_from_s) {
            pool.settle(span.record_from_s, model.idle_s, &mut run.recorder);
            run.warm_at_start = open_window(&mut run.recorder, model, span.record_from_s, &pool);
        }
        let Some(t_s) = arrival_s else {
            break;
        };
        let handler_ms = model.handler_ms(rng.unit());
        pool.settle(t_s, model.idle_s, &mut run.recorder);
        run.requests += 1;
        if pool.in_flight.len() >= model.limit {
            run.throttled += 1;
            continue;
        }
        let (env, cold) = if let Some(env) = pool.take_free() {
            (env, false)
        } else {
            let env = pool.create(t_s);
            let environment = Environment {
                id: env,
                provisioned: false,
                created_at_s: t_s,
                init: model.init_intervals(t_s),
                busy: Vec::new(),
                reclaimed_at_s: None,
            };
            run.recorder.add_environment(env, environment, t_s);
            (env, true)
        };
        let wait_ms = if cold { model.cold_penalty_ms } else { 0.0 };
        let handler_start_s = t_s + wait_ms / 1000.0;
        let interval = BusyInterval {
            start_s: handler_start_s,
            end_s: handler_start_s + handler_ms / 1000.0,
            cold,
        };
        pool.in_flight.push(InFlight {
            end_s: interval.end_s,
            env,
            run: interval,
        });
        run.recorder.add_busy(env, interval, t_s);
        run.record(wait_ms + handler_ms, cold, edges_ms);
    }
    // Environments that went idle before the end and stayed idle for the reclaim time.
    pool.settle(span.end_s, model.idle_s, &mut run.recorder);
    run.environments_created = pool.created();
    run
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

/// Totals of the aggregate method (expected counts).
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    requests: f64,
    cold: f64,
    throttled: f64,
}

/// Warm environment levels and when each was last in use. With most-recently-used reuse the
/// environment at level k is in use whenever k or more requests are in flight, so "last used"
/// never increases with the level: segments `(top_level, last_used_s)`, lowest (newest) first.
#[derive(Default)]
struct Staircase {
    segments: VecDeque<(f64, f64)>,
}

impl Staircase {
    fn top(&self) -> f64 {
        self.segments.back().map_or(0.0, |&(top, _)| top)
    }

    /// Levels up to `level` are in use at `t_s`.
    fn use_up_to(&mut self, level: f64, t_s: f64) {
        if level <= 0.0 {
            return;
        }
        while self.segments.front().is_some_and(|&(top, _)| top <= level) {
            self.segments.pop_front();
        }
        self.segments.push_front((level, t_s));
    }

    /// Drops the levels idle for the reclaim time by `t_s`.
    fn reclaim(&mut self, t_s: f64, idle_s: f64) {
        while self
            .segments
            .back()
            .is_some_and(|&(_, used_s)| used_s + idle_s <= t_s)
        {
            self.segments.pop_back();
        }
    }
}

/// Arrival rate and requests in flight over one history block.
#[derive(Clone, Copy, Debug)]
struct Block {
    rps: f64,
    in_flight: f64,
    /// ln of `in_flight`, kept because every level's Poisson term needs it.
    ln_in_flight: f64,
    length_s: f64,
}

/// What one block accumulates step by step.
#[derive(Clone, Copy, Debug, Default)]
struct BlockSum {
    arrivals: f64,
    length_s: f64,
    cold: f64,
    throttled: f64,
    steps: usize,
}

/// The aggregate model's state while it steps through time.
struct Aggregate {
    model: Model,
    duration_s: f64,
    /// How long a cold start keeps its environment busy: init plus its first request.
    cold_busy_s: f64,
    limit: f64,
    provisioned: f64,
    stairs: Staircase,
    /// Recent cold starts (created at, count), while their environments initialise.
    cohorts: VecDeque<(f64, f64)>,
    history: VecDeque<Block>,
    block: BlockSum,
    totals: Totals,
    /// Environments alive above the pool thanks to random peaks, as a level, and the pool top it
    /// was computed above (it no longer applies once the pool shrinks below that).
    peak_top: f64,
    peak_base: f64,
}

impl Aggregate {
    /// One time step of the fluid model; adds to the current block.
    fn step(&mut self, t_s: f64, step_s: f64, arrivals: f64) {
        self.stairs.reclaim(t_s, self.model.idle_s);
        let cold_busy_s = self.cold_busy_s;
        while self
            .cohorts
            .front()
            .is_some_and(|&(created_s, _)| created_s + cold_busy_s <= t_s)
        {
            self.cohorts.pop_front();
        }
        let initialising: f64 = self
            .cohorts
            .iter()
            .map(|&(created_s, count)| {
                count * ((created_s + cold_busy_s - t_s) / step_s).clamp(0.0, 1.0)
            })
            .sum();
        // Little's law: requests in flight = arrival rate × duration.
        let in_flight = arrivals / step_s * self.duration_s;
        let pool = self.provisioned + self.stairs.top();
        // Environments that random peaks created and keep alive serve a rising mean first.
        let alive = if pool >= self.peak_base {
            pool.max(self.peak_top)
        } else {
            pool
        };
        let free = (alive - initialising).max(0.0);
        let shortage = (in_flight - free).max(0.0);
        let mut created = 0.0;
        if shortage > 0.0 {
            // Arrivals beyond the free pool each start an environment until the first of those
            // finishes its init and first request; after that they are served warm.
            let excess = shortage * step_s / self.duration_s;
            let needed = shortage * step_s.min(cold_busy_s) / self.duration_s;
            let headroom = (self.limit - initialising - in_flight.min(free)).max(0.0);
            created = needed.min(headroom);
            self.block.throttled += excess * (1.0 - created / needed);
            self.cohorts.push_back((t_s, created));
        }
        let used = if created > 0.0 {
            alive + created
        } else {
            alive.min(in_flight + initialising)
        };
        self.stairs.use_up_to(used - self.provisioned, t_s);
        self.block.cold += created;
        self.block.arrivals += arrivals;
        self.block.length_s += step_s;
        self.block.steps += 1;
    }

    /// Closes the current block: adds the random peaks above the pool and the throttling near the
    /// limit, both from the block's average rate.
    fn close_block(&mut self) {
        let block = std::mem::take(&mut self.block);
        if block.length_s <= 0.0 {
            return;
        }
        let rps = block.arrivals / block.length_s;
        let in_flight = rps * self.duration_s;
        let current = Block {
            rps,
            in_flight,
            ln_in_flight: in_flight.ln(),
            length_s: block.length_s,
        };
        let pool = self.provisioned + self.stairs.top();
        let peaks = peak_cold_starts(&self.history, current, pool, self.limit);
        self.peak_base = pool;
        self.peak_top = pool + peaks.alive;
        let blocked = erlang_b(self.limit, current.in_flight) * block.arrivals;
        self.totals.requests += block.arrivals;
        self.totals.throttled += block.throttled.max(blocked);
        self.totals.cold += block.cold + peaks.cold;
        self.history.push_back(current);
        if self.history.len() > HISTORY_BLOCKS {
            self.history.pop_front();
        }
    }
}

/// Steps through the scenario in aggregate: time steps for the pool, blocks of 1/16 of the idle
/// time for random peaks and throttling near the limit.
fn run_aggregate(s: &Scenario, model: &Model, horizon_s: (f64, f64)) -> Totals {
    let (start_s, end_s) = horizon_s;
    let step_s = ((end_s - start_s) / AGGREGATE_STEPS).clamp(0.1, 60.0);
    let block_steps = (model.idle_s / HISTORY_BLOCKS as f64 / step_s)
        .round()
        .max(1.0) as usize;
    let mut state = Aggregate {
        model: *model,
        duration_s: model.duration_ms / 1000.0,
        cold_busy_s: (model.cold_penalty_ms + model.duration_ms) / 1000.0,
        limit: model.limit as f64,
        provisioned: model.provisioned as f64,
        stairs: Staircase::default(),
        cohorts: VecDeque::new(),
        history: VecDeque::new(),
        block: BlockSum::default(),
        totals: Totals::default(),
        peak_top: 0.0,
        peak_base: 0.0,
    };
    let mut cursor = RateCursor::new(&s.traffic);
    let mut k = 0_u64;
    loop {
        let t_s = start_s + k as f64 * step_s;
        if t_s >= end_s {
            break;
        }
        let next_s = (t_s + step_s).min(end_s);
        let arrivals = cursor.area_to(next_s);
        state.step(t_s, next_s - t_s, arrivals);
        if state.block.steps >= block_steps {
            state.close_block();
        }
        k += 1;
    }
    state.close_block();
    let mut totals = state.totals;
    totals.throttled = totals.throttled.min(totals.requests);
    totals.cold = totals.cold.min(totals.requests - totals.throttled);
    totals
}

/// What random peaks above the pool do in one block (expected values).
#[derive(Clone, Copy, Debug, Default)]
struct Peaks {
    /// Cold starts they cause.
    cold: f64,
    /// Environments above the pool they keep alive at the block's end.
    alive: f64,
}

/// Random peaks of requests in flight above the `pool` in `current`: the environment at level j
/// starts when an arrival finds j − 1 requests in flight (rate λ·P(N = j − 1), N Poisson with mean
/// λ × duration) and no such arrival came during the last idle time, so it was reclaimed or never
/// created; it is alive while such an arrival came within the idle time.
fn peak_cold_starts(history: &VecDeque<Block>, current: Block, pool: f64, limit: f64) -> Peaks {
    let m = current.in_flight;
    let mut peaks = Peaks::default();
    if current.rps <= 0.0 {
        return peaks;
    }
    let first = pool.max(0.0).floor() + 1.0;
    let last = limit.min((m + 12.0 * m.sqrt() + 12.0).ceil());
    if first > last {
        return peaks;
    }
    let stride = ((last - first + 1.0) / MAX_LEVEL_SAMPLES).ceil().max(1.0);
    let highest_in_flight = history.iter().fold(m, |top, b| top.max(b.in_flight));
    // Each sample stands for `stride` levels and is evaluated at their middle, k = level − 1 +
    // (stride − 1)/2. Per block: expected arrivals (rate × length), P(N = k), and ln m^stride,
    // which moves P(N = k) to the next sample together with the factorials, so that most samples
    // need no exponential per block.
    let mut k = first - 1.0 + (stride - 1.0) / 2.0;
    let mut ln_k_factorial = ln_gamma(k + 1.0);
    let mut terms: Vec<(f64, f64, f64, f64)> = history
        .iter()
        .chain(std::iter::once(&current))
        .map(|b| {
            (
                b.rps * b.length_s,
                poisson_pmf(k, *b, ln_k_factorial),
                stride * b.ln_in_flight,
                (stride * b.ln_in_flight).exp(),
            )
        })
        .collect();
    let mut level = first;
    while level <= last {
        let width = stride.min(last - level + 1.0);
        let (earlier_terms, now_terms) = terms.split_at(terms.len().saturating_sub(1));
        let earlier: f64 = earlier_terms.iter().map(|&(n, p, _, _)| n * p).sum();
        let now: f64 = now_terms.iter().map(|&(n, p, _, _)| n * p).sum();
        // Above every block's mean the terms only shrink: stop once they no longer count.
        if k > highest_in_flight && earlier + now < 1e-12 {
            break;
        }
        peaks.cold += width * (-earlier).exp() * (1.0 - (-now).exp());
        peaks.alive += width * (1.0 - (-(earlier + now)).exp());
        level += stride;
        k += stride;
        let next_ln_factorial = ln_gamma(k + 1.0);
        let ln_shrink = ln_k_factorial - next_ln_factorial;
        let shrink = ln_shrink.exp();
        ln_k_factorial = next_ln_factorial;
        for (_, p, ln_step, step) in &mut terms {
            // Multiply when both factors are representable, else combine them in logs.
            *p *= if ln_step.abs() < 600.0 && ln_shrink > -600.0 {
                *step * shrink
            } else {
                (*ln_step + ln_shrink).exp()
            };
        }
    }
    peaks
}

/// Poisson probability of `k` requests in flight in `block` (k may be fractional, through the
/// gamma function).
fn poisson_pmf(k: f64, block: Block, ln_k_factorial: f64) -> f64 {
    if block.in_flight <= 0.0 {
        return if k <= 0.0 { 1.0 } else { 0.0 };
    }
    (k * block.ln_in_flight - block.in_flight - ln_k_factorial).exp()
}

/// ln Γ(x) for x > 0: Stirling's series after shifting x above 8.
fn ln_gamma(x: f64) -> f64 {
    let mut x = x.max(f64::MIN_POSITIVE);
    let mut shift = 0.0;
    while x < 8.0 {
        shift += x.ln();
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    (x - 0.5) * x.ln() - x
        + 0.5 * (2.0 * std::f64::consts::PI).ln()
        + inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 / 1260.0))
        - shift
}

/// Erlang's loss formula: the share of arrivals that find all `servers` busy at offered load `m`,
/// B = P(N = c) / P(N ≤ c) for N Poisson(m). The sum is sampled with a stride above
/// [`ERLANG_SAMPLES`] terms so its cost stays flat as the load grows.
fn erlang_b(servers: f64, m: f64) -> f64 {
    if m <= 0.0 {
        return 0.0;
    }
    let c = servers.floor();
    if c < 1.0 {
        return 1.0;
    }
    let spread = 12.0 * m.sqrt() + 12.0;
    if c > m + spread + 30.0 {
        return 0.0;
    }
    let first = (c.min(m) - spread).max(0.0).floor();
    let stride = ((c - first + 1.0) / ERLANG_SAMPLES).ceil().max(1.0);
    let ln_top = c * m.ln() - ln_gamma(c + 1.0);
    // Terms relative to P(N = c), so that nothing overflows or underflows.
    let mut relative_sum = 0.0;
    let mut k = c;
    while k >= first {
        let width = stride.min(k - first + 1.0);
        let mid = k - (width - 1.0) / 2.0;
        relative_sum += width * (mid * m.ln() - ln_gamma(mid + 1.0) - ln_top).exp();
        k -= stride;
    }
    if relative_sum > 0.0 {
        (1.0 / relative_sum).min(1.0)
    } else {
        0.0
    }
}

/// The aggregate latency distribution: warm and cold handler times, uniform, weighted by counts.
struct Mixture {
    warm: f64,
    cold: f64,
    lo_ms: f64,
    hi_ms: f64,
    penalty_ms: f64,
}

impl Mixture {
    fn of(model: &Model, totals: &Totals) -> Self {
        let served = (totals.requests - totals.throttled).max(0.0);
        Self {
            warm: (served - totals.cold).max(0.0),
            cold: totals.cold,
            lo_ms: model.fastest_ms(),
            hi_ms: model.slowest_ms(),
            penalty_ms: model.cold_penalty_ms,
        }
    }

    fn uniform_cdf(x: f64, lo: f64, hi: f64) -> f64 {
        if hi <= lo {
            return if x >= lo { 1.0 } else { 0.0 };
        }
        ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
    }

    /// Expected requests at or below `x_ms`, warm and cold.
    fn counts_below(&self, x_ms: f64) -> (f64, f64) {
        (
            self.warm * Self::uniform_cdf(x_ms, self.lo_ms, self.hi_ms),
            self.cold
                * Self::uniform_cdf(
                    x_ms,
                    self.lo_ms + self.penalty_ms,
                    self.hi_ms + self.penalty_ms,
                ),
        )
    }

    /// The smallest latency with at least a `q` share of requests at or below it (bisection).
    fn quantile(&self, q: f64) -> f64 {
        let total = self.warm + self.cold;
        if total <= 0.0 {
            return 0.0;
        }
        let (mut lo, mut hi) = (self.lo_ms, self.hi_ms + self.penalty_ms);
        for _ in 0..100 {
            let mid = 0.5 * (lo + hi);
            let (warm, cold) = self.counts_below(mid);
            if (warm + cold) / total >= q {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    fn summary(&self, model: &Model, totals: &Totals, horizon_s: (f64, f64)) -> LatencySummary {
        let served = self.warm + self.cold;
        let handler_mean_ms = 0.5 * (self.lo_ms + self.hi_ms);
        let cold_mean_ms = handler_mean_ms + self.penalty_ms;
        LatencySummary {
            requests: totals.requests,
            served,
            cold: self.cold,
            throttled: totals.throttled,
            cold_ratio: ratio(self.cold, served),
            p50_ms: self.quantile(0.50),
            p95_ms: self.quantile(0.95),
            p99_ms: self.quantile(0.99),
            mean_ms: ratio(
                self.warm * handler_mean_ms + self.cold * cold_mean_ms,
                served,
            ),
            warm_mean_ms: if self.warm > 0.0 {
                handler_mean_ms
            } else {
                0.0
            },
            cold_mean_ms: if self.cold > 0.0 { cold_mean_ms } else { 0.0 },
            cold_starts_per_hour: per_hour(self.cold, horizon_s),
            billed_init_s: self.cold * model.phases.billed_init_ms() / 1000.0,
        }
    }

    fn histogram(&self, edges_ms: Vec<f64>) -> LatencyHistogram {
        let mut warm = Vec::with_capacity(HISTOGRAM_BINS);
        let mut cold = Vec::with_capacity(HISTOGRAM_BINS);
        for pair in edges_ms.windows(2) {
            let (Some(&a), Some(&b)) = (pair.first(), pair.get(1)) else {
                continue;
            };
            let (warm_a, cold_a) = self.counts_below(a);
            let (warm_b, cold_b) = self.counts_below(b);
            warm.push(warm_b - warm_a);
            cold.push(cold_b - cold_a);
        }
        LatencyHistogram {
            edges_ms,
            warm,
            cold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{PackageType, Runtime};

    /// A scenario with the given traffic and handler duration, everything else default.
    fn scenario(traffic: &[(f64, f64)], duration_ms: f64) -> Scenario {
        let mut s = Scenario {
            traffic: traffic.to_vec(),
            ..Scenario::default()
        };
        s.workload.avg_duration_ms = duration_ms;
        s
    }

    fn steady(rps: f64, minutes: f64, duration_ms: f64) -> Scenario {
        scenario(&[(0.0, rps), (minutes * 60.0, rps)], duration_ms)
    }

    fn all_busy(run: &ColdStartRun) -> Vec<BusyInterval> {
        let mut busy: Vec<BusyInterval> = run
            .timeline
            .environments
            .iter()
            .flat_map(|e| e.busy.iter().copied())
            .collect();
        busy.sort_by(|a, b| a.start_s.total_cmp(&b.start_s));
        busy
    }

    #[test]
    fn steady_traffic_is_rarely_cold() {
        let run = ColdStartRun::simulate(&steady(10.0, 10.0, 100.0));
        assert_eq!(run.method, Method::Exact);
        assert!(run.latency.requests > 5_000.0, "{:?}", run.latency);
        assert!(run.latency.cold >= 1.0);
        assert!(run.latency.cold_ratio < 0.01, "{:?}", run.latency);
        assert_eq!(run.latency.throttled, 0.0);
    }

    #[test]
    fn gap_longer_than_idle_time_makes_next_request_cold() {
        // 1 rps, then 15 minutes without traffic (idle reclaim 10 min), then 1 rps again.
        let traffic = [
            (0.0, 1.0),
            (300.0, 1.0),
            (301.0, 0.0),
            (1201.0, 0.0),
            (1202.0, 1.0),
            (1500.0, 1.0),
        ];
        let run = ColdStartRun::simulate(&scenario(&traffic, 100.0));
        let after_gap = all_busy(&run).into_iter().find(|b| b.start_s > 1000.0);
        assert!(after_gap.unwrap().cold);
        // Every environment from before the gap was reclaimed exactly idle time after its last run.
        for e in run
            .timeline
            .environments
            .iter()
            .filter(|e| e.created_at_s < 301.0)
        {
            let last_end_s = e.busy.last().unwrap().end_s;
            let reclaimed_s = e.reclaimed_at_s.unwrap();
            assert!((reclaimed_s - last_end_s - 600.0).abs() < 1e-9);
        }

        // The same with a 5-minute gap: the first request after it is warm.
        let short = [
            (0.0, 1.0),
            (300.0, 1.0),
            (301.0, 0.0),
            (601.0, 0.0),
            (602.0, 1.0),
            (900.0, 1.0),
        ];
        let run = ColdStartRun::simulate(&scenario(&short, 100.0));
        let after_gap = all_busy(&run).into_iter().find(|b| b.start_s > 500.0);
        assert!(!after_gap.unwrap().cold);
    }

    #[test]
    fn provisioned_concurrency_removes_cold_starts_up_to_its_count() {
        let mut s = steady(20.0, 10.0, 200.0);
        let without = ColdStartRun::simulate(&s);
        assert!(without.latency.cold > 0.0);
        s.lambda.provisioned_concurrency = 2;
        let some = ColdStartRun::simulate(&s);
        assert!(some.latency.cold < without.latency.cold);
        // Above the peak number of requests in flight nothing is ever cold.
        s.lambda.provisioned_concurrency = 40;
        let enough = ColdStartRun::simulate(&s);
        assert_eq!(enough.latency.cold, 0.0);
        assert_eq!(enough.timeline.environments.len(), 40);
        for e in &enough.timeline.environments {
            assert!(e.provisioned && e.init.is_empty() && e.reclaimed_at_s.is_none());
        }
        assert!(enough.latency.p99_ms <= 200.0 * 1.2);
    }

    fn java_night(snapstart: bool) -> Scenario {
        // A quiet API: one request every 20 minutes on average, so most requests are cold.
        let mut s = scenario(&[(0.0, 1.0 / 1200.0), (86_400.0, 1.0 / 1200.0)], 100.0);
        s.cold_start.runtime = Runtime::Java21;
        s.cold_start.function_init_ms = 8000.0;
        s.cold_start.snapstart = snapstart;
        s
    }

    #[test]
    fn snapstart_cuts_java_cold_latency() {
        let plain = ColdStartRun::simulate(&java_night(false));
        let snap = ColdStartRun::simulate(&java_night(true));
        assert!(plain.latency.cold_ratio > 0.3, "{:?}", plain.latency);
        assert!(plain.latency.p99_ms > 8_000.0, "{:?}", plain.latency);
        assert!(snap.latency.p99_ms < plain.latency.p99_ms / 4.0);
        assert_eq!(snap.billed_init_ms_per_cold_start, 0.0);
        assert!(
            snap.timeline
                .environments
                .iter()
                .any(|e| e.init.iter().any(|p| p.kind == PhaseKind::Restore))
        );
    }

    #[test]
    fn java_after_a_quiet_night_is_cold_and_slow_while_steady_node_is_warm() {
        // Eight hours without traffic, then the morning: 5 rps.
        let mut java = scenario(
            &[
                (0.0, 0.0),
                (28_800.0, 0.0),
                (28_801.0, 5.0),
                (30_600.0, 5.0),
            ],
            80.0,
        );
        java.cold_start.runtime = Runtime::Java21;
        java.cold_start.function_init_ms = 3000.0;
        let run = ColdStartRun::simulate(&java);
        let busy = all_busy(&run);
        let first = busy.first().unwrap();
        assert!(first.cold);
        // Everything arriving during the first init waits for an init of its own.
        assert!(busy.iter().take(3).all(|b| b.cold));
        assert!(run.latency.cold_mean_ms > 3_000.0);

        let node = ColdStartRun::simulate(&steady(20.0, 60.0, 50.0));
        assert!(node.latency.cold_ratio < 0.001, "{:?}", node.latency);
        assert!(node.latency.p99_ms <= 60.0);
    }

    #[test]
    fn throttles_beyond_the_concurrency_limit() {
        // 500 rps × 100 ms = 50 in flight against a limit of 10.
        let mut s = steady(500.0, 2.0, 100.0);
        s.lambda.account_concurrency_limit = 10;
        let run = ColdStartRun::simulate(&s);
        let l = run.latency;
        assert!(l.throttled > 0.5 * l.requests, "{l:?}");
        assert_eq!(l.served + l.throttled, l.requests);
        assert!(run.timeline.environments_created <= 10);
        // Reserved concurrency caps the function below the account limit.
        s.lambda.account_concurrency_limit = 1000;
        s.lambda.reserved_concurrency = Some(5);
        let run = ColdStartRun::simulate(&s);
        assert!(run.timeline.environments_created <= 5);
        // The aggregate model throttles about as much (Erlang's loss formula and the fluid excess).
        let aggregate = ColdStartRun::simulate_method(&s, Method::Aggregate);
        let exact_share = run.latency.throttled / run.latency.requests;
        let aggregate_share = aggregate.latency.throttled / aggregate.latency.requests;
        assert!(
            (exact_share - aggregate_share).abs() < 0.03,
            "{exact_share} {aggregate_share}"
        );
    }

    #[test]
    fn aggregate_agrees_with_exact() {
        // Tolerance stated in ASSUMPTIONS: cold share within 25% or 0.02 percentage points, p99
        // within 2%.
        for rps in [20.0, 200.0] {
            let s = steady(rps, 10.0, 100.0);
            let exact = ColdStartRun::simulate_method(&s, Method::Exact).latency;
            let aggregate = ColdStartRun::simulate_method(&s, Method::Aggregate).latency;
            let gap = (exact.cold_ratio - aggregate.cold_ratio).abs();
            assert!(
                gap <= (0.25 * exact.cold_ratio).max(0.0002),
                "{rps} rps: {exact:?} {aggregate:?}"
            );
            assert!(
                (exact.p99_ms - aggregate.p99_ms).abs() <= 0.02 * exact.p99_ms,
                "{rps} rps: {exact:?} {aggregate:?}"
            );
            assert!((exact.requests - aggregate.requests).abs() < 5.0 * exact.requests.sqrt());
        }
    }

    #[test]
    fn aggregate_follows_exact_on_quiet_traffic_and_spikes() {
        // Quiet: cold share ≈ exp(−rate × idle time).
        let quiet = scenario(&[(0.0, 0.004), (7.0 * 86_400.0, 0.004)], 100.0);
        let exact = ColdStartRun::simulate_method(&quiet, Method::Exact).latency;
        let aggregate = ColdStartRun::simulate_method(&quiet, Method::Aggregate).latency;
        let expected = (-0.004_f64 * 600.0).exp();
        assert!((exact.cold_ratio - expected).abs() < 0.03, "{exact:?}");
        assert!(
            (aggregate.cold_ratio - expected).abs() < 0.03,
            "{aggregate:?}"
        );

        // A step from 0 to 100 rps with a slow (Java, 3 s) init: every arrival during the first
        // init starts an environment of its own.
        let mut spike = scenario(
            &[(0.0, 0.0), (60.0, 0.0), (61.0, 100.0), (600.0, 100.0)],
            100.0,
        );
        spike.cold_start.runtime = Runtime::Java17;
        spike.cold_start.function_init_ms = 3000.0;
        let exact = ColdStartRun::simulate_method(&spike, Method::Exact).latency;
        let aggregate = ColdStartRun::simulate_method(&spike, Method::Aggregate).latency;
        assert!(exact.cold > 250.0, "{exact:?}");
        assert!(
            (exact.cold - aggregate.cold).abs() < 0.25 * exact.cold,
            "{exact:?} {aggregate:?}"
        );
    }

    #[test]
    fn same_seed_same_run_other_seed_other_arrivals() {
        let s = steady(5.0, 10.0, 100.0);
        assert_eq!(ColdStartRun::simulate(&s), ColdStartRun::simulate(&s));
        let mut other = s.clone();
        other.cold_start.seed = 7;
        let a = ColdStartRun::simulate(&s);
        let b = ColdStartRun::simulate(&other);
        assert_ne!(all_busy(&a), all_busy(&b));
    }

    #[test]
    fn cold_environment_waits_for_every_phase_in_order() {
        let mut s = steady(1.0, 5.0, 100.0);
        s.cold_start.extensions_init_ms = 50.0;
        s.cold_start.runtime = Runtime::Dotnet8;
        s.cold_start.package_type = PackageType::Image;
        let run = ColdStartRun::simulate(&s);
        let first = run.timeline.environments.first().unwrap();
        let kinds: Vec<PhaseKind> = first.init.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                PhaseKind::Environment,
                PhaseKind::Extensions,
                PhaseKind::Runtime,
                PhaseKind::Function,
                PhaseKind::FirstInvoke
            ]
        );
        let phases = InitPhases::of(&s);
        let init_s = first.init.last().unwrap().end_s - first.created_at_s;
        assert!((init_s * 1000.0 - run.cold_penalty_ms).abs() < 1e-6);
        assert!(
            (run.cold_penalty_ms - phases.total_ms() - phases.first_invoke_extra_ms).abs() < 1e-9
        );
        for pair in first.init.windows(2) {
            assert_eq!(pair[0].end_s, pair[1].start_s);
        }
        let first_run = first.busy.first().unwrap();
        assert!(first_run.cold);
        assert!((first_run.start_s - first.init.last().unwrap().end_s).abs() < 1e-9);
        assert!(first.busy.iter().skip(1).all(|b| !b.cold));
    }

    #[test]
    fn large_scenarios_run_in_aggregate_with_an_exact_window() {
        let mut s = steady(10_000.0, 24.0 * 60.0, 120.0);
        s.lambda.account_concurrency_limit = 100_000;
        let run = ColdStartRun::simulate(&s);
        assert_eq!(run.method, Method::Aggregate);
        assert!((run.latency.requests - 864e6).abs() < 1e3);
        assert!(run.latency.cold_ratio < 1e-4, "{:?}", run.latency);
        assert!(run.timeline.environments.len() <= MAX_TIMELINE_ENVIRONMENTS);
        assert!(!run.timeline.environments.is_empty());
    }

    #[test]
    fn steady_traffic_shows_a_typical_moment_with_warm_environments() {
        // 2,000 rps around the clock: 100 requests in flight, a warm pool of about that size.
        let s = steady(2_000.0, 24.0 * 60.0, 50.0);
        let run = ColdStartRun::simulate(&s);
        assert_eq!(run.method, Method::Aggregate);
        assert_eq!(run.window_start, WindowStart::Typical);
        let (w0, w1) = run.timeline_window;
        // The median request of steady traffic arrives at noon; 5,000 requests take 2.5 s.
        assert!((w0 - 12.0 * 3600.0).abs() < 1.0, "{w0}");
        assert!((w1 - w0 - 2.5).abs() < 0.2, "{w0}..{w1}");
        let t = &run.timeline;
        assert!(
            (100..=160).contains(&t.warm_at_start),
            "{}",
            t.warm_at_start
        );
        // Environments created before the window are drawn from it, in creation order.
        let warm = t.environments.iter().take(t.warm_at_start);
        assert!(warm.clone().all(|e| e.created_at_s < w0));
        assert!(t.environments.windows(2).all(|p| p[0].id + 1 == p[1].id));
        let busy = all_busy(&run);
        let cold = busy.iter().filter(|b| b.cold).count();
        assert!(busy.len() > 4_000, "{}", busy.len());
        // Warm environments serve the window: hardly any request in it waits for an init.
        assert!(cold * 100 < busy.len(), "{cold} of {}", busy.len());
        assert!(busy.iter().all(|b| b.end_s > w0));
    }

    #[test]
    fn a_spike_is_shown_from_just_before_its_rise() {
        // The default scenario: 1 rps, then from 60 s to 65 s a rise to 10,000 rps.
        let run = ColdStartRun::simulate(&Scenario::default());
        assert_eq!(run.window_start, WindowStart::Spike);
        let (w0, w1) = run.timeline_window;
        assert!((w0 - (60.0 - SPIKE_LEAD_S)).abs() < 1e-9, "{w0}");
        assert!(w1 > 60.0 && w1 < 65.0, "{w1}");
        // The rise creates environments by the hundred, each one cold.
        let created_in_window = run
            .timeline
            .environments
            .iter()
            .filter(|e| e.created_at_s >= w0)
            .count();
        assert!(created_in_window > 200, "{created_in_window}");
        assert!(
            run.timeline.warm_at_start <= 3,
            "{}",
            run.timeline.warm_at_start
        );
    }

    #[test]
    fn spikes_and_typical_moments_are_found_in_the_curve() {
        // A doubling within a minute is a spike; the largest rise wins.
        let traffic = [
            (0.0, 10.0),
            (100.0, 10.0),
            (110.0, 50.0),
            (200.0, 50.0),
            (230.0, 500.0),
        ];
        assert_eq!(steepest_spike(&traffic), Some(200.0));
        // A slow morning ramp is not: the window opens at the median request instead.
        let daily = [
            (0.0, 100.0),
            (6.0 * 3600.0, 1_000.0),
            (24.0 * 3600.0, 1_000.0),
        ];
        assert_eq!(steepest_spike(&daily), None);
        let model = Model::of(&scenario(&daily, 100.0));
        let (kind, span) = window_span(&daily, &model, horizon(&daily));
        assert_eq!(kind, WindowStart::Typical);
        let before = RateCursor::new(&daily).area_to(span.record_from_s);
        assert!((before / expected_requests(&daily) - 0.5).abs() < 1e-9);
        // The lead-in is 20,000 requests at 1,000 rps, shorter than the idle time.
        assert!(
            (span.record_from_s - span.start_s - 20.0).abs() < 1e-6,
            "{span:?}"
        );
        let after = RateCursor::new(&daily).area_to(span.end_s) - before;
        assert!((after - WINDOW_REQUESTS).abs() < 1e-6, "{after}");
    }

    #[test]
    fn timeline_respects_its_caps() {
        // 300 rps for 10 minutes: 180,000 handler runs, far more than the timeline keeps.
        let run = ColdStartRun::simulate(&steady(300.0, 10.0, 100.0));
        assert_eq!(run.method, Method::Exact);
        let busy: usize = run.timeline.environments.iter().map(|e| e.busy.len()).sum();
        assert!(busy <= MAX_TIMELINE_BUSY_INTERVALS);
        assert!(run.timeline.truncated);
        assert!(run.timeline_window.1 < run.horizon_s.1);
        // Within the window, the timeline is complete: every run that started in it is there.
        assert!(busy >= MAX_TIMELINE_BUSY_INTERVALS - 1);
    }

    #[test]
    fn default_scenario_spike_throttles_and_stays_finite() {
        let run = ColdStartRun::simulate(&Scenario::default());
        let l = run.latency;
        assert_eq!(run.method, Method::Aggregate);
        // 10,000 rps × 120 ms = 1,200 in flight against a limit of 1,000.
        assert!(l.throttled > 0.05 * l.requests, "{l:?}");
        assert!(l.cold >= 900.0, "{l:?}");
        for x in [l.p50_ms, l.p95_ms, l.p99_ms, l.mean_ms, l.billed_init_s] {
            assert!(x.is_finite() && x >= 0.0);
        }
        assert!(serde_json::to_string(&run).is_ok());
    }

    #[test]
    fn runtime_comparison_changes_only_the_runtime() {
        let s = java_night(false);
        let java = ColdStartRun::simulate(&s);
        let rust = ColdStartRun::simulate_with_runtime(&s, Runtime::Rust);
        // Same arrivals, and at one request per 20 minutes none lands during another's init, so
        // the same requests are cold; only their latency differs.
        assert_eq!(java.latency.cold, rust.latency.cold);
        assert!(rust.cold_penalty_ms < java.cold_penalty_ms);
        assert!(rust.latency.cold_mean_ms < java.latency.cold_mean_ms);
        let mut by_hand = s.clone();
        by_hand.cold_start.runtime = Runtime::Rust;
        assert_eq!(ColdStartRun::simulate(&by_hand), rust);
    }

    #[test]
    fn percentile_uses_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), Some(50.0));
        assert_eq!(percentile(&v, 0.99), Some(99.0));
        assert_eq!(percentile(&v, 1.0), Some(100.0));
        assert_eq!(percentile(&v, 0.0), Some(1.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn erlang_b_matches_the_recursion() {
        for (c, m) in [
            (1.0, 1.0),
            (10.0, 8.0),
            (100.0, 95.0),
            (1000.0, 1100.0),
            (50.0, 5.0),
        ] {
            let mut b = 1.0;
            for k in 1..=(c as u32) {
                b = m * b / (f64::from(k) + m * b);
            }
            let fast = erlang_b(c, m);
            assert!(
                (fast - b).abs() < 5e-3 * b.max(1e-6),
                "{c} {m}: {fast} vs {b}"
            );
        }
        // Sampled with a stride for big loads, still close.
        let (c, m) = (100_000.0, 99_000.0);
        let mut b = 1.0;
        for k in 1..=100_000_u32 {
            b = m * b / (f64::from(k) + m * b);
        }
        assert!(
            (erlang_b(c, m) - b).abs() < 0.02 * b,
            "{} vs {b}",
            erlang_b(c, m)
        );
    }

    /// Generated scenarios: a few random traffic points, durations, runtimes and settings.
    fn generated(seed: u64) -> Scenario {
        let mut rng = SplitMix64(seed);
        let points = 2 + (rng.unit() * 5.0) as usize;
        let mut t_s = 0.0;
        let mut traffic = Vec::new();
        for _ in 0..points {
            let rps = if rng.unit() < 0.3 {
                0.0
            } else {
                (rng.unit() * 6.0).exp() / 10.0
            };
            traffic.push((t_s, rps));
            t_s += 10.0 + rng.unit() * 1500.0;
        }
        let mut s = scenario(&traffic, 1.0 + rng.unit() * 2000.0);
        let runtimes = Runtime::ALL;
        s.cold_start.runtime = runtimes[(rng.unit() * runtimes.len() as f64) as usize];
        s.cold_start.snapstart = rng.unit() < 0.3;
        s.cold_start.function_init_ms = rng.unit() * 5000.0;
        s.cold_start.idle_reclaim_min = 5.0 + rng.unit() * 55.0;
        s.lambda.provisioned_concurrency = (rng.unit() * 4.0) as u32;
        s.lambda.account_concurrency_limit = 1 + (rng.unit() * 200.0) as u32;
        s.cold_start.seed = seed;
        s
    }

    #[test]
    fn properties_hold_on_generated_scenarios() {
        for seed in 0..60 {
            let s = generated(seed);
            for method in [Method::Exact, Method::Aggregate] {
                let run = ColdStartRun::simulate_method(&s, method);
                let l = run.latency;
                let context = format!("seed {seed} {method:?}: {l:?}");
                assert!(l.p50_ms <= l.p95_ms && l.p95_ms <= l.p99_ms, "{context}");
                assert!(
                    (l.served + l.throttled - l.requests).abs() < 1e-6,
                    "{context}"
                );
                assert!(l.cold <= l.served + 1e-9 && l.cold >= 0.0, "{context}");
                assert!((0.0..=1.0).contains(&l.cold_ratio), "{context}");
                if l.cold > 0.0 && l.served > l.cold {
                    assert!(l.cold_mean_ms > l.warm_mean_ms, "{context}");
                }
                let counted: f64 = run.histogram.warm.iter().chain(&run.histogram.cold).sum();
                assert!(
                    (counted - l.served).abs() < 1e-6 * l.served.max(1.0),
                    "{context}"
                );
                assert_eq!(run.histogram.edges_ms.len(), HISTOGRAM_BINS + 1);
                for x in [
                    l.p50_ms,
                    l.p99_ms,
                    l.mean_ms,
                    l.billed_init_s,
                    l.cold_starts_per_hour,
                ] {
                    assert!(x.is_finite() && x >= 0.0, "{context}");
                }
            }
            // Arrivals follow the curve: the count is within 5 standard deviations of its mean.
            let expected = expected_requests(&s.traffic);
            let exact = ColdStartRun::simulate_method(&s, Method::Exact).latency;
            assert!(
                (exact.requests - expected).abs() <= 5.0 * expected.sqrt() + 1.0,
                "seed {seed}: {} vs {expected}",
                exact.requests
            );
        }
    }

    #[test]
    fn environments_never_serve_two_requests_at_once() {
        for seed in 0..20 {
            let run = ColdStartRun::simulate(&generated(seed));
            for e in &run.timeline.environments {
                for pair in e.busy.windows(2) {
                    assert!(pair[0].end_s <= pair[1].start_s + 1e-12, "seed {seed}");
                }
                if let (Some(reclaimed_s), Some(last)) = (e.reclaimed_at_s, e.busy.last()) {
                    assert!(reclaimed_s >= last.end_s, "seed {seed}");
                }
            }
        }
    }
}
