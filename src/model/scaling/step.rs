//! One step of one model: what it reports (capacity, units, requests served, idle capacity),
//! how capacity serves the offered requests, and what one unit serves.

use super::usage::Usage;
use crate::model::scenario::{HostingModel, Scenario};

/// Tolerance for comparing simulated times that are sums of steps.
pub(super) const TIME_EPS_S: f64 = 1e-9;

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

/// What one model did in one step (or its state, for the starting sample).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tick {
    pub(super) capacity_rps: f64,
    /// Capacity paid for whether used or not, requests per second.
    pub(super) paid_capacity_rps: f64,
    pub(super) booting_units: f64,
    pub(super) serving_units: f64,
    /// Requests served in the step.
    pub(super) served: f64,
    /// Paid capacity left unused in the step, in requests.
    pub(super) idle: f64,
    /// What the model used in the step.
    pub(super) usage: Usage,
    /// Lambda: the most environments its trigger lets run at once, where it sets a ceiling.
    pub(super) trigger_ceiling: Option<f64>,
}

/// The work a model may serve in one step: what arrived in it, what waits from before (always
/// 0 for HTTP, whose excess is dropped), and the most any consumer may take in the step (a
/// stream's shards; infinite otherwise).
#[derive(Clone, Copy, Debug)]
pub(super) struct Work {
    pub(super) arrived: f64,
    pub(super) waiting: f64,
    pub(super) most: f64,
}

impl Work {
    /// Everything that could be served in the step.
    pub(super) fn pending(self) -> f64 {
        (self.arrived + self.waiting).min(self.most)
    }
}

/// Requests served in a step: the offered ones, up to what the capacity allows.
pub(super) fn serve(offered: f64, capacity_rps: f64, dt_s: f64) -> f64 {
    offered.min(capacity_rps * dt_s).max(0.0)
}

/// Whole units needed for `x`, forgiving rounding noise just above a whole number.
pub(super) fn whole_units(x: f64) -> f64 {
    (x - 1e-9).ceil().max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_serve_their_rated_rates() {
        let s = Scenario::default();
        assert_eq!(rps_per_unit(&s, HostingModel::Vm), s.vm.rps_per_instance);
        let lambda = rps_per_unit(&s, HostingModel::Lambda);
        assert!((lambda * s.workload.avg_duration_ms / 1000.0 - 1.0).abs() < 1e-12);
    }
}
