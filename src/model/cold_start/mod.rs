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

pub use arrivals::expected_requests;
pub use inputs::DURATION_JITTER;
pub use latency::{HISTOGRAM_BINS, LatencyHistogram, LatencySummary, percentile};
pub use run::{ColdStartRun, EXACT_MAX_REQUESTS, Method};
pub use timeline::{
    BusyInterval, Environment, MAX_TIMELINE_BUSY_INTERVALS, MAX_TIMELINE_ENVIRONMENTS,
    PhaseInterval, PhaseKind, Timeline,
};
pub use window::{LEAD_IN_REQUESTS, SPIKE_LEAD_S, SPIKE_RISE_S, WINDOW_REQUESTS, WindowStart};

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
