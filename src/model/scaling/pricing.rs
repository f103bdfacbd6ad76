//! Prices for the usage the simulation records: what one request, GB-second, function-second,
//! unit-second or node-second costs each model, from the scenario's rates and the alternatives'
//! prices. Pricing a run reads only these fields, so a changed price re-prices a run without
//! simulating it again.

use super::per_model::PerModel;
use super::usage::Usage;
use crate::model::scenario::{HOURS_PER_MONTH, LaunchType, SECONDS_PER_MONTH, Scenario};

/// USD per unit of each [`Usage`] quantity, for one model (0 where the model has no such cost).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[expect(
    clippy::struct_field_names,
    reason = "every field is a price in USD, named after the usage it prices"
)]
pub(super) struct UsagePrices {
    request_usd: f64,
    on_demand_gb_s_usd: f64,
    provisioned_duration_gb_s_usd: f64,
    provisioned_gb_s_usd: f64,
    init_gb_s_usd: f64,
    function_s_usd: f64,
    unit_s_usd: f64,
    node_s_usd: f64,
}

impl UsagePrices {
    /// Every model's prices in the scenario. The fields read are listed on `ScalingRun::price`;
    /// keep the two in step.
    pub(super) fn of(s: &Scenario) -> PerModel<Self> {
        PerModel {
            on_prem: Self::on_prem(s),
            vm: Self {
                unit_s_usd: s.vm.hourly_usd / 3600.0,
                ..Self::default()
            },
            containers: Self::containers(s),
            lambda: Self::lambda(s),
        }
    }

    /// Lambda: requests, duration at the first tier's rate (at the provisioned duration rate for
    /// requests provisioned environments serve), provisioned GB-s, INIT when billed, and
    /// ephemeral storage above 512 MB; no free tier.
    fn lambda(s: &Scenario) -> Self {
        let rates = s.rates.lambda(s.workload.architecture);
        let gb_s_usd = rates.duration_tiers.first().map_or(0.0, |t| t.usd_per_unit);
        let extra_storage_gb =
            f64::from(s.workload.ephemeral_storage_mb.saturating_sub(512)) / 1024.0;
        Self {
            request_usd: s.rates.lambda_request_usd_per_million / 1e6,
            on_demand_gb_s_usd: gb_s_usd,
            provisioned_duration_gb_s_usd: rates.provisioned_duration_usd_per_gb_s,
            provisioned_gb_s_usd: rates.provisioned_usd_per_gb_s,
            init_gb_s_usd: if s.lambda.init_billed { gb_s_usd } else { 0.0 },
            function_s_usd: extra_storage_gb * s.rates.ephemeral_usd_per_gb_s,
            ..Self::default()
        }
    }

    /// Containers: Fargate bills each task's vCPU and memory, the EC2 launch type its nodes.
    fn containers(s: &Scenario) -> Self {
        let c = &s.containers;
        match c.launch_type {
            LaunchType::Fargate => {
                let (vcpu_hour, gb_hour) = s.rates.fargate(c.architecture);
                let hourly = c.task_vcpu * vcpu_hour + c.task_memory_gb * gb_hour;
                Self {
                    unit_s_usd: hourly / 3600.0,
                    ..Self::default()
                }
            }
            LaunchType::Ec2 => Self {
                node_s_usd: c.node_hourly_usd / 3600.0,
                ..Self::default()
            },
        }
    }

    /// On premises: one server's monthly cost (amortisation, power times PUE, colocation, the
    /// administrators' share) spread evenly over the month's seconds.
    fn on_prem(s: &Scenario) -> Self {
        let op = &s.on_prem;
        let monthly_per_server_usd = op.server_price_usd / op.amortisation_months
            + op.power_watts / 1000.0 * op.pue * HOURS_PER_MONTH * op.electricity_usd_per_kwh
            + f64::from(op.rack_units_per_server) * op.colo_usd_per_u_month
            + op.admin_fte_per_server * op.admin_usd_per_year / 12.0;
        Self {
            unit_s_usd: monthly_per_server_usd / SECONDS_PER_MONTH,
            ..Self::default()
        }
    }

    /// What `usage` costs at these prices, USD.
    pub(super) fn cost_usd(&self, usage: &Usage) -> f64 {
        usage.requests * self.request_usd
            + usage.on_demand_gb_s * self.on_demand_gb_s_usd
            + usage.provisioned_duration_gb_s * self.provisioned_duration_gb_s_usd
            + usage.provisioned_gb_s * self.provisioned_gb_s_usd
            + usage.init_gb_s * self.init_gb_s_usd
            + usage.function_s * self.function_s_usd
            + usage.unit_s * self.unit_s_usd
            + usage.node_s * self.node_s_usd
    }
}
