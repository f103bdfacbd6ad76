//! On-premises servers: a fixed fleet sized for the month's peak, whose capacity never changes
//! within a timeline; it uses its servers' time whether they serve or not.

use super::step::{Tick, Work, serve};
use super::usage::Usage;
use crate::model::scenario::Scenario;
use crate::model::sizing;

/// A fixed fleet of owned servers.
#[derive(Clone, Debug)]
pub(super) struct OnPremSim {
    servers: f64,
    capacity_rps: f64,
}

impl OnPremSim {
    pub(super) fn new(s: &Scenario) -> Self {
        let servers = f64::from(sizing::on_prem_servers(
            s,
            s.workload.requests_per_month as f64,
        ));
        Self {
            servers,
            capacity_rps: servers * s.on_prem.rps_per_server,
        }
    }

    pub(super) fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps,
            paid_capacity_rps: self.capacity_rps,
            serving_units: self.servers,
            ..Tick::default()
        }
    }

    pub(super) fn step(&self, dt_s: f64, work: Work) -> Tick {
        let served = serve(work.pending(), self.capacity_rps, dt_s);
        Tick {
            served,
            idle: self.capacity_rps * dt_s - served,
            usage: Usage {
                unit_s: self.servers * dt_s,
                ..Usage::default()
            },
            ..self.state()
        }
    }
}
