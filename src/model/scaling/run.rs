//! A scaling run: the whole traffic timeline simulated for all four models in fixed steps, with
//! each model's decimated samples and summary, and the sample under the playhead.

use super::per_model::PerModel;
use super::pricing::UsagePrices;
use super::recorder::Recorder;
use super::samples::{ModelRun, ModelSummary, Sample};
use super::simulator::Simulator;
use super::step::TIME_EPS_S;
use crate::model::scenario::{HostingModel, Scenario};
use crate::model::traffic::TrafficError;

/// Simulated time of one step, s. Small against every delay that matters (Lambda's 10-second
/// refill, boots of tens of seconds), and fixed, so a run's cost is linear in its length.
pub const DT_S: f64 = 0.5;

/// Most samples kept per model for drawing; the summary still uses every step.
pub const MAX_SAMPLES: usize = 4_000;

/// The whole traffic timeline simulated for all four models.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScalingRun {
    /// Step used, s.
    pub dt_s: f64,
    /// Start of the timeline (the first traffic point), s.
    pub start_s: f64,
    /// End of the timeline (the last traffic point), s.
    pub end_s: f64,
    /// Requests offered over the timeline (the integral of demand), rounded to whole requests.
    pub offered_requests: f64,
    /// Each model's samples and summary.
    pub models: PerModel<ModelRun>,
    /// Why the scenario's traffic was refused, if it was; the run is then empty.
    pub traffic_error: Option<TrafficError>,
}

impl ScalingRun {
    /// Simulates the scenario's whole traffic timeline in steps of [`DT_S`] and prices it: the
    /// same as [`Self::simulate_unpriced`] followed by [`Self::price`].
    ///
    /// A scenario that passed `Scenario::validate` always has usable traffic; if the traffic is
    /// refused anyway, the run has no samples, zero summaries and `traffic_error` set.
    pub fn simulate(s: &Scenario) -> Self {
        let mut run = Self::simulate_unpriced(s);
        run.price(s);
        run
    }

    /// Simulates the scenario's whole traffic timeline in steps of [`DT_S`] without pricing it:
    /// every sample counts its `Usage`, and every cost
    /// (`Sample::cumulative_cost_usd`, `ModelSummary::cost_usd`) is 0 until [`Self::price`].
    ///
    /// It reads these fields of the scenario (directly or through `InitPhases::of` and `sizing`),
    /// and no others, so an edit of any other field needs no new simulation:
    ///
    /// - `traffic`, `workload.trigger`;
    /// - `workload.avg_duration_ms`, `workload.memory_mb` (Lambda's GB-s), `workload.architecture`
    ///   (the runtime's init time), `workload.requests_per_month` and `workload.peak_to_average`
    ///   (the on-premises servers bought);
    /// - `lambda.account_concurrency_limit`, `lambda.reserved_concurrency`,
    ///   `lambda.provisioned_concurrency`, `lambda.scaling_rules`, `lambda.burst_2022`;
    /// - `cold_start.runtime`, `package_type`, `environment_ms`, `package_size_mb`,
    ///   `extensions_init_ms`, `function_init_ms`, `snapstart`, `snapstart_restore_ms` and
    ///   `idle_reclaim_min` (`InitPhases::of` also reads `first_invoke_extra_ms_at_1gb`, for a time
    ///   this simulation does not use);
    /// - `vm.rps_per_instance`, `target_utilisation`, `min_instances`, `max_instances`, `boot_s`,
    ///   `app_start_s`, `health_check_s`, `metric_period_s`, `scale_in_cooldown_s`;
    /// - `containers.rps_per_task`, `target_utilisation`, `min_tasks`, `max_tasks`,
    ///   `task_start_s`, `metric_period_s`, `scale_in_cooldown_s`, `launch_type`,
    ///   `tasks_per_node`, `node_boot_s`;
    /// - `on_prem.rps_per_server`, `on_prem.min_servers`.
    ///
    /// It reads no price: nothing of `rates`, `vm.hourly_usd`, `containers.node_hourly_usd`, the
    /// Fargate task size, the on-premises money fields, `workload.ephemeral_storage_mb` or
    /// `lambda.init_billed` (those are [`Self::price`]'s).
    pub fn simulate_unpriced(s: &Scenario) -> Self {
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
            // Whole requests, as every model's summary counts them.
            offered_requests: sim.traffic.requests_between(start_s, end_s).round(),
            models,
            traffic_error: None,
        }
    }

    /// Fills in every sample's `cumulative_cost_usd` and every summary's `cost_usd` from the
    /// usage the simulation counted, at `s`'s prices; earlier costs are replaced. One pass over
    /// the samples, so a changed price re-prices a run without simulating it again.
    ///
    /// Reads only the prices: `rates.lambda_request_usd_per_million`; the first duration tier,
    /// `provisioned_usd_per_gb_s` and `provisioned_duration_usd_per_gb_s` of
    /// `rates.lambda_x86_64` or `rates.lambda_arm64` (chosen by `workload.architecture`);
    /// `rates.ephemeral_usd_per_gb_s` with `workload.ephemeral_storage_mb`; `lambda.init_billed`;
    /// `vm.hourly_usd`; `containers.launch_type`, then on Fargate `containers.architecture`,
    /// `task_vcpu`, `task_memory_gb` and the `rates.fargate_*` prices, on EC2
    /// `containers.node_hourly_usd`; and `on_prem.server_price_usd`, `amortisation_months`,
    /// `power_watts`, `pue`, `electricity_usd_per_kwh`, `rack_units_per_server`,
    /// `colo_usd_per_u_month`, `admin_fte_per_server`, `admin_usd_per_year`.
    pub fn price(&mut self, s: &Scenario) {
        let prices = UsagePrices::of(s);
        for model in HostingModel::ALL {
            let prices = prices.get(model);
            let run = self.models.get_mut(model);
            for sample in &mut run.samples {
                sample.cumulative_cost_usd = prices.cost_usd(&sample.usage);
            }
            // The last sample ends the timeline, so its usage is the run's.
            run.summary.cost_usd = run.samples.last().map_or(0.0, |x| x.cumulative_cost_usd);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Architecture, LaunchType};
    use crate::model::traffic::{ShapeParams, TrafficShape};

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
            // The summary counts whole requests.
            assert_eq!(
                sim.latest().get(model).cumulative_served.round(),
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

    /// The default scenario with every priced part of the simulation in use: provisioned
    /// concurrency, ephemeral storage above 512 MB and billed INIT; once with containers on
    /// Fargate, once on EC2 nodes.
    fn priced_everywhere() -> [Scenario; 2] {
        let mut s = Scenario::default();
        s.lambda.provisioned_concurrency = 50;
        s.workload.ephemeral_storage_mb = 2048;
        s.lambda.init_billed = true;
        let mut on_nodes = s.clone();
        on_nodes.containers.launch_type = LaunchType::Ec2;
        [s, on_nodes]
    }

    /// The run with every cost set to 0, to compare everything else.
    fn without_costs(run: &ScalingRun) -> ScalingRun {
        let mut run = run.clone();
        for model in HostingModel::ALL {
            let model_run = run.models.get_mut(model);
            model_run.summary.cost_usd = 0.0;
            for x in &mut model_run.samples {
                x.cumulative_cost_usd = 0.0;
            }
        }
        run
    }

    #[test]
    fn simulating_is_an_unpriced_run_then_pricing() {
        for s in priced_everywhere() {
            let unpriced = ScalingRun::simulate_unpriced(&s);
            assert_eq!(without_costs(&unpriced), unpriced, "unpriced costs are 0");
            let mut priced = unpriced.clone();
            priced.price(&s);
            assert_eq!(priced, ScalingRun::simulate(&s));
            for model in HostingModel::ALL {
                let run = priced.model(model);
                assert!(run.summary.cost_usd > 0.0, "{model:?}");
                let last = run.samples.last().unwrap();
                assert_eq!(run.summary.cost_usd, last.cumulative_cost_usd);
            }
        }
    }

    #[test]
    fn repricing_changes_the_costs_and_nothing_else() {
        for s in priced_everywhere() {
            // Every price the run uses, changed.
            let mut dear = s.clone();
            let r = &mut dear.rates;
            r.lambda_request_usd_per_million *= 3.0;
            for tier in &mut r.lambda_x86_64.duration_tiers {
                tier.usd_per_unit *= 2.0;
            }
            r.lambda_x86_64.provisioned_usd_per_gb_s *= 2.0;
            r.lambda_x86_64.provisioned_duration_usd_per_gb_s *= 2.0;
            r.ephemeral_usd_per_gb_s *= 2.0;
            r.fargate_arm64_vcpu_hour_usd *= 2.0;
            r.fargate_arm64_gb_hour_usd *= 2.0;
            dear.workload.ephemeral_storage_mb = 4096;
            dear.lambda.init_billed = false;
            dear.vm.hourly_usd *= 2.0;
            let c = &mut dear.containers;
            c.architecture = Architecture::Arm64;
            c.task_vcpu = 1.0;
            c.task_memory_gb = 4.0;
            c.node_hourly_usd *= 2.0;
            let op = &mut dear.on_prem;
            op.server_price_usd *= 2.0;
            op.amortisation_months = 60.0;
            op.power_watts *= 2.0;
            op.pue = 2.0;
            op.electricity_usd_per_kwh *= 2.0;
            op.rack_units_per_server = 4;
            op.colo_usd_per_u_month *= 2.0;
            op.admin_fte_per_server *= 2.0;
            op.admin_usd_per_year *= 2.0;

            let run = ScalingRun::simulate(&s);
            let mut repriced = run.clone();
            repriced.price(&dear);
            // The simulation reads none of these, so re-pricing is all a price edit needs.
            assert_eq!(repriced, ScalingRun::simulate(&dear));
            assert_eq!(without_costs(&repriced), without_costs(&run));
            for model in HostingModel::ALL {
                let (before, after) = (run.model(model), repriced.model(model));
                assert_ne!(before.summary.cost_usd, after.summary.cost_usd, "{model:?}");
                let changed = before
                    .samples
                    .iter()
                    .zip(&after.samples)
                    .filter(|(a, b)| a.cumulative_cost_usd != b.cumulative_cost_usd)
                    .count();
                assert!(changed > before.samples.len() / 2, "{model:?}");
            }
            // Pricing again at the old prices gives the old run back exactly.
            repriced.price(&s);
            assert_eq!(repriced, run);
        }
    }
}
