//! The scenario's inputs as both cold-start simulations use them: the init phases, the handler's
//! duration and its jitter, the idle time, the concurrency limit (with the trigger's ceiling and
//! an SQS queue's ramp), whether work beyond it waits, provisioned concurrency and the seed.

use super::latency::HISTOGRAM_BINS;
use super::timeline::{PhaseInterval, PhaseKind};
use crate::model::runtime::InitPhases;
use crate::model::scenario::Scenario;
use crate::model::scenario::{SQS_ADD_PER_MINUTE, SQS_START_CONCURRENCY, Trigger};

/// Handler durations are uniform within ± this share of the average duration.
pub const DURATION_JITTER: f64 = 0.2;

/// The scenario's inputs as the simulations use them.
#[derive(Clone, Copy, Debug)]
pub(super) struct Model {
    pub(super) phases: InitPhases,
    /// Init phases plus the first run's extra time, in ms.
    pub(super) cold_penalty_ms: f64,
    pub(super) duration_ms: f64,
    pub(super) idle_s: f64,
    /// The most environments at once: the concurrency limit, or the trigger's ceiling if lower.
    pub(super) limit: usize,
    /// Whether work that finds `limit` in flight waits for a free environment (every trigger but
    /// HTTP) instead of being throttled.
    pub(super) waits: bool,
    /// An SQS queue's ramp: environments allowed at first, below `limit`; `None` for no ramp.
    pub(super) ramp_start: Option<usize>,
    pub(super) provisioned: usize,
    pub(super) seed: u64,
}

impl Model {
    pub(super) fn of(s: &Scenario) -> Self {
        let phases = InitPhases::of(s);
        let trigger = s.workload.trigger;
        let limit = concurrency_limit(s).effective as usize;
        let ramp_start = matches!(trigger, Trigger::Queue { .. })
            .then(|| (SQS_START_CONCURRENCY as usize).min(limit));
        Self {
            phases,
            cold_penalty_ms: phases.total_ms() + phases.first_invoke_extra_ms,
            duration_ms: s.workload.avg_duration_ms.max(0.001),
            idle_s: s.cold_start.idle_reclaim_min.max(0.0) * 60.0,
            limit,
            waits: trigger.keeps_work(),
            ramp_start,
            provisioned: s.lambda.provisioned_concurrency as usize,
            seed: s.cold_start.seed,
        }
    }

    /// Seconds of waiting work after which an SQS queue's ramp allows one more environment.
    pub(super) fn ramp_step_s() -> f64 {
        60.0 / f64::from(SQS_ADD_PER_MINUTE)
    }

    /// Handler duration for a uniform draw `u` in [0, 1).
    pub(super) fn handler_ms(&self, u: f64) -> f64 {
        self.duration_ms * (1.0 - DURATION_JITTER + 2.0 * DURATION_JITTER * u)
    }

    pub(super) fn fastest_ms(&self) -> f64 {
        self.duration_ms * (1.0 - DURATION_JITTER)
    }

    pub(super) fn slowest_ms(&self) -> f64 {
        self.duration_ms * (1.0 + DURATION_JITTER)
    }

    /// Log-spaced edges from the fastest warm to the slowest cold latency.
    pub(super) fn histogram_edges(&self) -> Vec<f64> {
        let lo = self.fastest_ms();
        let hi = (self.slowest_ms() + self.cold_penalty_ms).max(lo * 1.001);
        let ratio = hi / lo;
        (0..=HISTOGRAM_BINS)
            .map(|i| lo * ratio.powf(i as f64 / HISTOGRAM_BINS as f64))
            .collect()
    }

    /// The init phases of an environment created at `t_s`, zero-length ones left out.
    pub(super) fn init_intervals(&self, t_s: f64) -> Vec<PhaseInterval> {
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

/// The concurrency limit a scenario's cold starts run under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConcurrencyLimit {
    /// Lambda's own limit: reserved concurrency, else the account limit.
    pub lambda: u32,
    /// The trigger's ceiling (a stream's shards × parallelization, a queue's maximum
    /// concurrency), where it has one.
    pub trigger_cap: Option<u32>,
    /// The lower of the two: the most environments at once.
    pub effective: u32,
}

impl ConcurrencyLimit {
    /// Whether the trigger's ceiling is what limits the function (it is below Lambda's limit).
    pub fn trigger_limits(self) -> bool {
        self.trigger_cap.is_some_and(|cap| cap < self.lambda)
    }
}

/// The concurrency limit of `s`: reserved concurrency, else the account limit, lowered to the
/// trigger's ceiling where it has one.
pub fn concurrency_limit(s: &Scenario) -> ConcurrencyLimit {
    let lambda = s
        .lambda
        .reserved_concurrency
        .unwrap_or(s.lambda.account_concurrency_limit);
    let trigger_cap = s.workload.trigger.concurrency_cap();
    ConcurrencyLimit {
        lambda,
        trigger_cap,
        effective: trigger_cap.map_or(lambda, |cap| cap.min(lambda)),
    }
}
