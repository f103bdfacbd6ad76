//! Lambda's execution environments following demand: the burst and refill of new environments
//! (or the 2022 rules), the account and reserved limits, provisioned concurrency, cold starts
//! before a new environment serves, and reclaiming idle environments.

use std::collections::VecDeque;

use super::step::{TIME_EPS_S, Tick, Work, serve, whole_units};
use super::usage::Usage;
use crate::model::runtime::InitPhases;
use crate::model::scenario::{
    SQS_ADD_PER_MINUTE, SQS_START_CONCURRENCY, ScalingRules, Scenario, Trigger,
};

/// Lambda (since Nov 2023): new environments a function may add at once (the bucket's size).
pub const LAMBDA_BURST_ENVIRONMENTS: f64 = 1_000.0;

/// Lambda (since Nov 2023): environments the bucket regains per second (1,000 per 10 s).
pub const LAMBDA_REFILL_PER_S: f64 = 100.0;

/// Lambda 2022 rules: environments added per minute after the initial burst.
pub const LAMBDA_2022_PER_MIN: f64 = 500.0;

/// Lambda execution environments of one function.
#[derive(Clone, Debug)]
pub(super) struct LambdaSim {
    pub(super) duration_s: f64,
    /// Cold start before a new environment serves at full speed, s.
    init_s: f64,
    /// Most environments: the account limit, or reserved concurrency when lower.
    max_envs: f64,
    provisioned: f64,
    rules: ScalingRules,
    burst_2022: f64,
    warm: f64,
    /// Environments initialising, as (ready at, count), in launch order.
    initialising: VecDeque<(f64, f64)>,
    initialising_total: f64,
    /// Current rules: environments that may still be added at once.
    tokens: f64,
    /// 2022 rules: the most environments allowed right now.
    ceiling_2022: f64,
    /// Busy environments per step over the idle reclaim time, as a decreasing monotone queue of
    /// (t, busy), so its front is the window's maximum.
    busy_window: VecDeque<(f64, f64)>,
    idle_reclaim_s: f64,
    memory_gb: f64,
    /// Init Duration of one new environment (what INIT billing bills), s.
    billed_init_s: f64,
    /// The most environments the trigger lets run at once now (a queue's mapping ramps up to
    /// its cap, a stream's is fixed); infinite when the trigger sets no ceiling.
    trigger_ceiling: f64,
    /// The highest `trigger_ceiling` can go: the trigger's cap within `max_envs`.
    trigger_cap: f64,
    /// An SQS event source mapping: the ceiling ramps while messages wait.
    queue_ramp: bool,
}

impl LambdaSim {
    pub(super) fn new(s: &Scenario, rps: f64) -> Self {
        let l = &s.lambda;
        let duration_s = s.workload.avg_duration_ms / 1000.0;
        let limit = f64::from(l.account_concurrency_limit);
        let max_envs = l
            .reserved_concurrency
            .map_or(limit, |r| f64::from(r).min(limit));
        let provisioned = f64::from(l.provisioned_concurrency).min(max_envs);
        let trigger = s.workload.trigger;
        let trigger_cap = trigger
            .concurrency_cap()
            .map_or(f64::INFINITY, |cap| f64::from(cap).min(max_envs));
        let warm = provisioned
            .max(whole_units(rps * duration_s).min(trigger_cap))
            .min(max_envs);
        let queue_ramp = matches!(trigger, Trigger::Queue { .. });
        // Traffic was steady before t = 0: a queue's mapping had grown to what that rate needs.
        let trigger_ceiling = if queue_ramp {
            f64::from(SQS_START_CONCURRENCY).max(warm).min(trigger_cap)
        } else {
            trigger_cap
        };
        let phases = InitPhases::of(s);
        let burst_2022 = f64::from(l.burst_2022);
        Self {
            duration_s,
            init_s: phases.total_ms() / 1000.0,
            max_envs,
            provisioned,
            rules: l.scaling_rules,
            burst_2022,
            warm,
            initialising: VecDeque::new(),
            initialising_total: 0.0,
            tokens: LAMBDA_BURST_ENVIRONMENTS,
            ceiling_2022: burst_2022.max(warm),
            busy_window: VecDeque::from([(f64::NEG_INFINITY, warm)]),
            idle_reclaim_s: s.cold_start.idle_reclaim_min * 60.0,
            memory_gb: s.memory_gb(),
            billed_init_s: phases.billed_init_ms() / 1000.0,
            trigger_ceiling,
            trigger_cap,
            queue_ramp,
        }
    }

    /// The trigger's ceiling on environments now, where it sets one.
    fn ceiling(&self) -> Option<f64> {
        self.trigger_ceiling
            .is_finite()
            .then_some(self.trigger_ceiling)
    }

    /// An SQS mapping adds up to 300 concurrent batches a minute while messages wait, up to its
    /// cap; with nothing waiting it keeps what is in use, and at least 5.
    fn ramp_queue(&mut self, dt_s: f64, waiting: f64) {
        if !self.queue_ramp {
            return;
        }
        self.trigger_ceiling = if waiting > 0.0 {
            self.trigger_ceiling + f64::from(SQS_ADD_PER_MINUTE) / 60.0 * dt_s
        } else {
            f64::from(SQS_START_CONCURRENCY).max(self.warm + self.initialising_total)
        }
        .min(self.trigger_cap);
    }

    fn capacity_rps(&self) -> f64 {
        self.warm / self.duration_s + self.initialising_total / (self.duration_s + self.init_s)
    }

    fn provisioned_rps(&self) -> f64 {
        self.provisioned / self.duration_s
    }

    pub(super) fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps(),
            paid_capacity_rps: self.provisioned_rps(),
            booting_units: self.initialising_total,
            serving_units: self.warm,
            trigger_ceiling: self.ceiling(),
            ..Tick::default()
        }
    }

    pub(super) fn step(&mut self, t_s: f64, dt_s: f64, work: Work) -> Tick {
        let offered = work.pending();
        while let Some(&(ready_s, count)) = self.initialising.front()
            && ready_s <= t_s + TIME_EPS_S
        {
            self.warm += count;
            self.initialising_total -= count;
            self.initialising.pop_front();
        }
        if self.initialising.is_empty() {
            // Clears rounding left by the subtractions.
            self.initialising_total = 0.0;
        }
        self.tokens = (self.tokens + LAMBDA_REFILL_PER_S * dt_s).min(LAMBDA_BURST_ENVIRONMENTS);
        self.ramp_queue(dt_s, work.waiting);

        let new = self.scale_out(dt_s, offered / dt_s);
        if new > 0.0 {
            self.initialising.push_back((t_s + self.init_s, new));
            self.initialising_total += new;
        }

        let capacity_rps = self.capacity_rps();
        let served = serve(offered, capacity_rps, dt_s);
        self.reclaim(t_s, served / dt_s);

        let by_provisioned = served.min(self.provisioned_rps() * dt_s);
        let usage = Usage {
            requests: served,
            on_demand_gb_s: (served - by_provisioned) * self.duration_s * self.memory_gb,
            provisioned_duration_gb_s: by_provisioned * self.duration_s * self.memory_gb,
            provisioned_gb_s: self.provisioned * self.memory_gb * dt_s,
            init_gb_s: new * self.billed_init_s * self.memory_gb,
            function_s: served * self.duration_s,
            ..Usage::default()
        };
        Tick {
            capacity_rps,
            paid_capacity_rps: self.provisioned_rps(),
            booting_units: self.initialising_total,
            serving_units: self.warm,
            served,
            idle: self.provisioned_rps() * dt_s - by_provisioned,
            usage,
            trigger_ceiling: self.ceiling(),
        }
    }

    /// Environments to add for `demand_rps`, within the limits and the scaling rate.
    fn scale_out(&mut self, dt_s: f64, demand_rps: f64) -> f64 {
        let existing = self.warm + self.initialising_total;
        if demand_rps <= self.capacity_rps() {
            if self.rules == ScalingRules::Rules2022 {
                self.ceiling_2022 = self.burst_2022.max(existing);
            }
            return 0.0;
        }
        // Requests beyond the warm environments each wait for a new one: the extra concurrency
        // they need includes the cold start.
        let wanted = whole_units(
            (demand_rps - self.warm / self.duration_s) * (self.duration_s + self.init_s)
                - self.initialising_total,
        );
        let limit = self.max_envs.min(self.trigger_ceiling.floor());
        let within_limit = wanted.min((limit - existing).max(0.0));
        let new = match self.rules {
            ScalingRules::Current => {
                let new = within_limit.min(self.tokens.floor());
                self.tokens -= new;
                new
            }
            ScalingRules::Rules2022 => {
                let allowed = (self.ceiling_2022.floor() - existing).max(0.0);
                if allowed < within_limit {
                    self.ceiling_2022 += LAMBDA_2022_PER_MIN / 60.0 * dt_s;
                }
                within_limit.min(allowed)
            }
        };
        new.max(0.0)
    }

    /// Reclaims warm on-demand environments that were not busy during the idle reclaim time.
    fn reclaim(&mut self, t_s: f64, served_rps: f64) {
        let on_warm_rps = served_rps.min(self.warm / self.duration_s);
        let busy =
            whole_units(on_warm_rps * self.duration_s).min(self.warm) + self.initialising_total;
        while self.busy_window.back().is_some_and(|&(_, b)| b <= busy) {
            self.busy_window.pop_back();
        }
        self.busy_window.push_back((t_s, busy));
        while self
            .busy_window
            .front()
            .is_some_and(|&(t, _)| t <= t_s - self.idle_reclaim_s)
        {
            self.busy_window.pop_front();
        }
        let busy_max = self.busy_window.front().map_or(busy, |&(_, b)| b);
        let keep = self.provisioned.max(busy_max);
        let warm_kept = (keep - self.initialising_total)
            .max(self.provisioned.min(self.warm))
            .max(0.0);
        self.warm = self.warm.min(warm_kept);
    }
}
