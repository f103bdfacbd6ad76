//! Validation: every value of a scenario checked against the range the models accept, the first
//! failure named by its dotted field path and the allowed range.

use super::alternatives::LaunchType;
use super::purchase::{Purchase, SavingsPlanKind};
use super::rates::{EventSourceRates, Tier};
use super::trigger::{
    EventSource, SQS_MAX_CONCURRENCY_RANGE, STREAM_PARALLELIZATION_RANGE, STREAM_SHARDS_RANGE,
    Trigger,
};
use super::whole::{FORMAT_VERSION, HOURS_PER_MONTH, Scenario};

/// A value in a scenario that is outside what the model accepts.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct ValidationError {
    /// Dotted path of the field, e.g. `workload.memory_mb`.
    pub field: String,
    /// What is wrong and what is allowed, e.g. "20000 is out of range (allowed 128..=10240)".
    pub problem: String,
}

/// Collects checks of one scenario, stopping at the first failure.
struct Checker {
    first_error: Option<ValidationError>,
}

impl Checker {
    fn fail(&mut self, field: &str, problem: String) {
        if self.first_error.is_none() {
            self.first_error = Some(ValidationError {
                field: field.to_owned(),
                problem,
            });
        }
    }

    /// A finite number within `min..=max`.
    fn range(&mut self, field: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.fail(
                field,
                format!("{value} is not a finite number (allowed {min}..={max})"),
            );
        } else if value < min || value > max {
            self.fail(
                field,
                format!("{value} is out of range (allowed {min}..={max})"),
            );
        }
    }

    /// An integer within `min..=max`.
    fn int(&mut self, field: &str, value: u64, min: u64, max: u64) {
        if value < min || value > max {
            self.fail(
                field,
                format!("{value} is out of range (allowed {min}..={max})"),
            );
        }
    }

    /// A trigger's settings and the event source it comes through.
    fn trigger(&mut self, trigger: Trigger, source: Option<EventSource>) {
        match trigger {
            Trigger::Http | Trigger::Async => {}
            Trigger::Queue { max_concurrency } => {
                if let Some(max) = max_concurrency {
                    let (min, top) = SQS_MAX_CONCURRENCY_RANGE;
                    self.int(
                        "workload.trigger.max_concurrency",
                        u64::from(max),
                        u64::from(min),
                        u64::from(top),
                    );
                }
            }
            Trigger::Stream {
                shards,
                parallelization,
            } => {
                let (min, max) = STREAM_SHARDS_RANGE;
                self.int(
                    "workload.trigger.shards",
                    u64::from(shards),
                    u64::from(min),
                    u64::from(max),
                );
                let (min, max) = STREAM_PARALLELIZATION_RANGE;
                self.int(
                    "workload.trigger.parallelization",
                    u64::from(parallelization),
                    u64::from(min),
                    u64::from(max),
                );
            }
        }
        if let Some(source) = source
            && !trigger.sources().contains(&source)
        {
            let allowed: Vec<String> = trigger.sources().iter().map(|s| format!("{s:?}")).collect();
            let allowed = if allowed.is_empty() {
                "None".to_owned()
            } else {
                format!("None, {}", allowed.join(", "))
            };
            self.fail(
                "workload.event_source",
                format!("{source:?} does not fit the trigger {trigger:?} (allowed {allowed})"),
            );
        }
    }

    fn tiers(&mut self, field: &str, tiers: &[Tier], max_price: f64) {
        if tiers.is_empty() {
            self.fail(field, "needs at least one tier".to_owned());
            return;
        }
        let mut previous = 0.0;
        for (i, tier) in tiers.iter().enumerate() {
            let path = format!("{field}[{i}]");
            self.range(
                &format!("{path}.usd_per_unit"),
                tier.usd_per_unit,
                0.0,
                max_price,
            );
            match tier.up_to {
                Some(bound) => {
                    self.range(&format!("{path}.up_to"), bound, 0.0, 1e15);
                    if bound <= previous {
                        self.fail(
                            &format!("{path}.up_to"),
                            format!("{bound} must be above the previous tier's bound {previous}"),
                        );
                    }
                    if i + 1 == tiers.len() {
                        self.fail(
                            &format!("{path}.up_to"),
                            "the last tier must be unbounded (None)".to_owned(),
                        );
                    }
                    previous = bound;
                }
                None if i + 1 != tiers.len() => {
                    self.fail(
                        &format!("{path}.up_to"),
                        "only the last tier may be unbounded (None)".to_owned(),
                    );
                }
                None => {}
            }
        }
    }
}

/// Largest traffic rate accepted, requests per second.
pub const MAX_TRAFFIC_RPS: f64 = 1e6;

/// Longest traffic timeline accepted, seconds (31 days: a whole month of a metric export).
pub const MAX_TRAFFIC_SECS: f64 = 31.0 * 86_400.0;

/// Most traffic points accepted.
pub const MAX_TRAFFIC_POINTS: usize = 10_000;

impl Scenario {
    /// Checks every value against the range the models accept. The error names the field and the
    /// allowed range.
    #[expect(
        clippy::too_many_lines,
        reason = "one flat list of every field's range reads better than split parts"
    )]
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker { first_error: None };
        if self.format != FORMAT_VERSION {
            c.fail(
                "format",
                format!(
                    "version {} is not supported (this build reads version {FORMAT_VERSION})",
                    self.format
                ),
            );
        }
        if self.name.trim().is_empty() {
            c.fail("name", "must not be empty".to_owned());
        }
        c.int("name", self.name.len() as u64, 1, 200);
        c.int("description", self.description.len() as u64, 0, 4000);

        let w = &self.workload;
        c.int(
            "workload.requests_per_month",
            w.requests_per_month,
            0,
            1_000_000_000_000,
        );
        c.range(
            "workload.avg_duration_ms",
            w.avg_duration_ms,
            1.0,
            900_000.0,
        );
        c.int("workload.memory_mb", u64::from(w.memory_mb), 128, 10_240);
        c.int(
            "workload.ephemeral_storage_mb",
            u64::from(w.ephemeral_storage_mb),
            512,
            10_240,
        );
        c.range("workload.peak_to_average", w.peak_to_average, 1.0, 1000.0);
        c.range("workload.cpu_bound_share", w.cpu_bound_share, 0.0, 1.0);
        c.int("workload.threads", u64::from(w.threads), 1, 6);
        c.trigger(w.trigger, w.event_source);
        c.int("workload.batch_size", u64::from(w.batch_size), 1, 10_000);

        let l = &self.lambda;
        c.int(
            "lambda.provisioned_concurrency",
            u64::from(l.provisioned_concurrency),
            0,
            100_000,
        );
        c.range(
            "lambda.provisioned_hours_per_month",
            l.provisioned_hours_per_month,
            0.0,
            HOURS_PER_MONTH,
        );
        c.int(
            "lambda.provisioned_requests_per_month",
            l.provisioned_requests_per_month,
            0,
            w.requests_per_month,
        );
        c.int(
            "lambda.account_concurrency_limit",
            u64::from(l.account_concurrency_limit),
            1,
            100_000,
        );
        if let Some(reserved) = l.reserved_concurrency {
            c.int(
                "lambda.reserved_concurrency",
                u64::from(reserved),
                0,
                u64::from(l.account_concurrency_limit),
            );
        }
        c.int("lambda.burst_2022", u64::from(l.burst_2022), 1, 100_000);
        if let Some(ratio) = l.cold_start_ratio {
            c.range("lambda.cold_start_ratio", ratio, 0.0, 1.0);
        }

        if self.traffic.len() < 2 {
            c.fail(
                "traffic",
                format!(
                    "needs at least 2 points (has {}), as (seconds, requests per second)",
                    self.traffic.len()
                ),
            );
        }
        if self.traffic.len() > MAX_TRAFFIC_POINTS {
            c.fail(
                "traffic",
                format!(
                    "has {} points (allowed at most {MAX_TRAFFIC_POINTS})",
                    self.traffic.len()
                ),
            );
        }
        let mut previous_t = f64::NEG_INFINITY;
        for (i, &(t, rps)) in self.traffic.iter().enumerate() {
            c.range(&format!("traffic[{i}].seconds"), t, 0.0, MAX_TRAFFIC_SECS);
            c.range(
                &format!("traffic[{i}].requests_per_second"),
                rps,
                0.0,
                MAX_TRAFFIC_RPS,
            );
            if t <= previous_t {
                c.fail(
                    &format!("traffic[{i}].seconds"),
                    format!("{t} must be later than the previous point's {previous_t}"),
                );
            }
            previous_t = t;
        }

        let cs = &self.cold_start;
        c.range(
            "cold_start.environment_ms",
            cs.environment_ms,
            0.0,
            10_000.0,
        );
        c.range(
            "cold_start.extensions_init_ms",
            cs.extensions_init_ms,
            0.0,
            10_000.0,
        );
        c.range(
            "cold_start.function_init_ms",
            cs.function_init_ms,
            0.0,
            130_000.0,
        );
        c.range(
            "cold_start.package_size_mb",
            cs.package_size_mb,
            0.0,
            10_240.0,
        );
        c.range(
            "cold_start.idle_reclaim_min",
            cs.idle_reclaim_min,
            5.0,
            60.0,
        );
        c.range(
            "cold_start.snapstart_restore_ms",
            cs.snapstart_restore_ms,
            0.0,
            10_000.0,
        );
        if let Some(extra) = cs.first_invoke_extra_ms_at_1gb {
            c.range(
                "cold_start.first_invoke_extra_ms_at_1gb",
                extra,
                0.0,
                60_000.0,
            );
        }

        let vm = &self.vm;
        c.int("vm.instance_type", vm.instance_type.len() as u64, 1, 64);
        c.range("vm.hourly_usd", vm.hourly_usd, 0.0, 1_000.0);
        c.range("vm.rps_per_instance", vm.rps_per_instance, 0.1, 1e6);
        c.range("vm.target_utilisation", vm.target_utilisation, 0.1, 1.0);
        c.int("vm.min_instances", u64::from(vm.min_instances), 0, 10_000);
        c.int(
            "vm.max_instances",
            u64::from(vm.max_instances),
            u64::from(vm.min_instances.max(1)),
            10_000,
        );
        c.range("vm.boot_s", vm.boot_s, 0.0, 3_600.0);
        c.range("vm.app_start_s", vm.app_start_s, 0.0, 3_600.0);
        c.range("vm.health_check_s", vm.health_check_s, 0.0, 3_600.0);
        c.range("vm.metric_period_s", vm.metric_period_s, 1.0, 3_600.0);
        c.range(
            "vm.scale_in_cooldown_s",
            vm.scale_in_cooldown_s,
            0.0,
            86_400.0,
        );

        let ct = &self.containers;
        c.range("containers.task_vcpu", ct.task_vcpu, 0.25, 16.0);
        c.range("containers.task_memory_gb", ct.task_memory_gb, 0.5, 120.0);
        c.range("containers.rps_per_task", ct.rps_per_task, 0.1, 1e6);
        c.range(
            "containers.target_utilisation",
            ct.target_utilisation,
            0.1,
            1.0,
        );
        c.int("containers.min_tasks", u64::from(ct.min_tasks), 0, 100_000);
        c.int(
            "containers.max_tasks",
            u64::from(ct.max_tasks),
            u64::from(ct.min_tasks.max(1)),
            100_000,
        );
        c.range("containers.task_start_s", ct.task_start_s, 0.0, 3_600.0);
        c.range(
            "containers.metric_period_s",
            ct.metric_period_s,
            1.0,
            3_600.0,
        );
        c.range(
            "containers.scale_in_cooldown_s",
            ct.scale_in_cooldown_s,
            0.0,
            86_400.0,
        );
        c.int(
            "containers.node_instance_type",
            ct.node_instance_type.len() as u64,
            1,
            64,
        );
        c.range(
            "containers.node_hourly_usd",
            ct.node_hourly_usd,
            0.0,
            1_000.0,
        );
        c.int(
            "containers.tasks_per_node",
            u64::from(ct.tasks_per_node),
            1,
            1_000,
        );
        c.range("containers.node_boot_s", ct.node_boot_s, 0.0, 3_600.0);

        let op = &self.on_prem;
        c.range("on_prem.rps_per_server", op.rps_per_server, 0.1, 1e6);
        c.int("on_prem.min_servers", u64::from(op.min_servers), 1, 100_000);
        c.range(
            "on_prem.server_price_usd",
            op.server_price_usd,
            0.0,
            10_000_000.0,
        );
        c.range(
            "on_prem.amortisation_months",
            op.amortisation_months,
            1.0,
            240.0,
        );
        c.range("on_prem.power_watts", op.power_watts, 0.0, 20_000.0);
        c.range("on_prem.pue", op.pue, 1.0, 3.0);
        c.range(
            "on_prem.electricity_usd_per_kwh",
            op.electricity_usd_per_kwh,
            0.0,
            10.0,
        );
        c.int(
            "on_prem.rack_units_per_server",
            u64::from(op.rack_units_per_server),
            1,
            48,
        );
        c.range(
            "on_prem.colo_usd_per_u_month",
            op.colo_usd_per_u_month,
            0.0,
            10_000.0,
        );
        c.range(
            "on_prem.admin_fte_per_server",
            op.admin_fte_per_server,
            0.0,
            10.0,
        );
        c.range(
            "on_prem.admin_usd_per_year",
            op.admin_usd_per_year,
            0.0,
            10_000_000.0,
        );
        c.range(
            "on_prem.procurement_days",
            op.procurement_days,
            0.0,
            3_650.0,
        );

        let r = &self.rates;
        c.int("rates.as_of", r.as_of.len() as u64, 1, 64);
        c.int("rates.region", r.region.len() as u64, 1, 32);
        if !r
            .region
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        {
            c.fail(
                "rates.region",
                format!(
                    "\"{}\" is not an AWS region code (lower-case letters, digits and hyphens, \
                     e.g. \"eu-west-1\")",
                    r.region
                ),
            );
        }
        c.range(
            "rates.lambda_request_usd_per_million",
            r.lambda_request_usd_per_million,
            0.0,
            1_000.0,
        );
        for (field, arch) in [
            ("rates.lambda_x86_64", &r.lambda_x86_64),
            ("rates.lambda_arm64", &r.lambda_arm64),
        ] {
            c.tiers(
                &format!("{field}.duration_tiers"),
                &arch.duration_tiers,
                1.0,
            );
            c.range(
                &format!("{field}.provisioned_usd_per_gb_s"),
                arch.provisioned_usd_per_gb_s,
                0.0,
                1.0,
            );
            c.range(
                &format!("{field}.provisioned_duration_usd_per_gb_s"),
                arch.provisioned_duration_usd_per_gb_s,
                0.0,
                1.0,
            );
        }
        c.range(
            "rates.ephemeral_usd_per_gb_s",
            r.ephemeral_usd_per_gb_s,
            0.0,
            1.0,
        );
        c.int("rates.free_requests", r.free_requests, 0, 1_000_000_000_000);
        c.range("rates.free_gb_s", r.free_gb_s, 0.0, 1e12);
        c.tiers(
            "rates.api_gateway_rest_tiers",
            &r.api_gateway_rest_tiers,
            1_000.0,
        );
        c.tiers(
            "rates.api_gateway_http_tiers",
            &r.api_gateway_http_tiers,
            1_000.0,
        );
        c.range("rates.alb_usd_per_hour", r.alb_usd_per_hour, 0.0, 1_000.0);
        c.range(
            "rates.alb_usd_per_lcu_hour",
            r.alb_usd_per_lcu_hour,
            0.0,
            1_000.0,
        );
        c.range(
            "rates.alb_new_connections_per_lcu",
            r.alb_new_connections_per_lcu,
            0.1,
            1e6,
        );
        for (field, value) in [
            (
                "rates.fargate_x86_64_vcpu_hour_usd",
                r.fargate_x86_64_vcpu_hour_usd,
            ),
            (
                "rates.fargate_x86_64_gb_hour_usd",
                r.fargate_x86_64_gb_hour_usd,
            ),
            (
                "rates.fargate_arm64_vcpu_hour_usd",
                r.fargate_arm64_vcpu_hour_usd,
            ),
            (
                "rates.fargate_arm64_gb_hour_usd",
                r.fargate_arm64_gb_hour_usd,
            ),
            ("rates.eks_cluster_hour_usd", r.eks_cluster_hour_usd),
        ] {
            c.range(field, value, 0.0, 1_000.0);
        }
        for (i, instance) in r.ec2_instances.iter().enumerate() {
            c.int(
                &format!("rates.ec2_instances[{i}].name"),
                instance.name.len() as u64,
                1,
                64,
            );
            c.range(
                &format!("rates.ec2_instances[{i}].hourly_usd"),
                instance.hourly_usd,
                0.0,
                1_000.0,
            );
            for (key, value) in [
                (
                    "instance_savings_plan_1y_usd",
                    instance.instance_savings_plan_1y_usd,
                ),
                (
                    "instance_savings_plan_3y_usd",
                    instance.instance_savings_plan_3y_usd,
                ),
                (
                    "compute_savings_plan_1y_usd",
                    instance.compute_savings_plan_1y_usd,
                ),
                (
                    "compute_savings_plan_3y_usd",
                    instance.compute_savings_plan_3y_usd,
                ),
                ("spot_usd", instance.spot_usd),
            ] {
                if let Some(value) = value {
                    c.range(
                        &format!("rates.ec2_instances[{i}].{key}"),
                        value,
                        0.0,
                        1_000.0,
                    );
                }
            }
        }
        let commitments = &r.commitments;
        for (key, value) in [
            (
                "fargate_savings_plan_1y_discount",
                commitments.fargate_savings_plan_1y_discount,
            ),
            (
                "fargate_savings_plan_3y_discount",
                commitments.fargate_savings_plan_3y_discount,
            ),
            ("fargate_spot_discount", commitments.fargate_spot_discount),
            (
                "lambda_savings_plan_1y_discount",
                commitments.lambda_savings_plan_1y_discount,
            ),
            (
                "lambda_savings_plan_3y_discount",
                commitments.lambda_savings_plan_3y_discount,
            ),
        ] {
            c.range(&format!("rates.commitments.{key}"), value, 0.0, 0.95);
        }
        self.check_purchase_prices(&mut c);
        check_event_source_rates(&mut c, &r.event_sources);

        match c.first_error {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

/// The event sources' prices: each a finite number of dollars in its range, and a source text.
fn check_event_source_rates(c: &mut Checker, e: &EventSourceRates) {
    c.int("rates.event_sources.source", e.source.len() as u64, 0, 4000);
    for (key, value) in [
        (
            "sqs_usd_per_million_requests",
            e.sqs_usd_per_million_requests,
        ),
        (
            "kinesis_usd_per_million_put_units",
            e.kinesis_usd_per_million_put_units,
        ),
        (
            "sns_usd_per_million_publishes",
            e.sns_usd_per_million_publishes,
        ),
        (
            "sns_http_usd_per_million_deliveries",
            e.sns_http_usd_per_million_deliveries,
        ),
        (
            "eventbridge_usd_per_million_events",
            e.eventbridge_usd_per_million_events,
        ),
        (
            "scheduler_usd_per_million_invocations",
            e.scheduler_usd_per_million_invocations,
        ),
    ] {
        c.range(&format!("rates.event_sources.{key}"), value, 0.0, 1_000.0);
    }
    c.range(
        "rates.event_sources.kinesis_shard_hour_usd",
        e.kinesis_shard_hour_usd,
        0.0,
        100.0,
    );
}

impl Scenario {
    /// A Savings Plan or Spot purchase needs the instance type's price for it in the rates.
    fn check_purchase_prices(&self, c: &mut Checker) {
        let vm = &self.vm;
        if vm.purchase != Purchase::OnDemand {
            let price = self
                .rates
                .instance(&vm.instance_type)
                .and_then(|i| i.hourly_for(vm.purchase, vm.savings_plan_kind));
            if price.is_none() {
                c.fail(
                    "vm.purchase",
                    format!(
                        "{:?} needs a price for \"{}\" under it in rates.ec2_instances (set it \
                         in the editor's Rates section, or choose OnDemand)",
                        vm.purchase, vm.instance_type
                    ),
                );
            }
        }
        let ct = &self.containers;
        if ct.launch_type == LaunchType::Ec2 && ct.purchase != Purchase::OnDemand {
            let price = self
                .rates
                .instance(&ct.node_instance_type)
                .and_then(|i| i.hourly_for(ct.purchase, SavingsPlanKind::Compute));
            if price.is_none() {
                c.fail(
                    "containers.purchase",
                    format!(
                        "{:?} needs a price for the node type \"{}\" under it in \
                         rates.ec2_instances (set it in the editor's Rates section, or choose \
                         OnDemand)",
                        ct.purchase, ct.node_instance_type
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        assert_eq!(Scenario::default().validate(), Ok(()));
    }

    #[test]
    fn memory_out_of_range_names_field_and_range() {
        let mut s = Scenario::default();
        s.workload.memory_mb = 20_000;
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.memory_mb");
        assert!(err.problem.contains("128..=10240"), "{}", err.problem);
        s.workload.memory_mb = 127;
        assert_eq!(s.validate().unwrap_err().field, "workload.memory_mb");
        s.workload.memory_mb = 128;
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn purchase_fields_name_their_field_and_range() {
        let mut s = Scenario::default();
        s.workload.cpu_bound_share = 1.5;
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.cpu_bound_share");
        assert!(err.problem.contains("0..=1"), "{}", err.problem);
        let mut s = Scenario::default();
        s.workload.threads = 7;
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.threads");
        assert!(err.problem.contains("1..=6"), "{}", err.problem);
        // A plan for an instance type the rates have no plan price for is refused by name.
        let mut s = Scenario::default();
        s.vm.instance_type = "x9.huge".to_owned();
        s.vm.purchase = Purchase::SavingsPlan3y;
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "vm.purchase");
        assert!(err.problem.contains("x9.huge"), "{}", err.problem);
        s.vm.purchase = Purchase::OnDemand;
        assert_eq!(s.validate(), Ok(()));
        let mut s = Scenario::default();
        s.containers.launch_type = LaunchType::Ec2;
        s.containers.purchase = Purchase::Spot;
        assert_eq!(s.validate(), Ok(()));
        if let Some(node) = s
            .rates
            .ec2_instances
            .iter_mut()
            .find(|i| i.name == "m5.large")
        {
            node.spot_usd = None;
        }
        assert_eq!(s.validate().unwrap_err().field, "containers.purchase");
        let mut s = Scenario::default();
        s.rates.commitments.lambda_savings_plan_3y_discount = 1.0;
        assert_eq!(
            s.validate().unwrap_err().field,
            "rates.commitments.lambda_savings_plan_3y_discount"
        );
    }

    #[test]
    fn a_region_is_a_region_code() {
        let mut s = Scenario::default();
        s.rates.region = "EU West".to_owned();
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "rates.region");
        assert!(err.problem.contains("eu-west-1"), "{}", err.problem);
        s.rates.region = "ap-southeast-2".to_owned();
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn non_finite_values_are_refused() {
        let mut s = Scenario::default();
        s.workload.avg_duration_ms = f64::NAN;
        assert_eq!(s.validate().unwrap_err().field, "workload.avg_duration_ms");
        let mut s = Scenario::default();
        s.on_prem.pue = f64::INFINITY;
        assert_eq!(s.validate().unwrap_err().field, "on_prem.pue");
    }

    #[test]
    fn traffic_must_be_sorted_and_non_negative() {
        let mut s = Scenario {
            traffic: vec![(0.0, 1.0), (10.0, 2.0), (5.0, 3.0)],
            ..Scenario::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "traffic[2].seconds");
        s.traffic = vec![(0.0, 1.0), (10.0, -2.0)];
        assert_eq!(
            s.validate().unwrap_err().field,
            "traffic[1].requests_per_second"
        );
        s.traffic = vec![(0.0, 1.0)];
        assert_eq!(s.validate().unwrap_err().field, "traffic");
    }

    #[test]
    fn unsupported_format_version_is_refused() {
        let s = Scenario {
            format: 2,
            ..Scenario::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "format");
    }

    #[test]
    fn tiers_must_increase_and_end_unbounded() {
        let mut s = Scenario::default();
        let tier = |up_to, usd_per_unit| Tier {
            up_to,
            usd_per_unit,
        };
        s.rates.api_gateway_http_tiers = vec![tier(Some(300.0), 1.0), tier(Some(200.0), 0.9)];
        assert!(
            s.validate()
                .unwrap_err()
                .field
                .starts_with("rates.api_gateway_http_tiers")
        );
    }

    #[test]
    fn provisioned_requests_cannot_exceed_total() {
        let mut s = Scenario::default();
        s.lambda.provisioned_requests_per_month = s.workload.requests_per_month + 1;
        assert_eq!(
            s.validate().unwrap_err().field,
            "lambda.provisioned_requests_per_month"
        );
    }

    #[test]
    fn ephemeral_storage_edges() {
        let mut s = Scenario::default();
        s.workload.ephemeral_storage_mb = 10_240;
        assert_eq!(s.validate(), Ok(()));
        s.workload.ephemeral_storage_mb = 511;
        assert_eq!(
            s.validate().unwrap_err().field,
            "workload.ephemeral_storage_mb"
        );
    }

    #[test]
    fn trigger_settings_name_the_field_and_range() {
        let mut s = Scenario::default();
        s.workload.trigger = Trigger::Stream {
            shards: 0,
            parallelization: 1,
        };
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.trigger.shards");
        assert!(err.problem.contains("allowed 1..=10000"), "{err}");
        s.workload.trigger = Trigger::Stream {
            shards: 4,
            parallelization: 11,
        };
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.trigger.parallelization");
        assert!(err.problem.contains("allowed 1..=10"), "{err}");
        s.workload.trigger = Trigger::Stream {
            shards: 4,
            parallelization: 10,
        };
        assert!(s.validate().is_ok());
        for (max, ok) in [(1, false), (2, true), (1_000, true), (1_001, false)] {
            s.workload.trigger = Trigger::Queue {
                max_concurrency: Some(max),
            };
            let result = s.validate();
            assert_eq!(result.is_ok(), ok, "{max}: {result:?}");
            if let Err(err) = result {
                assert_eq!(err.field, "workload.trigger.max_concurrency");
                assert!(err.problem.contains("allowed 2..=1000"), "{err}");
            }
        }
    }

    #[test]
    fn event_source_rates_name_their_field_and_range() {
        let mut s = Scenario::default();
        s.rates.event_sources.sqs_usd_per_million_requests = -0.4;
        let err = s.validate().unwrap_err();
        assert_eq!(
            err.field,
            "rates.event_sources.sqs_usd_per_million_requests"
        );
        assert!(err.problem.contains("allowed 0..=1000"), "{err}");
        let mut s = Scenario::default();
        s.rates.event_sources.kinesis_shard_hour_usd = 150.0;
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "rates.event_sources.kinesis_shard_hour_usd");
        assert!(err.problem.contains("allowed 0..=100"), "{err}");
        let mut s = Scenario::default();
        s.rates.event_sources.scheduler_usd_per_million_invocations = f64::NAN;
        let err = s.validate().unwrap_err();
        assert_eq!(
            err.field,
            "rates.event_sources.scheduler_usd_per_million_invocations"
        );
        assert!(err.problem.contains("not a finite number"), "{err}");
        let mut s = Scenario::default();
        s.rates.event_sources.source = "x".repeat(4001);
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "rates.event_sources.source");
        assert!(err.problem.contains("allowed 0..=4000"), "{err}");
        let mut s = Scenario::default();
        s.rates.event_sources.sns_http_usd_per_million_deliveries = 1_000.0;
        s.rates.event_sources.kinesis_shard_hour_usd = 0.0;
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn an_event_source_must_fit_its_trigger() {
        let mut s = Scenario::default();
        s.workload.trigger = Trigger::Async;
        s.workload.event_source = Some(EventSource::Sns);
        assert!(s.validate().is_ok());
        s.workload.event_source = Some(EventSource::Sqs);
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.event_source");
        assert!(err.problem.contains("allowed None, S3, Sns"), "{err}");
        s.workload.trigger = Trigger::Http;
        s.workload.event_source = Some(EventSource::S3);
        assert!(s.validate().unwrap_err().problem.contains("allowed None)"));
        s.workload.event_source = None;
        s.workload.batch_size = 0;
        assert_eq!(s.validate().unwrap_err().field, "workload.batch_size");
    }
}
