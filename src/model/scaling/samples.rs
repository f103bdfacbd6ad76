//! What a scaling run records for each model: samples for drawing (rates, units and totals at
//! one moment), the summary over the whole timeline, and the two together.

use serde::Serialize;

use super::usage::Usage;

/// One model's state at `t_s`. Rates are averages over the interval that ends at `t_s` (one step,
/// or several when samples are decimated), counts are at `t_s`, totals are since the start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Sample {
    /// Simulated time, s.
    pub t_s: f64,
    /// Requests offered, per second.
    pub demand_rps: f64,
    /// Requests it could serve, per second: its serving units; for Lambda also environments in
    /// their cold start, at one request per init time plus duration.
    pub capacity_rps: f64,
    /// Units on their way: Lambda environments initialising, instances or tasks booting or
    /// waiting for a node.
    pub booting_units: f64,
    /// Units serving: Lambda environments, instances, tasks or servers.
    pub serving_units: f64,
    /// Requests served, per second.
    pub served_rps: f64,
    /// Requests dropped or throttled, per second (under a trigger that keeps work: events that
    /// expired).
    pub dropped_rps: f64,
    /// Paid capacity left unused, requests per second (Lambda: idle provisioned concurrency).
    pub idle_rps: f64,
    /// Requests served since the start.
    pub cumulative_served: f64,
    /// Requests dropped since the start.
    pub cumulative_dropped: f64,
    /// Cost since the start, USD: the price of `usage`, filled in by `ScalingRun::price` (0 in an
    /// unpriced run and in the `Simulator`'s samples).
    pub cumulative_cost_usd: f64,
    /// What the model used since the start, in the quantities its cost is linear in.
    pub usage: Usage,
    /// Work waiting at `t_s` (in the queue or stream, or Lambda's queue of events); always 0
    /// for HTTP, which drops what it cannot serve.
    pub backlog: f64,
    /// How long the oldest waiting work has waited at `t_s`, s.
    pub oldest_wait_s: f64,
    /// The longest any work has waited since the start (served or still waiting), s.
    pub max_wait_s: f64,
    /// Asynchronous events past their maximum age since the start (counted in
    /// `cumulative_dropped` too).
    pub cumulative_expired: f64,
    /// Lambda: the most environments its trigger lets run at once (a stream's shards ×
    /// parallelization, a queue's mapping as it ramps), where it sets a ceiling.
    pub trigger_ceiling: Option<f64>,
}

/// Work waiting (a queue's, a stream's) below this counts as none: half a request.
const NO_BACKLOG: f64 = 0.5;

impl Sample {
    /// Whether the model fell short of its demand here: it dropped requests (beyond rounding
    /// noise) or left work waiting.
    pub(super) fn is_short(&self) -> bool {
        self.dropped_rps > 1e-9 * self.demand_rps.max(1.0) || self.backlog >= NO_BACKLOG
    }
}

/// One model's results over the whole timeline (every step counted). Its request counts are whole
/// requests, rounded once so that they add up and every view shows the same ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ModelSummary {
    /// The most requests it could serve at once: Lambda's most execution environments, for the
    /// others the most requests per second they could serve times the average duration.
    pub peak_capacity: f64,
    /// Requests offered over the timeline.
    pub offered_requests: f64,
    /// Requests served.
    pub served_requests: f64,
    /// Requests dropped or throttled (under a trigger that keeps work: events that expired).
    pub dropped_requests: f64,
    /// The most work waiting at once (0 for HTTP).
    pub backlog_peak: f64,
    /// The longest any work waited, s, counting work still waiting at the end.
    pub max_wait_s: f64,
    /// Asynchronous events past their maximum age (6 hours), dropped; 0 for other triggers.
    pub expired_requests: f64,
    /// Work still waiting at the end of the timeline.
    pub waiting_at_end: f64,
    /// Seconds from the first moment demand exceeds capacity until capacity meets demand again;
    /// `None` if it never falls short; the time to the end of the timeline if it never catches up.
    pub catch_up_s: Option<f64>,
    /// Share of paid capacity left unused, 0..=1 (Lambda: idle provisioned concurrency only).
    pub idle_capacity_share: f64,
    /// Cost over the timeline, USD (compute only, see `scaling::ASSUMPTIONS`); 0 until the run is
    /// priced.
    pub cost_usd: f64,
}

/// One model's run: samples for drawing and the summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ModelRun {
    /// At most [`MAX_SAMPLES`] samples, the first at the start, in time order.
    pub samples: Vec<Sample>,
    /// Results over the whole timeline.
    pub summary: ModelSummary,
}
