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
    /// Requests dropped or throttled, per second.
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
}

/// One model's results over the whole timeline (every step counted).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ModelSummary {
    /// The most requests it could serve at once: Lambda's most execution environments, for the
    /// others the most requests per second they could serve times the average duration.
    pub peak_capacity: f64,
    /// Requests offered over the timeline.
    pub offered_requests: f64,
    /// Requests served.
    pub served_requests: f64,
    /// Requests dropped or throttled.
    pub dropped_requests: f64,
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
