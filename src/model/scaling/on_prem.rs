//! On-premises servers: a fixed fleet sized for the month's peak, whose capacity never changes
//! within a timeline and whose monthly cost is spread over the month's seconds.

use super::step::{Tick, serve};
use crate::model::scenario::{HOURS_PER_MONTH, SECONDS_PER_MONTH, Scenario};
use crate::model::sizing;

/// A fixed fleet of owned servers.
#[derive(Clone, Debug)]
pub(super) struct OnPremSim {
    servers: f64,
    capacity_rps: f64,
    usd_per_s: f64,
}

impl OnPremSim {
    pub(super) fn new(s: &Scenario) -> Self {
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

    pub(super) fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps,
            paid_capacity_rps: self.capacity_rps,
            serving_units: self.servers,
            ..Tick::default()
        }
    }

    pub(super) fn step(&self, dt_s: f64, offered: f64) -> Tick {
        let served = serve(offered, self.capacity_rps, dt_s);
        Tick {
            served,
            idle: self.capacity_rps * dt_s - served,
            cost_usd: self.usd_per_s * dt_s,
            ..self.state()
        }
    }
}
