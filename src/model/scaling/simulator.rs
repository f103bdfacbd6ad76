//! The four models stepped together through the traffic, one step at a time, each step turned
//! into a sample per model with running totals.

use super::backlog::{Backlog, Served};
use super::fleets::Fleet;
use super::lambda::LambdaSim;
use super::on_prem::OnPremSim;
use super::per_model::PerModel;
use super::samples::Sample;
use super::step::{Tick, Work};
use crate::model::scenario::{ASYNC_MAX_EVENT_AGE_S, HostingModel, Scenario, Trigger};
use crate::model::traffic::{Traffic, TrafficError};

/// The four models stepped together through the traffic, one step at a time.
#[derive(Clone, Debug)]
pub struct Simulator {
    pub(super) scenario: Scenario,
    pub(super) traffic: Traffic,
    pub(super) t_s: f64,
    pub(super) lambda: LambdaSim,
    pub(super) vm: Fleet,
    pub(super) containers: Fleet,
    pub(super) on_prem: OnPremSim,
    pub(super) latest: PerModel<Sample>,
    /// Whether work beyond capacity waits (every trigger but HTTP) instead of being dropped.
    keeps_work: bool,
    /// Each model's waiting work (stays empty for HTTP).
    backlogs: PerModel<Backlog>,
    /// A stream's ceiling for every consumer, work per second: one batch per shard at a time
    /// (times the parallelization) at the function's duration; infinite for other triggers.
    stream_rps: f64,
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
        let trigger = s.workload.trigger;
        let stream_rps = match trigger {
            Trigger::Stream { .. } => trigger.concurrency_cap().map_or(f64::INFINITY, |cap| {
                f64::from(cap) / lambda.duration_s.max(f64::MIN_POSITIVE)
            }),
            _ => f64::INFINITY,
        };
        let first = |tick: Tick| {
            let capacity_rps = tick.capacity_rps.min(stream_rps);
            let served_rps = rps.min(capacity_rps);
            Sample {
                t_s,
                demand_rps: rps,
                capacity_rps,
                booting_units: tick.booting_units,
                serving_units: tick.serving_units,
                served_rps,
                // Work beyond capacity waits under every trigger but HTTP.
                dropped_rps: if trigger.keeps_work() {
                    0.0
                } else {
                    rps - served_rps
                },
                idle_rps: (tick.paid_capacity_rps - served_rps).max(0.0),
                trigger_ceiling: tick.trigger_ceiling,
                ..Sample::default()
            }
        };
        let latest = PerModel {
            on_prem: first(on_prem.state()),
            vm: first(vm.state()),
            containers: first(containers.state()),
            lambda: first(lambda.state()),
        };
        let max_age_s = (trigger == Trigger::Async).then_some(ASYNC_MAX_EVENT_AGE_S);
        Ok(Self {
            stream_rps,
            keeps_work: trigger.keeps_work(),
            backlogs: PerModel::default().map(|_, ()| Backlog::new(max_age_s)),
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

    /// Advances every model by `dt_s` of simulated time and returns their samples for that step,
    /// unpriced: their usage is counted, their cost left at 0.
    /// Past the last traffic point the last rate holds. A `dt_s` that is not a positive finite
    /// number changes nothing.
    pub fn step(&mut self, dt_s: f64) -> &PerModel<Sample> {
        if !(dt_s.is_finite() && dt_s > 0.0) {
            return &self.latest;
        }
        let t_s = self.t_s;
        let end_s = t_s + dt_s;
        let offered = self.traffic.requests_between(t_s, end_s);
        let work = |model| Work {
            arrived: offered,
            waiting: self.backlogs.get(model).total(),
            most: self.stream_rps * dt_s,
        };
        let ticks = PerModel {
            on_prem: self.on_prem.step(dt_s, work(HostingModel::OnPrem)),
            vm: self
                .vm
                .step(&self.scenario, t_s, dt_s, work(HostingModel::Vm)),
            containers: self.containers.step(
                &self.scenario,
                t_s,
                dt_s,
                work(HostingModel::Containers),
            ),
            lambda: self.lambda.step(t_s, dt_s, work(HostingModel::Lambda)),
        };
        self.t_s = end_s;
        for model in HostingModel::ALL {
            let tick = ticks.get(model);
            let latest = self.latest.get_mut(model);
            let backlog = self.backlogs.get_mut(model);
            let (dropped, served) = if self.keeps_work {
                let served = backlog.step(t_s, end_s, offered, tick.served);
                (served.expired, served)
            } else {
                (offered - tick.served, Served::default())
            };
            let oldest_wait_s = backlog.oldest_age_s(end_s);
            *latest = Sample {
                t_s: self.t_s,
                demand_rps: offered / dt_s,
                // A stream's ceiling binds every consumer, whatever it could serve.
                capacity_rps: tick.capacity_rps.min(self.stream_rps),
                booting_units: tick.booting_units,
                serving_units: tick.serving_units,
                served_rps: tick.served / dt_s,
                dropped_rps: dropped / dt_s,
                idle_rps: tick.idle / dt_s,
                cumulative_served: latest.cumulative_served + tick.served,
                cumulative_dropped: latest.cumulative_dropped + dropped,
                cumulative_cost_usd: 0.0,
                usage: latest.usage + tick.usage,
                backlog: backlog.total(),
                oldest_wait_s,
                max_wait_s: latest
                    .max_wait_s
                    .max(served.longest_wait_s)
                    .max(oldest_wait_s),
                cumulative_expired: latest.cumulative_expired + served.expired,
                trigger_ceiling: tick.trigger_ceiling,
            };
        }
        &self.latest
    }
}
