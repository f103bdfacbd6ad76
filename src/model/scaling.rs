//! How each hosting model's capacity follows the scenario's traffic: a deterministic fluid
//! simulation (request rates, not individual requests) of on-premises servers, an EC2 Auto Scaling
//! group, container tasks and Lambda environments, stepped in fixed simulated time.

use std::collections::VecDeque;

use serde::Serialize;

use super::runtime::InitPhases;
use super::scenario::{
    Architecture, HOURS_PER_MONTH, HostingModel, LaunchType, SECONDS_PER_MONTH, ScalingRules,
    Scenario,
};
use super::sizing;
use super::traffic::{Traffic, TrafficError};

/// Simulated time of one step, s. Small against every delay that matters (Lambda's 10-second
/// refill, boots of tens of seconds), and fixed, so a run's cost is linear in its length.
pub const DT_S: f64 = 0.5;

/// Most samples kept per model for drawing; the summary still uses every step.
pub const MAX_SAMPLES: usize = 4_000;

/// Lambda (since Nov 2023): new environments a function may add at once (the bucket's size).
pub const LAMBDA_BURST_ENVIRONMENTS: f64 = 1_000.0;

/// Lambda (since Nov 2023): environments the bucket regains per second (1,000 per 10 s).
pub const LAMBDA_REFILL_PER_S: f64 = 100.0;

/// Lambda 2022 rules: environments added per minute after the initial burst.
pub const LAMBDA_2022_PER_MIN: f64 = 500.0;

/// Every simplification the simulation makes, for the app to show.
pub const ASSUMPTIONS: &[&str] = &[
    "A fluid model: request rates, not single requests, move in fixed steps of 0.5 s of \
     simulated time, so a run's cost grows with its length and not with the request rate.",
    "Requests that find no free capacity are dropped at once: nothing queues or retries them \
     (synchronous calls; Lambda answers HTTP 429, servers shed load). Asynchronous Lambda events \
     would instead be retried for up to 6 hours.",
    "Traffic was steady before t = 0: every model starts with the capacity its first rate needs \
     (Lambda: at least its provisioned concurrency), and Lambda's scaling allowance is full.",
    "Lambda (since Nov 2023): a function adds up to 1,000 execution environments at once, \
     regained at 100 per second, up to the account's concurrency limit and the reserved \
     concurrency when set; provisioned environments count toward both.",
    "Lambda 2022 rules: the initial burst is applied to this function alone (it was shared by \
     the account), then +500 environments a minute while demand exceeds what exists; the burst \
     is available again once demand is met.",
    "A new Lambda environment spends its cold start (the init phases of the cold-start view) \
     before it serves at full speed. The request that created it waits rather than being \
     throttled, so while initialising it serves one request per init time plus duration, and \
     a fast ramp creates a few more environments than the steady rate needs.",
    "Lambda environments not busy at any moment during the idle reclaim time are reclaimed \
     (scale to zero); provisioned environments never are.",
    "Lambda cost here: requests, duration at the first-tier rate (at the provisioned duration \
     rate for requests provisioned environments serve), provisioned GB-s configured, the billed \
     INIT of new environments when INIT billing is on, and ephemeral storage above 512 MB; no \
     free tier.",
    "Virtual machines: every metric period the Auto Scaling policy sets the desired count from \
     the average demand over that period (target tracking, within the minimum and maximum). New \
     instances are paid from launch but serve only after boot, application start and health \
     checks; scale-in waits for the cooldown since the last scaling action; an instance serves up \
     to 100% of its rated requests per second.",
    "Containers: the same policy for tasks, which serve after the task start time. On EC2 nodes a \
     task also needs a free slot on a running node; nodes are launched when the service scales \
     out, boot before tasks can be placed, and scale in with the tasks.",
    "Cloud capacity is billed per second while it runs (no 60-second minimum). Load balancers, \
     API gateways, the EKS control plane and data transfer are left to the cost view.",
    "On-premises: a fixed fleet sized for the month's peak (requests a month times the \
     peak-to-average ratio). A new server takes the procurement time in days, longer than any \
     timeline here, so capacity never changes. Its cost is the monthly cost (amortisation, power \
     times PUE, colocation, the administrators' share) spread evenly over the month's seconds.",
    "Peak capacity is the most requests a model could serve at once: Lambda's most execution \
     environments; for the others, the most requests per second they could serve times the \
     average duration.",
    "Catch-up time runs from the first step in which demand exceeds capacity to the first later \
     step in which capacity meets demand again; if that never happens it runs to the end of the \
     timeline.",
    "Idle capacity share: paid capacity left unused divided by all paid capacity (served plus \
     unused); for Lambda only provisioned concurrency is paid for while idle.",
];

/// Tolerance for comparing simulated times that are sums of steps.
const TIME_EPS_S: f64 = 1e-9;

/// One value per hosting model; serialises with the keys `on_prem`, `vm`, `containers`, `lambda`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PerModel<T> {
    /// On-premises servers.
    pub on_prem: T,
    /// Virtual machines (EC2 Auto Scaling group).
    pub vm: T,
    /// Containers (ECS or EKS tasks).
    pub containers: T,
    /// Lambda functions.
    pub lambda: T,
}

impl<T> PerModel<T> {
    /// The value of one model.
    pub fn get(&self, model: HostingModel) -> &T {
        match model {
            HostingModel::OnPrem => &self.on_prem,
            HostingModel::Vm => &self.vm,
            HostingModel::Containers => &self.containers,
            HostingModel::Lambda => &self.lambda,
        }
    }

    /// The value of one model, to change.
    pub fn get_mut(&mut self, model: HostingModel) -> &mut T {
        match model {
            HostingModel::OnPrem => &mut self.on_prem,
            HostingModel::Vm => &mut self.vm,
            HostingModel::Containers => &mut self.containers,
            HostingModel::Lambda => &mut self.lambda,
        }
    }

    /// Applies `f` to every model's value.
    pub fn map<U>(&self, mut f: impl FnMut(HostingModel, &T) -> U) -> PerModel<U> {
        PerModel {
            on_prem: f(HostingModel::OnPrem, &self.on_prem),
            vm: f(HostingModel::Vm, &self.vm),
            containers: f(HostingModel::Containers, &self.containers),
            lambda: f(HostingModel::Lambda, &self.lambda),
        }
    }

    /// Turns every model's value into another, consuming them.
    pub fn into_map<U>(self, mut f: impl FnMut(HostingModel, T) -> U) -> PerModel<U> {
        PerModel {
            on_prem: f(HostingModel::OnPrem, self.on_prem),
            vm: f(HostingModel::Vm, self.vm),
            containers: f(HostingModel::Containers, self.containers),
            lambda: f(HostingModel::Lambda, self.lambda),
        }
    }
}

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
    /// Cost since the start, USD.
    pub cumulative_cost_usd: f64,
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
    /// Cost over the timeline, USD (compute only, see [`ASSUMPTIONS`]).
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

/// The whole traffic timeline simulated for all four models.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScalingRun {
    /// Step used, s.
    pub dt_s: f64,
    /// Start of the timeline (the first traffic point), s.
    pub start_s: f64,
    /// End of the timeline (the last traffic point), s.
    pub end_s: f64,
    /// Requests offered over the timeline (the integral of demand).
    pub offered_requests: f64,
    /// Each model's samples and summary.
    pub models: PerModel<ModelRun>,
    /// Why the scenario's traffic was refused, if it was; the run is then empty.
    pub traffic_error: Option<TrafficError>,
}

impl ScalingRun {
    /// Simulates the scenario's whole traffic timeline in steps of [`DT_S`].
    ///
    /// A scenario that passed `Scenario::validate` always has usable traffic; if the traffic is
    /// refused anyway, the run has no samples, zero summaries and `traffic_error` set.
    pub fn simulate(s: &Scenario) -> Self {
        let mut sim = match Simulator::new(s) {
            Ok(sim) => sim,
            Err(error) => {
                return Self {
                    dt_s: DT_S,
                    traffic_error: Some(error),
                    ..Self::default()
                };
            }
        };
        let start_s = sim.traffic.start_s();
        let end_s = sim.traffic.end_s();
        let steps = ((end_s - start_s) / DT_S).ceil() as usize;
        let stride = steps.div_ceil(MAX_SAMPLES - 1).max(1);
        let duration_s = sim.lambda.duration_s;
        let mut recorders = sim
            .latest
            .map(|model, first| Recorder::new(model, *first, stride, duration_s));
        while end_s - sim.t_s > TIME_EPS_S {
            let t0_s = sim.t_s;
            let dt_s = DT_S.min(end_s - t0_s);
            let samples = *sim.step(dt_s);
            for model in HostingModel::ALL {
                recorders
                    .get_mut(model)
                    .record(samples.get(model), t0_s, dt_s);
            }
        }
        let models = recorders.into_map(|_, recorder| recorder.finish(end_s));
        Self {
            dt_s: DT_S,
            start_s,
            end_s,
            offered_requests: sim.traffic.requests_between(start_s, end_s),
            models,
            traffic_error: None,
        }
    }

    /// One model's samples and summary.
    pub fn model(&self, model: HostingModel) -> &ModelRun {
        self.models.get(model)
    }

    /// Every model's summary, for the `report` command (`scaling.{lambda, vm, …}`).
    pub fn summaries(&self) -> PerModel<ModelSummary> {
        self.models.map(|_, run| run.summary.clone())
    }

    /// The sample at or before `t_s` for the playhead (the first sample before the start);
    /// `None` only for an empty run.
    pub fn sample_at(&self, model: HostingModel, t_s: f64) -> Option<&Sample> {
        let samples = &self.models.get(model).samples;
        let after = samples.partition_point(|sample| sample.t_s <= t_s);
        samples.get(after.saturating_sub(1))
    }

    /// How one model's serving units grew over the timeline (from its samples), for the plain
    /// sentence the scaling view writes under its numbers.
    pub fn growth(&self, model: HostingModel) -> Growth {
        let samples = &self.models.get(model).samples;
        let Some(first) = samples.first() else {
            return Growth::default();
        };
        let start_units = first.serving_units;
        let mut growth = Growth {
            start_units,
            peak_units: start_units,
            first_added_s: None,
            peak_s: first.t_s,
        };
        for x in samples {
            // Half a unit of slack: Lambda's counts are whole, the fleets' too, so this only
            // forgives rounding.
            if growth.first_added_s.is_none()
                && x.serving_units + x.booting_units > start_units + 0.5
            {
                growth.first_added_s = Some(x.t_s);
            }
            if x.serving_units > growth.peak_units + 1e-9 {
                growth.peak_units = x.serving_units;
                growth.peak_s = x.t_s;
            }
        }
        growth
    }

    /// A moment worth a still picture: the middle of the longest stretch in which the most
    /// models fall short of demand at once; the start if none ever does.
    pub fn telling_moment_s(&self) -> f64 {
        // Every model records the same steps, so samples line up by index.
        let short_at = |i: usize| {
            HostingModel::ALL
                .into_iter()
                .filter(|&m| self.models.get(m).samples.get(i).is_some_and(is_short))
                .count()
        };
        let times = &self.models.lambda.samples;
        // (models short, length of the stretch, its middle), best so far and current.
        let mut best = (0, 0.0, self.start_s);
        let mut current: Option<(usize, f64)> = None;
        for (i, sample) in times.iter().enumerate() {
            let count = short_at(i);
            if let Some((c, from_s)) = current
                && c != count
            {
                let stretch = (c, sample.t_s - from_s, f64::midpoint(from_s, sample.t_s));
                if (stretch.0, stretch.1) > (best.0, best.1) {
                    best = stretch;
                }
                current = None;
            }
            if count > 0 && current.is_none() {
                current = Some((count, sample.t_s));
            }
        }
        if let Some((c, from_s)) = current {
            let stretch = (c, self.end_s - from_s, f64::midpoint(from_s, self.end_s));
            if (stretch.0, stretch.1) > (best.0, best.1) {
                best = stretch;
            }
        }
        best.2
    }

    /// How one model's shortfall ended, if demand ever exceeded its capacity: whether capacity
    /// grew to meet the worst demand of the shortfall, or demand fell first, or neither.
    pub fn shortfall(&self, model: HostingModel) -> Shortfall {
        let run = self.models.get(model);
        let Some(after_s) = run.summary.catch_up_s else {
            return Shortfall::Never;
        };
        let samples = &run.samples;
        let Some(begin) = samples.iter().position(is_short) else {
            // Decimated samples average a very short shortfall away; it did end.
            return Shortfall::CaughtUp { after_s };
        };
        let rest = samples.get(begin..).unwrap_or_default();
        let Some(end) = rest.iter().position(|x| !is_short(x)) else {
            return Shortfall::ToTheEnd { after_s };
        };
        let worst_rps = rest
            .get(..end)
            .unwrap_or_default()
            .iter()
            .map(|x| x.demand_rps)
            .fold(0.0, f64::max);
        let capacity_rps = rest.get(end).map_or(0.0, |x| x.capacity_rps);
        if capacity_rps >= worst_rps * (1.0 - 1e-9) {
            Shortfall::CaughtUp { after_s }
        } else {
            Shortfall::UntilDemandFell { after_s }
        }
    }
}

/// How a model's serving units grew over the timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Growth {
    /// Units serving at the start: Lambda environments, instances, tasks or servers.
    pub start_units: f64,
    /// The most units serving at once.
    pub peak_units: f64,
    /// When units beyond the start were first on their way or serving, s; `None` if never.
    pub first_added_s: Option<f64>,
    /// When the serving units first reached their peak, s.
    pub peak_s: f64,
}

/// How a model's shortfall (demand above capacity) ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shortfall {
    /// Capacity always met demand.
    Never,
    /// Capacity grew to meet the worst demand of the shortfall.
    CaughtUp {
        /// Seconds from the first shortfall until capacity met demand.
        after_s: f64,
    },
    /// Capacity never reached the worst demand; the shortfall ended because demand fell.
    UntilDemandFell {
        /// Seconds from the first shortfall until demand fell within capacity.
        after_s: f64,
    },
    /// Still short at the end of the timeline.
    ToTheEnd {
        /// Seconds from the first shortfall to the end of the timeline.
        after_s: f64,
    },
}

/// Whether a sample dropped requests (beyond rounding noise).
fn is_short(x: &Sample) -> bool {
    x.dropped_rps > 1e-9 * x.demand_rps.max(1.0)
}

/// Requests per second one unit serves once it is up: a server, an instance, a task, or a warm
/// Lambda environment (one request per average duration).
pub fn rps_per_unit(s: &Scenario, model: HostingModel) -> f64 {
    match model {
        HostingModel::OnPrem => s.on_prem.rps_per_server,
        HostingModel::Vm => s.vm.rps_per_instance,
        HostingModel::Containers => s.containers.rps_per_task,
        HostingModel::Lambda => 1000.0 / s.workload.avg_duration_ms.max(f64::MIN_POSITIVE),
    }
}

/// The four models stepped together through the traffic, one step at a time.
#[derive(Clone, Debug)]
pub struct Simulator {
    scenario: Scenario,
    traffic: Traffic,
    t_s: f64,
    lambda: LambdaSim,
    vm: Fleet,
    containers: Fleet,
    on_prem: OnPremSim,
    latest: PerModel<Sample>,
}

impl Simulator {
    /// The four models in their starting state at the first traffic point.
    pub fn new(s: &Scenario) -> Result<Self, TrafficError> {
        let traffic = Traffic::new(s.traffic.clone())?;
        let t_s = traffic.start_s();
        let rps = traffic.rate_at(t_s);
        let lambda = LambdaSim::new(s, rps);
        let vm = Fleet::vm(s, rps, t_s);
        let containers = Fleet::containers(s, rps, t_s);
        let on_prem = OnPremSim::new(s);
        let first = |tick: Tick| {
            let served_rps = rps.min(tick.capacity_rps);
            Sample {
                t_s,
                demand_rps: rps,
                capacity_rps: tick.capacity_rps,
                booting_units: tick.booting_units,
                serving_units: tick.serving_units,
                served_rps,
                dropped_rps: rps - served_rps,
                idle_rps: (tick.paid_capacity_rps - served_rps).max(0.0),
                ..Sample::default()
            }
        };
        let latest = PerModel {
            on_prem: first(on_prem.state()),
            vm: first(vm.state()),
            containers: first(containers.state()),
            lambda: first(lambda.state()),
        };
        Ok(Self {
            scenario: s.clone(),
            traffic,
            t_s,
            lambda,
            vm,
            containers,
            on_prem,
            latest,
        })
    }

    /// Simulated time now, s.
    pub fn t_s(&self) -> f64 {
        self.t_s
    }

    /// The traffic being simulated.
    pub fn traffic(&self) -> &Traffic {
        &self.traffic
    }

    /// Each model's latest sample (the starting state before the first step).
    pub fn latest(&self) -> &PerModel<Sample> {
        &self.latest
    }

    /// Advances every model by `dt_s` of simulated time and returns their samples for that step.
    /// Past the last traffic point the last rate holds. A `dt_s` that is not a positive finite
    /// number changes nothing.
    pub fn step(&mut self, dt_s: f64) -> &PerModel<Sample> {
        if !(dt_s.is_finite() && dt_s > 0.0) {
            return &self.latest;
        }
        let t_s = self.t_s;
        let offered = self.traffic.requests_between(t_s, t_s + dt_s);
        let ticks = PerModel {
            on_prem: self.on_prem.step(dt_s, offered),
            vm: self.vm.step(&self.scenario, t_s, dt_s, offered),
            containers: self.containers.step(&self.scenario, t_s, dt_s, offered),
            lambda: self.lambda.step(t_s, dt_s, offered),
        };
        self.t_s = t_s + dt_s;
        for model in HostingModel::ALL {
            let tick = ticks.get(model);
            let latest = self.latest.get_mut(model);
            let dropped = offered - tick.served;
            *latest = Sample {
                t_s: self.t_s,
                demand_rps: offered / dt_s,
                capacity_rps: tick.capacity_rps,
                booting_units: tick.booting_units,
                serving_units: tick.serving_units,
                served_rps: tick.served / dt_s,
                dropped_rps: dropped / dt_s,
                idle_rps: tick.idle / dt_s,
                cumulative_served: latest.cumulative_served + tick.served,
                cumulative_dropped: latest.cumulative_dropped + dropped,
                cumulative_cost_usd: latest.cumulative_cost_usd + tick.cost_usd,
            };
        }
        &self.latest
    }
}

/// What one model did in one step (or its state, for the starting sample).
#[derive(Clone, Copy, Debug, Default)]
struct Tick {
    capacity_rps: f64,
    /// Capacity paid for whether used or not, requests per second.
    paid_capacity_rps: f64,
    booting_units: f64,
    serving_units: f64,
    /// Requests served in the step.
    served: f64,
    /// Paid capacity left unused in the step, in requests.
    idle: f64,
    cost_usd: f64,
}

/// Requests served in a step: the offered ones, up to what the capacity allows.
fn serve(offered: f64, capacity_rps: f64, dt_s: f64) -> f64 {
    offered.min(capacity_rps * dt_s).max(0.0)
}

/// Whole units needed for `x`, forgiving rounding noise just above a whole number.
fn whole_units(x: f64) -> f64 {
    (x - 1e-9).ceil().max(0.0)
}

/// Lambda prices and sizes that one step's cost needs.
#[derive(Clone, Debug)]
struct LambdaPrices {
    request_usd: f64,
    gb_s_usd: f64,
    provisioned_gb_s_usd: f64,
    provisioned_duration_gb_s_usd: f64,
    memory_gb: f64,
    /// Ephemeral storage price per GB-s of function time (only the part above 512 MB).
    ephemeral_usd_per_s: f64,
    /// Billed INIT per new environment, s (0 when INIT is not billed).
    billed_init_s: f64,
}

/// Lambda execution environments of one function.
#[derive(Clone, Debug)]
struct LambdaSim {
    duration_s: f64,
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
    prices: LambdaPrices,
}

impl LambdaSim {
    fn new(s: &Scenario, rps: f64) -> Self {
        let l = &s.lambda;
        let duration_s = s.workload.avg_duration_ms / 1000.0;
        let limit = f64::from(l.account_concurrency_limit);
        let max_envs = l
            .reserved_concurrency
            .map_or(limit, |r| f64::from(r).min(limit));
        let provisioned = f64::from(l.provisioned_concurrency).min(max_envs);
        let warm = provisioned.max(whole_units(rps * duration_s)).min(max_envs);
        let phases = InitPhases::of(s);
        let rates = s.rates.lambda(s.workload.architecture);
        let memory_gb = s.memory_gb();
        let extra_storage_gb =
            f64::from(s.workload.ephemeral_storage_mb.saturating_sub(512)) / 1024.0;
        let prices = LambdaPrices {
            request_usd: s.rates.lambda_request_usd_per_million / 1e6,
            gb_s_usd: rates.duration_tiers.first().map_or(0.0, |t| t.usd_per_unit),
            provisioned_gb_s_usd: rates.provisioned_usd_per_gb_s,
            provisioned_duration_gb_s_usd: rates.provisioned_duration_usd_per_gb_s,
            memory_gb,
            ephemeral_usd_per_s: extra_storage_gb * s.rates.ephemeral_usd_per_gb_s,
            billed_init_s: if l.init_billed {
                phases.billed_init_ms() / 1000.0
            } else {
                0.0
            },
        };
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
            prices,
        }
    }

    fn capacity_rps(&self) -> f64 {
        self.warm / self.duration_s + self.initialising_total / (self.duration_s + self.init_s)
    }

    fn provisioned_rps(&self) -> f64 {
        self.provisioned / self.duration_s
    }

    fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps(),
            paid_capacity_rps: self.provisioned_rps(),
            booting_units: self.initialising_total,
            serving_units: self.warm,
            ..Tick::default()
        }
    }

    fn step(&mut self, t_s: f64, dt_s: f64, offered: f64) -> Tick {
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

        let new = self.scale_out(dt_s, offered / dt_s);
        if new > 0.0 {
            self.initialising.push_back((t_s + self.init_s, new));
            self.initialising_total += new;
        }

        let capacity_rps = self.capacity_rps();
        let served = serve(offered, capacity_rps, dt_s);
        self.reclaim(t_s, served / dt_s);

        let p = &self.prices;
        let by_provisioned = served.min(self.provisioned_rps() * dt_s);
        let function_s = served * self.duration_s;
        let cost_usd = served * p.request_usd
            + (served - by_provisioned) * self.duration_s * p.memory_gb * p.gb_s_usd
            + by_provisioned * self.duration_s * p.memory_gb * p.provisioned_duration_gb_s_usd
            + self.provisioned * p.memory_gb * dt_s * p.provisioned_gb_s_usd
            + new * p.billed_init_s * p.memory_gb * p.gb_s_usd
            + function_s * p.ephemeral_usd_per_s;
        Tick {
            capacity_rps,
            paid_capacity_rps: self.provisioned_rps(),
            booting_units: self.initialising_total,
            serving_units: self.warm,
            served,
            idle: self.provisioned_rps() * dt_s - by_provisioned,
            cost_usd,
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
        let within_limit = wanted.min((self.max_envs - existing).max(0.0));
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

/// A fleet of units scaled by a target-tracking policy: EC2 instances, or container tasks
/// (optionally placed on EC2 nodes).
#[derive(Clone, Debug)]
struct Fleet {
    /// Requests per second one unit serves.
    unit_rps: f64,
    /// Launch (or placement) to serving, s.
    start_delay_s: f64,
    metric_period_s: f64,
    scale_in_cooldown_s: f64,
    /// Units wanted for a demand rate.
    desired_for: fn(&Scenario, f64) -> u32,
    /// Price of one running or starting unit, USD per second (0 when nodes are billed instead).
    unit_usd_per_s: f64,
    serving: u32,
    /// Units starting, as (serving at, count), in launch order.
    starting: VecDeque<(f64, u32)>,
    starting_total: u32,
    /// Tasks waiting for a node slot (EC2 launch type only).
    unplaced: u32,
    nodes: Option<NodePool>,
    last_action_s: f64,
    next_metric_s: f64,
    window_start_s: f64,
    window_requests: f64,
}

/// EC2 nodes that container tasks are placed on.
#[derive(Clone, Debug)]
struct NodePool {
    tasks_per_node: u32,
    boot_s: f64,
    usd_per_s: f64,
    ready: u32,
    /// Nodes booting, as (ready at, count), in launch order.
    booting: VecDeque<(f64, u32)>,
    booting_total: u32,
}

impl NodePool {
    fn slots(&self) -> u32 {
        self.ready.saturating_mul(self.tasks_per_node)
    }

    fn nodes_for(&self, tasks: u32) -> u32 {
        tasks.div_ceil(self.tasks_per_node.max(1))
    }

    fn launch_for(&mut self, t_s: f64, tasks: u32) {
        let have = self.ready + self.booting_total;
        let need = self.nodes_for(tasks);
        if need > have {
            self.booting.push_back((t_s + self.boot_s, need - have));
            self.booting_total += need - have;
        }
    }

    /// Stops nodes beyond those `tasks` need, the newest (booting) first.
    fn shrink_to(&mut self, tasks: u32) {
        let mut excess = (self.ready + self.booting_total).saturating_sub(self.nodes_for(tasks));
        let booting_cut = take_newest(&mut self.booting, excess);
        self.booting_total -= booting_cut;
        excess -= booting_cut;
        self.ready -= excess.min(self.ready);
    }
}

/// Removes up to `count` units from the back (newest) of a launch queue; returns how many.
fn take_newest(queue: &mut VecDeque<(f64, u32)>, count: u32) -> u32 {
    let mut left = count;
    while left > 0 {
        let Some(last) = queue.back_mut() else { break };
        let cut = left.min(last.1);
        last.1 -= cut;
        left -= cut;
        if last.1 == 0 {
            queue.pop_back();
        }
    }
    count - left
}

/// Moves launches whose time has come out of a queue; returns how many units that was.
fn take_ready(queue: &mut VecDeque<(f64, u32)>, t_s: f64) -> u32 {
    let mut ready = 0;
    while let Some(&(at_s, count)) = queue.front()
        && at_s <= t_s + TIME_EPS_S
    {
        ready += count;
        queue.pop_front();
    }
    ready
}

impl Fleet {
    fn vm(s: &Scenario, rps: f64, t_s: f64) -> Self {
        let vm = &s.vm;
        Self {
            unit_rps: vm.rps_per_instance,
            start_delay_s: vm.boot_s + vm.app_start_s + vm.health_check_s,
            metric_period_s: vm.metric_period_s,
            scale_in_cooldown_s: vm.scale_in_cooldown_s,
            desired_for: sizing::vm_instances_for,
            unit_usd_per_s: vm.hourly_usd / 3600.0,
            serving: sizing::vm_instances_for(s, rps),
            starting: VecDeque::new(),
            starting_total: 0,
            unplaced: 0,
            nodes: None,
            last_action_s: f64::NEG_INFINITY,
            next_metric_s: t_s + vm.metric_period_s,
            window_start_s: t_s,
            window_requests: 0.0,
        }
    }

    fn containers(s: &Scenario, rps: f64, t_s: f64) -> Self {
        let c = &s.containers;
        let tasks = sizing::tasks_for(s, rps);
        let (unit_usd_per_s, nodes) = match c.launch_type {
            LaunchType::Fargate => {
                let (vcpu_hour, gb_hour) = match c.architecture {
                    Architecture::X86_64 => (
                        s.rates.fargate_x86_64_vcpu_hour_usd,
                        s.rates.fargate_x86_64_gb_hour_usd,
                    ),
                    Architecture::Arm64 => (
                        s.rates.fargate_arm64_vcpu_hour_usd,
                        s.rates.fargate_arm64_gb_hour_usd,
                    ),
                };
                let hourly = c.task_vcpu * vcpu_hour + c.task_memory_gb * gb_hour;
                (hourly / 3600.0, None)
            }
            LaunchType::Ec2 => (
                0.0,
                Some(NodePool {
                    tasks_per_node: c.tasks_per_node.max(1),
                    boot_s: c.node_boot_s,
                    usd_per_s: c.node_hourly_usd / 3600.0,
                    ready: sizing::nodes_for_tasks(s, tasks),
                    booting: VecDeque::new(),
                    booting_total: 0,
                }),
            ),
        };
        Self {
            unit_rps: c.rps_per_task,
            start_delay_s: c.task_start_s,
            metric_period_s: c.metric_period_s,
            scale_in_cooldown_s: c.scale_in_cooldown_s,
            desired_for: sizing::tasks_for,
            unit_usd_per_s,
            serving: tasks,
            starting: VecDeque::new(),
            starting_total: 0,
            unplaced: 0,
            nodes,
            last_action_s: f64::NEG_INFINITY,
            next_metric_s: t_s + c.metric_period_s,
            window_start_s: t_s,
            window_requests: 0.0,
        }
    }

    fn capacity_rps(&self) -> f64 {
        f64::from(self.serving) * self.unit_rps
    }

    fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps(),
            paid_capacity_rps: self.capacity_rps(),
            booting_units: f64::from(self.starting_total + self.unplaced),
            serving_units: f64::from(self.serving),
            ..Tick::default()
        }
    }

    fn step(&mut self, s: &Scenario, t_s: f64, dt_s: f64, offered: f64) -> Tick {
        let started = take_ready(&mut self.starting, t_s);
        self.serving += started;
        self.starting_total -= started;
        if let Some(nodes) = &mut self.nodes {
            let booted = take_ready(&mut nodes.booting, t_s);
            nodes.ready += booted;
            nodes.booting_total -= booted;
        }

        if t_s + TIME_EPS_S >= self.next_metric_s {
            let window_s = (t_s - self.window_start_s).max(f64::MIN_POSITIVE);
            let desired = (self.desired_for)(s, self.window_requests / window_s);
            self.scale_to(t_s, desired);
            self.window_start_s = t_s;
            self.window_requests = 0.0;
            while self.next_metric_s <= t_s + TIME_EPS_S {
                self.next_metric_s += self.metric_period_s;
            }
        }
        self.place(t_s);

        let capacity_rps = self.capacity_rps();
        let served = serve(offered, capacity_rps, dt_s);
        self.window_requests += offered;
        let units_paid = f64::from(self.serving + self.starting_total);
        let nodes_usd_per_s = self
            .nodes
            .as_ref()
            .map_or(0.0, |n| f64::from(n.ready + n.booting_total) * n.usd_per_s);
        Tick {
            capacity_rps,
            paid_capacity_rps: capacity_rps,
            booting_units: f64::from(self.starting_total + self.unplaced),
            serving_units: f64::from(self.serving),
            served,
            idle: capacity_rps * dt_s - served,
            cost_usd: (units_paid * self.unit_usd_per_s + nodes_usd_per_s) * dt_s,
        }
    }

    /// Applies the policy's desired count: scale out at once, scale in after the cooldown.
    fn scale_to(&mut self, t_s: f64, desired: u32) {
        let total = self.serving + self.starting_total + self.unplaced;
        if desired > total {
            let new = desired - total;
            match &mut self.nodes {
                None => {
                    self.starting.push_back((t_s + self.start_delay_s, new));
                    self.starting_total += new;
                }
                Some(nodes) => {
                    self.unplaced += new;
                    nodes.launch_for(t_s, desired);
                }
            }
            self.last_action_s = t_s;
        } else if desired < total
            && t_s - self.last_action_s + TIME_EPS_S >= self.scale_in_cooldown_s
        {
            // Drop the units furthest from serving first: unplaced, then the newest starting.
            let mut excess = total - desired;
            let unplaced_cut = excess.min(self.unplaced);
            self.unplaced -= unplaced_cut;
            excess -= unplaced_cut;
            let starting_cut = take_newest(&mut self.starting, excess);
            self.starting_total -= starting_cut;
            excess -= starting_cut;
            self.serving -= excess.min(self.serving);
            if let Some(nodes) = &mut self.nodes {
                nodes.shrink_to(desired);
            }
            self.last_action_s = t_s;
        }
    }

    /// Starts waiting tasks on free node slots.
    fn place(&mut self, t_s: f64) {
        let Some(nodes) = &self.nodes else { return };
        let free = nodes
            .slots()
            .saturating_sub(self.serving + self.starting_total);
        let placed = free.min(self.unplaced);
        if placed > 0 {
            self.unplaced -= placed;
            self.starting.push_back((t_s + self.start_delay_s, placed));
            self.starting_total += placed;
        }
    }
}

/// A fixed fleet of owned servers.
#[derive(Clone, Debug)]
struct OnPremSim {
    servers: f64,
    capacity_rps: f64,
    usd_per_s: f64,
}

impl OnPremSim {
    fn new(s: &Scenario) -> Self {
        let op = &s.on_prem;
        let servers = f64::from(sizing::on_prem_servers(
            s,
            s.workload.requests_per_month as f64,
        ));
        let monthly_per_server_usd = op.server_price_usd / op.amortisation_months
            + op.power_watts / 1000.0 * op.pue * HOURS_PER_MONTH * op.electricity_usd_per_kwh
            + f64::from(op.rack_units_per_server) * op.colo_usd_per_u_month
            + op.admin_fte_per_server * op.admin_usd_per_year / 12.0;
        Self {
            servers,
            capacity_rps: servers * op.rps_per_server,
            usd_per_s: servers * monthly_per_server_usd / SECONDS_PER_MONTH,
        }
    }

    fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps,
            paid_capacity_rps: self.capacity_rps,
            serving_units: self.servers,
            ..Tick::default()
        }
    }

    fn step(&self, dt_s: f64, offered: f64) -> Tick {
        let served = serve(offered, self.capacity_rps, dt_s);
        Tick {
            served,
            idle: self.capacity_rps * dt_s - served,
            cost_usd: self.usd_per_s * dt_s,
            ..self.state()
        }
    }
}

/// Collects one model's steps into decimated samples and the summary.
#[derive(Clone, Debug)]
struct Recorder {
    model: HostingModel,
    duration_s: f64,
    stride: usize,
    samples: Vec<Sample>,
    last: Sample,
    /// Steps and time in the sample being built, and its requests (rate × time) so far.
    bucket_steps: usize,
    bucket_s: f64,
    bucket: Sample,
    peak_capacity: f64,
    idle: f64,
    paid: f64,
    first_short_s: Option<f64>,
    caught_up_s: Option<f64>,
}

impl Recorder {
    fn new(model: HostingModel, first: Sample, stride: usize, duration_s: f64) -> Self {
        let mut recorder = Self {
            model,
            duration_s,
            stride,
            samples: vec![first],
            last: first,
            bucket_steps: 0,
            bucket_s: 0.0,
            bucket: Sample::default(),
            peak_capacity: 0.0,
            idle: 0.0,
            paid: 0.0,
            first_short_s: None,
            caught_up_s: None,
        };
        recorder.note_peak(&first);
        recorder
    }

    fn note_peak(&mut self, sample: &Sample) {
        let concurrent = match self.model {
            HostingModel::Lambda => sample.booting_units + sample.serving_units,
            HostingModel::OnPrem | HostingModel::Vm | HostingModel::Containers => {
                sample.capacity_rps * self.duration_s
            }
        };
        self.peak_capacity = self.peak_capacity.max(concurrent);
    }

    fn record(&mut self, sample: &Sample, t0_s: f64, dt_s: f64) {
        self.note_peak(sample);
        self.idle += sample.idle_rps * dt_s;
        self.paid += (sample.served_rps + sample.idle_rps) * dt_s;
        let offered = sample.demand_rps * dt_s;
        let short = sample.dropped_rps * dt_s > 1e-9 * offered.max(1.0);
        if short && self.first_short_s.is_none() {
            self.first_short_s = Some(t0_s);
        } else if !short && self.first_short_s.is_some() && self.caught_up_s.is_none() {
            self.caught_up_s = Some(t0_s);
        }

        let b = &mut self.bucket;
        b.demand_rps += sample.demand_rps * dt_s;
        b.capacity_rps += sample.capacity_rps * dt_s;
        b.served_rps += sample.served_rps * dt_s;
        b.dropped_rps += sample.dropped_rps * dt_s;
        b.idle_rps += sample.idle_rps * dt_s;
        self.bucket_s += dt_s;
        self.bucket_steps += 1;
        self.last = *sample;
        if self.bucket_steps >= self.stride {
            self.flush();
        }
    }

    /// Closes the sample being built: rates averaged over its time, counts and totals at its end.
    fn flush(&mut self) {
        if self.bucket_steps == 0 {
            return;
        }
        let span_s = self.bucket_s.max(f64::MIN_POSITIVE);
        let b = self.bucket;
        self.samples.push(Sample {
            demand_rps: b.demand_rps / span_s,
            capacity_rps: b.capacity_rps / span_s,
            served_rps: b.served_rps / span_s,
            dropped_rps: b.dropped_rps / span_s,
            idle_rps: b.idle_rps / span_s,
            ..self.last
        });
        self.bucket = Sample::default();
        self.bucket_s = 0.0;
        self.bucket_steps = 0;
    }

    fn finish(mut self, end_s: f64) -> ModelRun {
        self.flush();
        let summary = ModelSummary {
            peak_capacity: self.peak_capacity,
            offered_requests: self.last.cumulative_served + self.last.cumulative_dropped,
            served_requests: self.last.cumulative_served,
            dropped_requests: self.last.cumulative_dropped,
            catch_up_s: self
                .first_short_s
                .map(|first| self.caught_up_s.unwrap_or(end_s) - first),
            idle_capacity_share: if self.paid > 0.0 {
                (self.idle / self.paid).clamp(0.0, 1.0)
            } else {
                0.0
            },
            cost_usd: self.last.cumulative_cost_usd,
        };
        ModelRun {
            samples: self.samples,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::traffic::{ShapeParams, TrafficShape};

    /// A scenario whose function takes 1 s, so environments equal requests per second.
    fn one_second(traffic: Vec<(f64, f64)>) -> Scenario {
        let mut s = Scenario {
            traffic,
            ..Scenario::default()
        };
        s.workload.avg_duration_ms = 1000.0;
        s
    }

    fn envs(sample: &Sample) -> f64 {
        sample.booting_units + sample.serving_units
    }

    #[test]
    fn lambda_reaches_ten_thousand_environments_in_about_90_s() {
        let mut s = one_second(vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.5, 10_000.0),
            (400.0, 10_000.0),
        ]);
        s.lambda.account_concurrency_limit = 100_000;
        let run = ScalingRun::simulate(&s);
        let lambda = &run.model(HostingModel::Lambda).samples;
        assert_eq!(envs(&lambda[0]), 0.0, "no traffic before the jump");
        let reached = lambda.iter().find(|x| envs(x) >= 10_000.0).unwrap();
        let after_s = reached.t_s - 10.0;
        assert!((85.0..=100.0).contains(&after_s), "{after_s}");
        // A thousand at once, then about a hundred a second.
        let at_5s = run.sample_at(HostingModel::Lambda, 15.0).unwrap();
        assert!((1_000.0..1_600.0).contains(&envs(at_5s)), "{}", envs(at_5s));
        let late = run.sample_at(HostingModel::Lambda, 300.0).unwrap();
        assert_eq!(late.dropped_rps, 0.0);
        assert!(late.capacity_rps >= 10_000.0);
    }

    #[test]
    fn lambda_stops_at_the_account_limit_and_throttles_the_rest() {
        let s = one_second(vec![
            (0.0, 1.0),
            (60.0, 1.0),
            (65.0, 5_000.0),
            (600.0, 5_000.0),
        ]);
        let run = ScalingRun::simulate(&s);
        let lambda = run.model(HostingModel::Lambda);
        assert!(lambda.samples.iter().all(|x| envs(x) <= 1_000.0));
        assert!(
            lambda
                .samples
                .iter()
                .all(|x| x.capacity_rps <= 1_000.0 + 1e-9)
        );
        assert_eq!(lambda.summary.peak_capacity, 1_000.0);
        assert!(lambda.summary.dropped_requests > 0.0);
        let late = run.sample_at(HostingModel::Lambda, 500.0).unwrap();
        assert!(
            (late.dropped_rps - 4_000.0).abs() < 1e-6,
            "{}",
            late.dropped_rps
        );
    }

    #[test]
    fn reserved_concurrency_caps_the_function() {
        let mut s = one_second(vec![(0.0, 1.0), (60.0, 1.0), (65.0, 800.0), (600.0, 800.0)]);
        s.lambda.reserved_concurrency = Some(300);
        let run = ScalingRun::simulate(&s);
        let lambda = run.model(HostingModel::Lambda);
        assert_eq!(lambda.summary.peak_capacity, 300.0);
        assert!(lambda.samples.iter().all(|x| envs(x) <= 300.0));
        assert!(lambda.summary.dropped_requests > 0.0);
    }

    #[test]
    fn provisioned_concurrency_serves_at_once() {
        let traffic = vec![(0.0, 0.0), (60.0, 0.0), (60.5, 3_000.0), (300.0, 3_000.0)];
        let mut s = one_second(traffic);
        s.lambda.account_concurrency_limit = 5_000;
        let without = ScalingRun::simulate(&s);
        s.lambda.provisioned_concurrency = 3_000;
        let with = ScalingRun::simulate(&s);
        let with = with.model(HostingModel::Lambda);
        assert_eq!(with.summary.dropped_requests, 0.0);
        assert!(
            with.samples.iter().all(|x| x.booting_units == 0.0),
            "no cold starts"
        );
        assert!(
            with.samples.iter().all(|x| x.serving_units >= 3_000.0),
            "never reclaimed"
        );
        assert!(with.summary.idle_capacity_share > 0.0, "paid while idle");
        let without = without.model(HostingModel::Lambda);
        assert!(
            without.summary.dropped_requests > 0.0,
            "3,000 at once is past the burst"
        );
        assert!(without.samples.iter().any(|x| x.booting_units > 0.0));
        assert_eq!(without.summary.idle_capacity_share, 0.0);
        // Provisioned environments are paid for before any request comes; on-demand ones are not.
        let cost_before_traffic = |run: &ModelRun| {
            let quiet = run.samples.iter().filter(|x| x.t_s <= 60.0);
            quiet.map(|x| x.cumulative_cost_usd).fold(0.0, f64::max)
        };
        assert!(cost_before_traffic(with) > 0.0);
        assert_eq!(cost_before_traffic(without), 0.0);
    }

    #[test]
    fn rules_2022_burst_then_500_a_minute() {
        let mut s = one_second(vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.5, 8_000.0),
            (600.0, 8_000.0),
        ]);
        s.lambda.account_concurrency_limit = 10_000;
        s.lambda.scaling_rules = ScalingRules::Rules2022;
        s.lambda.burst_2022 = 3_000;
        let run = ScalingRun::simulate(&s);
        let at = |t| envs(run.sample_at(HostingModel::Lambda, t).unwrap());
        assert!((3_000.0..3_100.0).contains(&at(11.0)), "{}", at(11.0));
        // Two minutes later: about 1,000 more.
        let grown = at(131.0) - at(11.0);
        assert!((900.0..1_100.0).contains(&grown), "{grown}");
    }

    #[test]
    fn idle_lambda_environments_are_reclaimed() {
        let job = TrafficShape::ScheduledJob.points(&ShapeParams::default());
        let run = ScalingRun::simulate(&Scenario {
            traffic: job,
            ..Scenario::default()
        });
        let lambda = &run.model(HostingModel::Lambda).samples;
        assert_eq!(envs(&lambda[0]), 0.0);
        assert!(run.model(HostingModel::Lambda).summary.peak_capacity > 500.0);
        // The burst ends at 370 s; ten idle minutes later everything is gone.
        let before = run.sample_at(HostingModel::Lambda, 370.0 + 590.0).unwrap();
        let after = run.sample_at(HostingModel::Lambda, 370.0 + 610.0).unwrap();
        assert!(envs(before) > 0.0);
        assert_eq!(envs(after), 0.0);
        assert_eq!(
            after.cumulative_cost_usd,
            run.model(HostingModel::Lambda).summary.cost_usd
        );
    }

    #[test]
    fn vm_capacity_arrives_only_after_boot_app_start_and_health_check() {
        let s = Scenario {
            traffic: vec![(0.0, 1.0), (10.0, 1.0), (11.0, 1_000.0), (600.0, 1_000.0)],
            ..Scenario::default()
        };
        let run = ScalingRun::simulate(&s);
        let vm = &run.model(HostingModel::Vm).samples;
        let initial = f64::from(s.vm.min_instances);
        // The first metric period ends at 60 s; launched instances serve 65 s later.
        let ready_s = s.vm.metric_period_s + s.vm.boot_s + s.vm.app_start_s + s.vm.health_check_s;
        for x in vm.iter().filter(|x| x.t_s <= ready_s) {
            assert_eq!(x.serving_units, initial, "at {}", x.t_s);
        }
        let booting = run.sample_at(HostingModel::Vm, 61.0).unwrap();
        assert!(booting.booting_units > 0.0);
        let first = vm.iter().find(|x| x.serving_units > initial).unwrap();
        assert!(first.t_s <= ready_s + 2.0 * DT_S, "{}", first.t_s);
        // Booting instances are paid for: cost rises faster than for the serving ones alone.
        let cost_rate = |a: f64, b: f64| {
            let (a, b) = (
                run.sample_at(HostingModel::Vm, a).unwrap(),
                run.sample_at(HostingModel::Vm, b).unwrap(),
            );
            (b.cumulative_cost_usd - a.cumulative_cost_usd) / (b.t_s - a.t_s)
        };
        assert!(cost_rate(70.0, 120.0) > 1.5 * cost_rate(20.0, 50.0));
    }

    #[test]
    fn vm_scales_in_only_after_the_cooldown() {
        let s = Scenario::default();
        let run = ScalingRun::simulate(&s);
        let vm = &run.model(HostingModel::Vm).samples;
        let peak = vm.iter().map(|x| x.serving_units).fold(0.0, f64::max);
        assert_eq!(peak, f64::from(s.vm.max_instances));
        // Demand falls at 370 s and the last scale-out was at 120 s: the first metric tick after
        // the cooldown (420 s) scales in, to what that minute's average demand needs.
        let at = |t| run.sample_at(HostingModel::Vm, t).unwrap().serving_units;
        assert_eq!(at(419.0), peak);
        assert!(at(421.0) < peak);
        // The next scale-in must wait for another cooldown, past the end at 600 s.
        assert_eq!(at(599.0), at(421.0));
    }

    #[test]
    fn containers_on_ec2_are_slower_than_on_fargate() {
        let mut s = Scenario::default();
        let fargate = ScalingRun::simulate(&s);
        s.containers.launch_type = LaunchType::Ec2;
        let ec2 = ScalingRun::simulate(&s);
        let caught_up = |run: &ScalingRun| {
            run.model(HostingModel::Containers)
                .samples
                .iter()
                .find(|x| x.capacity_rps >= 10_000.0)
                .unwrap()
                .t_s
        };
        let (f, e) = (caught_up(&fargate), caught_up(&ec2));
        assert!(
            e >= f + s.containers.node_boot_s - 1.0,
            "fargate {f} s, ec2 {e} s"
        );
        let dropped =
            |run: &ScalingRun| run.model(HostingModel::Containers).summary.dropped_requests;
        assert!(dropped(&ec2) > dropped(&fargate));
        let catch_up = |run: &ScalingRun| run.model(HostingModel::Containers).summary.catch_up_s;
        assert!(catch_up(&ec2).unwrap() > catch_up(&fargate).unwrap());
    }

    #[test]
    fn on_prem_is_fixed_and_costs_its_monthly_bill_per_second() {
        let s = Scenario::default();
        let run = ScalingRun::simulate(&s);
        let on_prem = run.model(HostingModel::OnPrem);
        let servers = f64::from(sizing::on_prem_servers(
            &s,
            s.workload.requests_per_month as f64,
        ));
        assert!(on_prem.samples.iter().all(|x| x.serving_units == servers));
        assert!(on_prem.samples.iter().all(|x| x.booting_units == 0.0));
        // The FACTS.md worked preset: ≈ $1,161 a server a month.
        let monthly = on_prem.summary.cost_usd / (run.end_s - run.start_s) * SECONDS_PER_MONTH;
        assert!((monthly / servers - 1_161.2).abs() < 0.5, "{monthly}");
    }

    /// A scenario with random settings and random traffic.
    fn random_scenario(rng: &mut u64) -> Scenario {
        let mut next = || {
            *rng = rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = *rng;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut s = Scenario::default();
        let n = 2 + (next() * 25.0) as usize;
        let mut t_s = 0.0;
        let peak = 20_000.0 * next() * next();
        s.traffic = (0..n)
            .map(|i| {
                let point = (t_s, if next() < 0.2 { 0.0 } else { peak * next() });
                t_s += if i == 0 { 0.7 } else { 1.0 } + 300.0 * next() * next();
                point
            })
            .collect();
        s.workload.avg_duration_ms = 1.0 + 3_000.0 * next() * next();
        s.workload.memory_mb = 128 + (next() * 10_000.0) as u32;
        s.workload.requests_per_month = (next() * 1e10) as u64;
        s.lambda.account_concurrency_limit = 1 + (next() * 20_000.0) as u32;
        if next() < 0.3 {
            s.lambda.reserved_concurrency =
                Some((next() * f64::from(s.lambda.account_concurrency_limit)) as u32);
        }
        if next() < 0.3 {
            s.lambda.provisioned_concurrency = (next() * 2_000.0) as u32;
        }
        if next() < 0.3 {
            s.lambda.scaling_rules = ScalingRules::Rules2022;
            s.lambda.burst_2022 = 1 + (next() * 3_000.0) as u32;
        }
        s.cold_start.function_init_ms = next() * 10_000.0;
        s.cold_start.idle_reclaim_min = 5.0 + 55.0 * next();
        s.vm.min_instances = (next() * 4.0) as u32;
        s.vm.max_instances = s.vm.min_instances.max(1) + (next() * 100.0) as u32;
        s.vm.metric_period_s = 1.0 + 120.0 * next();
        s.vm.scale_in_cooldown_s = 600.0 * next();
        s.vm.boot_s = 60.0 * next();
        s.containers.launch_type = if next() < 0.5 {
            LaunchType::Ec2
        } else {
            LaunchType::Fargate
        };
        s.containers.min_tasks = (next() * 4.0) as u32;
        s.containers.max_tasks = s.containers.min_tasks.max(1) + (next() * 300.0) as u32;
        s.containers.tasks_per_node = 1 + (next() * 10.0) as u32;
        s.containers.metric_period_s = 1.0 + 120.0 * next();
        s.containers.scale_in_cooldown_s = 600.0 * next();
        s
    }

    #[test]
    fn every_model_conserves_requests_over_many_profiles() {
        let mut rng = 2024;
        let mut scenarios: Vec<Scenario> = (0..200).map(|_| random_scenario(&mut rng)).collect();
        for (i, shape) in TrafficShape::ALL.into_iter().enumerate() {
            let params = ShapeParams {
                duration_s: 900.0,
                seed: i as u64,
                ..ShapeParams::default()
            };
            scenarios.push(Scenario {
                traffic: shape.points(&params),
                ..Scenario::default()
            });
        }
        for (i, s) in scenarios.iter().enumerate() {
            assert_eq!(s.validate(), Ok(()), "scenario {i}");
            let run = ScalingRun::simulate(s);
            let offered = Traffic::new(s.traffic.clone())
                .unwrap()
                .requests_between(run.start_s, run.end_s);
            assert!((run.offered_requests - offered).abs() <= 1e-9 * offered.max(1.0));
            for model in HostingModel::ALL {
                let m = run.model(model);
                let sum = &m.summary;
                let total = sum.served_requests + sum.dropped_requests;
                assert!(
                    (total - offered).abs() <= 1e-6 * offered.max(1.0),
                    "scenario {i} {model:?}: {total} vs {offered}"
                );
                assert!(sum.served_requests >= 0.0 && sum.dropped_requests >= -1e-6);
                assert!(sum.cost_usd.is_finite() && sum.cost_usd >= 0.0);
                assert!((0.0..=1.0).contains(&sum.idle_capacity_share));
                assert!(m.samples.len() <= MAX_SAMPLES);
                let mut previous = &m.samples[0];
                for x in &m.samples {
                    assert!(x.t_s >= previous.t_s);
                    assert!(x.cumulative_cost_usd >= previous.cumulative_cost_usd);
                    assert!(x.served_rps <= x.capacity_rps * (1.0 + 1e-9) + 1e-9);
                    assert!(x.capacity_rps.is_finite() && x.booting_units >= 0.0);
                    previous = x;
                }
                if model == HostingModel::Lambda {
                    let max = f64::from(
                        s.lambda
                            .account_concurrency_limit
                            .min(s.lambda.reserved_concurrency.unwrap_or(u32::MAX)),
                    );
                    assert!(sum.peak_capacity <= max, "scenario {i}");
                }
            }
        }
    }

    #[test]
    fn same_scenario_gives_identical_runs() {
        let mut rng = 99;
        for _ in 0..5 {
            let s = random_scenario(&mut rng);
            assert_eq!(ScalingRun::simulate(&s), ScalingRun::simulate(&s));
        }
        let s = Scenario::default();
        assert_eq!(ScalingRun::simulate(&s), ScalingRun::simulate(&s));
    }

    #[test]
    fn catch_up_is_none_within_capacity_and_some_for_the_spike() {
        let flat = Scenario {
            traffic: vec![(0.0, 50.0), (600.0, 50.0)],
            ..Scenario::default()
        };
        let run = ScalingRun::simulate(&flat);
        for model in HostingModel::ALL {
            assert_eq!(run.model(model).summary.catch_up_s, None, "{model:?}");
            assert_eq!(run.model(model).summary.dropped_requests, 0.0, "{model:?}");
        }
        let run = ScalingRun::simulate(&Scenario::default());
        let catch_up = |m| run.model(m).summary.catch_up_s.unwrap();
        for model in HostingModel::ALL {
            assert!(catch_up(model) > 0.0, "{model:?}");
        }
        assert!(catch_up(HostingModel::Lambda) < catch_up(HostingModel::Vm));
        assert!(catch_up(HostingModel::Containers) < catch_up(HostingModel::Vm));
    }

    #[test]
    fn catch_up_runs_to_the_end_when_capacity_never_meets_demand() {
        let s = Scenario {
            traffic: vec![
                (0.0, 1.0),
                (100.0, 1.0),
                (101.0, 100_000.0),
                (300.0, 100_000.0),
            ],
            ..Scenario::default()
        };
        let run = ScalingRun::simulate(&s);
        let on_prem = run.model(HostingModel::OnPrem).summary.catch_up_s.unwrap();
        assert!((200.0 - DT_S..=200.0).contains(&on_prem), "{on_prem}");
    }

    #[test]
    fn long_runs_are_decimated_and_the_playhead_finds_samples() {
        let day = TrafficShape::DailyCycle.points(&ShapeParams::default());
        let run = ScalingRun::simulate(&Scenario {
            traffic: day,
            ..Scenario::default()
        });
        for model in HostingModel::ALL {
            let samples = &run.model(model).samples;
            assert!(samples.len() <= MAX_SAMPLES && samples.len() > MAX_SAMPLES / 2);
            assert_eq!(samples.last().unwrap().t_s, run.end_s);
        }
        let x = run.sample_at(HostingModel::Vm, 3_600.0).unwrap();
        assert!(x.t_s <= 3_600.0 && x.t_s > 3_600.0 - 30.0);
        assert_eq!(run.sample_at(HostingModel::Vm, -1.0).unwrap().t_s, 0.0);
        assert_eq!(run.sample_at(HostingModel::Vm, 1e9).unwrap().t_s, run.end_s);
        // Averaged rates keep the areas: samples' served + dropped still sum to the offered.
        let samples = &run.model(HostingModel::Lambda).samples;
        let area: f64 = samples
            .windows(2)
            .map(|w| (w[1].served_rps + w[1].dropped_rps) * (w[1].t_s - w[0].t_s))
            .sum();
        assert!((area - run.offered_requests).abs() <= 1e-6 * run.offered_requests);
    }

    #[test]
    fn stepping_directly_matches_the_run() {
        let s = Scenario::default();
        let mut sim = Simulator::new(&s).unwrap();
        let unchanged = *sim.step(0.0);
        assert_eq!(unchanged, *sim.latest());
        while sim.t_s() < 600.0 {
            sim.step(DT_S);
        }
        let run = ScalingRun::simulate(&s);
        for model in HostingModel::ALL {
            assert_eq!(
                sim.latest().get(model).cumulative_served,
                run.model(model).summary.served_requests
            );
        }
    }

    #[test]
    fn refused_traffic_gives_an_empty_run() {
        let s = Scenario {
            traffic: vec![(0.0, 1.0)],
            ..Scenario::default()
        };
        assert!(Simulator::new(&s).is_err());
        let run = ScalingRun::simulate(&s);
        assert!(run.traffic_error.is_some());
        assert!(run.sample_at(HostingModel::Lambda, 0.0).is_none());
    }

    #[test]
    fn summaries_serialise_with_the_report_keys() {
        let run = ScalingRun::simulate(&Scenario::default());
        let json = serde_json::to_value(run.summaries()).unwrap();
        for key in ["lambda", "vm", "containers", "on_prem"] {
            for field in [
                "peak_capacity",
                "served_requests",
                "dropped_requests",
                "catch_up_s",
            ] {
                assert!(json[key].get(field).is_some(), "{key}.{field}");
            }
        }
    }

    #[test]
    fn growth_and_shortfall_tell_the_default_spike() {
        let s = Scenario::default();
        let run = ScalingRun::simulate(&s);
        // Lambda adds its environments within seconds of the ramp (60 to 65 s) and never falls
        // short; the VMs launch at the 120 s metric tick and serve 65 s later.
        let lambda = run.growth(HostingModel::Lambda);
        let added = lambda.first_added_s.unwrap();
        assert!((60.0..66.0).contains(&added), "{added}");
        assert!(lambda.peak_s - added < 15.0, "{lambda:?}");
        assert!(lambda.peak_units > 500.0);
        let vm = run.growth(HostingModel::Vm);
        assert_eq!(vm.start_units, f64::from(s.vm.min_instances));
        assert_eq!(vm.peak_units, f64::from(s.vm.max_instances));
        assert!(
            (120.0..122.0).contains(&vm.first_added_s.unwrap()),
            "{vm:?}"
        );
        let on_prem = run.growth(HostingModel::OnPrem);
        assert_eq!(on_prem.first_added_s, None);
        assert_eq!(on_prem.peak_units, on_prem.start_units);
        // 40 instances × 200 rps cannot reach 10,000 rps: the VMs are short until demand falls,
        // the containers catch up, and the fixed servers never grow.
        assert!(matches!(
            run.shortfall(HostingModel::Vm),
            Shortfall::UntilDemandFell { .. }
        ));
        assert!(matches!(
            run.shortfall(HostingModel::Containers),
            Shortfall::CaughtUp { .. }
        ));
        assert!(matches!(
            run.shortfall(HostingModel::OnPrem),
            Shortfall::UntilDemandFell { .. }
        ));
    }

    #[test]
    fn shortfall_is_never_within_capacity_and_to_the_end_without_it() {
        let flat = ScalingRun::simulate(&Scenario {
            traffic: vec![(0.0, 50.0), (600.0, 50.0)],
            ..Scenario::default()
        });
        for model in HostingModel::ALL {
            assert_eq!(flat.shortfall(model), Shortfall::Never, "{model:?}");
        }
        let flood = ScalingRun::simulate(&Scenario {
            traffic: vec![(0.0, 1.0), (100.0, 1.0), (101.0, 1e5), (300.0, 1e5)],
            ..Scenario::default()
        });
        assert!(matches!(
            flood.shortfall(HostingModel::OnPrem),
            Shortfall::ToTheEnd { .. }
        ));
        assert_eq!(
            ScalingRun::default().growth(HostingModel::Vm),
            Growth::default()
        );
    }

    #[test]
    fn the_telling_moment_is_while_three_models_shed_the_spike() {
        let run = ScalingRun::simulate(&Scenario::default());
        let t = run.telling_moment_s();
        // Lambda has caught up by 66 s; the containers' first tasks serve at 165 s.
        assert!((66.0..165.0).contains(&t), "{t}");
        for model in [
            HostingModel::OnPrem,
            HostingModel::Vm,
            HostingModel::Containers,
        ] {
            assert!(is_short(run.sample_at(model, t).unwrap()), "{model:?}");
        }
        let flat = ScalingRun::simulate(&Scenario {
            traffic: vec![(5.0, 50.0), (600.0, 50.0)],
            ..Scenario::default()
        });
        assert_eq!(flat.telling_moment_s(), 5.0);
    }

    #[test]
    fn units_serve_their_rated_rates() {
        let s = Scenario::default();
        assert_eq!(rps_per_unit(&s, HostingModel::Vm), s.vm.rps_per_instance);
        let lambda = rps_per_unit(&s, HostingModel::Lambda);
        assert!((lambda * s.workload.avg_duration_ms / 1000.0 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn assumptions_are_stated() {
        assert!(ASSUMPTIONS.len() >= 10);
        assert!(ASSUMPTIONS.iter().all(|a| a.ends_with('.')));
    }
}
