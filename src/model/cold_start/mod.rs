//! Cold starts: execution environments created on demand, reused while warm and reclaimed when
//! idle, the init phases each cold start waits for, and the latency and billed INIT they add
//! (presets/README.md §2–3). Small scenarios are simulated request by request; large ones with an aggregate
//! model whose cost does not grow with the request rate, plus an exact timeline of their start.
//!
//! `run` chooses the method and assembles the result; `exact` and `aggregate` are the two
//! methods, `window` picks where an aggregate run's timeline opens, `arrivals` walks the traffic
//! curve, `inputs` reads the scenario, `timeline` and `latency` hold the results. Everything is
//! used through this module's paths (`model::cold_start::ColdStartRun`, …).

mod aggregate;
mod arrivals;
mod exact;
mod inputs;
mod latency;
mod run;
mod timeline;
mod window;

use crate::model::scenario::Trigger;
pub use arrivals::expected_requests;
pub use inputs::{ConcurrencyLimit, DURATION_JITTER, concurrency_limit};
pub use latency::{HISTOGRAM_BINS, LatencyHistogram, LatencySummary, WaitSummary, percentile};
pub use run::{ColdStartRun, EXACT_MAX_REQUESTS, Method};
pub use timeline::{
    BusyInterval, Environment, MAX_TIMELINE_BUSY_INTERVALS, MAX_TIMELINE_ENVIRONMENTS,
    PhaseInterval, PhaseKind, Timeline,
};
pub use window::{LEAD_IN_REQUESTS, SPIKE_LEAD_S, SPIKE_RISE_S, WINDOW_REQUESTS, WindowStart};

/// Every simplification of the cold-start model whatever the trigger; [`assumptions`] adds the
/// trigger's own.
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

/// What an HTTP trigger does at the concurrency limit.
const HTTP_ASSUMPTIONS: &[&str] = &[
    "HTTP trigger (synchronous): a request that finds as many requests in flight as the \
     concurrency limit (reserved concurrency, else the account limit) is throttled (HTTP 429), not \
     retried, and has no latency.",
];

/// What an SQS queue does.
const QUEUE_ASSUMPTIONS: &[&str] = &[
    "SQS queue: the traffic curve counts batches, each one handler run whatever the batch size. \
     The event source mapping runs 5 batches at once at first and allows one more for every 0.2 s \
     that batches wait (300 a minute), up to 1,000, its maximum concurrency or the concurrency \
     limit, whichever is lowest. Here it is never lowered again; AWS lowers it when the queue \
     empties.",
    "A batch beyond what may run waits in the queue, first in first out, and runs in the \
     environment the next finished batch frees (warm): none is throttled or lost.",
];

/// What a stream does.
const STREAM_ASSUMPTIONS: &[&str] = &[
    "Stream (Kinesis, DynamoDB): the traffic curve counts batches, each one handler run whatever \
     the batch size. At most shards × parallelization batches run at once (or the concurrency \
     limit, if lower), however high the traffic.",
    "A batch beyond that waits in its shard and runs in the environment the next finished batch \
     frees (warm): none is throttled or lost. The shards are modelled as one queue, first in \
     first out; in AWS each shard keeps its own order, so a busy shard can wait while another \
     is idle.",
];

/// What an asynchronous trigger does.
const ASYNC_ASSUMPTIONS: &[&str] = &[
    "Asynchronous event (S3, SNS, EventBridge): Lambda queues each event. One that finds the \
     concurrency limit reached is retried; here it waits, first in first out, for the next free \
     environment and runs there warm. Lambda retries with back-off, so real waits can be longer. \
     Lambda discards an event after 6 hours; here none is discarded (the view says when an event \
     waited that long).",
];

/// How waits are computed and shown, for every trigger but HTTP.
const WAIT_ASSUMPTIONS: &[&str] = &[
    "Latency stays the time inside Lambda, from the moment work gets an environment to its \
     response; the time it waited for a free environment is its own figure. In aggregate, work \
     beyond the limit joins a backlog served at limit ÷ duration a second, and random peaks just \
     below the limit wait as in Erlang's delay formula (M/M/c); the longest wait is then an \
     estimate.",
];

/// Every simplification of the cold-start model under `trigger`, for the view to show.
pub fn assumptions(trigger: Trigger) -> Vec<&'static str> {
    let own: &[&[&str]] = match trigger {
        Trigger::Http => &[HTTP_ASSUMPTIONS],
        Trigger::Queue { .. } => &[QUEUE_ASSUMPTIONS, WAIT_ASSUMPTIONS],
        Trigger::Stream { .. } => &[STREAM_ASSUMPTIONS, WAIT_ASSUMPTIONS],
        Trigger::Async => &[ASYNC_ASSUMPTIONS, WAIT_ASSUMPTIONS],
    };
    // The trigger's own after provisioned concurrency, before the scaling rate.
    let at = ASSUMPTIONS
        .iter()
        .position(|a| a.starts_with("Lambda's scaling rate"))
        .unwrap_or(ASSUMPTIONS.len());
    let (before, after) = ASSUMPTIONS.split_at(at);
    before
        .iter()
        .chain(own.iter().flat_map(|lines| lines.iter()))
        .chain(after)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_states_what_it_does_at_the_limit() {
        for trigger in Trigger::ALL {
            let all = assumptions(trigger);
            assert!(all.len() > ASSUMPTIONS.len());
            assert!(all.iter().all(|a| a.ends_with('.') || a.ends_with(").")));
            let throttles = all.iter().any(|a| a.contains("throttled (HTTP 429)"));
            assert_eq!(throttles, trigger == Trigger::Http, "{trigger:?}");
            let waits = all.iter().any(|a| a.contains("its own figure"));
            assert_eq!(waits, trigger.keeps_work(), "{trigger:?}");
        }
    }
}
