//! Results derived from the scenario (bills, curves, simulations). Computed when the scenario
//! changes, never in a frame: the window asks its [`worker::Worker`] for them on a thread of their
//! own, the headless `report` and `export` commands call [`Derived::compute`] directly. Frames
//! only draw the results.

pub mod worker;

use crate::model::cold_start::ColdStartRun;
use crate::model::cost::{self, Bills, CostCurves};
use crate::model::memory_sweep::MemorySweep;
use crate::model::runtime::InitPhases;
use crate::model::scaling::ScalingRun;
use crate::model::scenario::{Runtime, Scenario};
use crate::model::traffic::Traffic;

/// What results are computed from: the scenario, and what a view asks for beyond it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs {
    /// The scenario every view is computed from.
    pub scenario: Scenario,
    /// A second runtime the cold-start view compares with, if any (never the scenario's own).
    pub compare: Option<Runtime>,
}

impl Inputs {
    /// The inputs of a scenario alone.
    pub fn of(scenario: Scenario) -> Self {
        Self {
            scenario,
            compare: None,
        }
    }
}

/// The scenario's cold starts simulated with another runtime, all else equal.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The other runtime.
    pub runtime: Runtime,
    /// Its run.
    pub run: ColdStartRun,
    /// One cold start of the function with that runtime.
    pub phases: InitPhases,
}

/// Where [`Derived::id`] comes from.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Everything the views draw that is computed from the scenario.
#[derive(Clone, Debug)]
pub struct Derived {
    /// Different for every set of results computed, so a view's cache knows when they changed:
    /// in the window the results arrive from the worker after the scenario changed, so the
    /// scenario alone does not tell.
    pub id: u64,
    /// The monthly bill of every model at the scenario's volume.
    pub bills: Bills,
    /// Monthly cost of every model over volume, with break-even points.
    pub curves: CostCurves,
    /// The same curves with every model bought on demand, when the scenario buys any model
    /// ahead (a Savings Plan or Spot): the cost view overlays them faintly.
    pub on_demand_curves: Option<CostCurves>,
    /// For each model bought ahead, what its option takes off and how its break-even points
    /// moved from on demand, in words.
    pub purchase_sentences: Vec<String>,
    /// The function's duration and cost per million invocations at every memory size.
    pub memory_sweep: MemorySweep,
    /// The traffic timeline played through all four models.
    pub scaling: ScalingRun,
    /// Environments, phases and latency of the scenario's traffic on Lambda.
    pub cold_start: ColdStartRun,
    /// One cold start of the scenario's function.
    pub phases: InitPhases,
    /// The cold starts of the runtime the cold-start view compares with, when it asks for one.
    pub comparison: Option<Comparison>,
    /// The scenario's traffic, checked; `None` when it is refused (the runs then say why).
    pub traffic: Option<Traffic>,
}

impl Derived {
    /// Computes every result for a scenario.
    pub fn compute(scenario: &Scenario) -> Self {
        Self::compute_inputs(&Inputs::of(scenario.clone()))
    }

    /// Computes every result for `inputs`.
    pub fn compute_inputs(inputs: &Inputs) -> Self {
        Self::update(None, inputs)
    }

    /// Computes the results for `inputs`, reusing from `previous` (the results of other inputs)
    /// every part whose own inputs did not change: a price edit re-prices the bills, curves and
    /// the scaling run's running costs, but simulates nothing again. The parts that still need
    /// simulating run side by side on two threads.
    pub fn update(previous: Option<(&Inputs, &Self)>, inputs: &Inputs) -> Self {
        let s = &inputs.scenario;
        let reuse_scaling = previous
            .filter(|(before, _)| parts::same_for_scaling(&before.scenario, s))
            .map(|(_, derived)| &derived.scaling);
        let reuse_cold_start = previous
            .filter(|(before, _)| parts::same_for_cold_start(&before.scenario, s))
            .map(|(_, derived)| &derived.cold_start);
        let reuse_comparison = previous
            .filter(|(before, _)| {
                before.compare == inputs.compare && parts::same_for_cold_start(&before.scenario, s)
            })
            .map(|(_, derived)| derived.comparison.clone());

        let cold_starts = || {
            let cold_start = reuse_cold_start
                .cloned()
                .unwrap_or_else(|| ColdStartRun::simulate(s));
            let comparison = reuse_comparison.clone().unwrap_or_else(|| {
                inputs
                    .compare
                    .filter(|&runtime| runtime != s.cold_start.runtime)
                    .map(|runtime| {
                        let mut other = s.clone();
                        other.cold_start.runtime = runtime;
                        Comparison {
                            runtime,
                            run: ColdStartRun::simulate_with_runtime(s, runtime),
                            phases: InitPhases::of(&other),
                        }
                    })
            });
            (cold_start, comparison)
        };
        let scaling = || match reuse_scaling {
            Some(run) => {
                let mut run = run.clone();
                run.price(s);
                run
            }
            None => ScalingRun::simulate(s),
        };
        let needs_both = reuse_scaling.is_none() && reuse_cold_start.is_none();
        let (scaling, (cold_start, comparison)) = if needs_both {
            std::thread::scope(|scope| {
                let other = scope.spawn(cold_starts);
                let scaling = scaling();
                // A panic on the other thread is the model's bug; simulating again here shows it
                // where it happens instead of hiding the results.
                let cold = other.join().unwrap_or_else(|_| cold_starts());
                (scaling, cold)
            })
        } else {
            (scaling(), cold_starts())
        };
        let traffic = Traffic::new(s.traffic.clone()).ok();
        let curves = CostCurves::compute(s);
        let on_demand_curves = s.buys_ahead().then(|| CostCurves::compute(&s.on_demand()));
        let mut bills = cost::bills(s);
        let latency = &cold_start.latency;
        let timeline = cost::TimelineColdStarts {
            span_s: traffic.as_ref().map_or(0.0, Traffic::duration_s),
            requests: latency.requests,
            cold: latency.cold,
            cold_ratio: latency.cold_ratio,
            billed_init_s: latency.billed_init_s,
        };
        if s.lambda.init_billed {
            let note = bills.lambda.cold_start_note(s, &timeline);
            bills.lambda_bill.notes.push(note);
        }
        Self {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            bills,
            purchase_sentences: cost::purchase_sentences(s, &curves, on_demand_curves.as_ref()),
            curves,
            on_demand_curves,
            memory_sweep: MemorySweep::of(s),
            scaling,
            cold_start,
            phases: InitPhases::of(s),
            comparison,
            traffic,
        }
    }
}

/// Which scenario fields each simulated part reads, as comparisons of two scenarios. Each
/// comparison blanks the fields its simulation is documented not to read (see
/// `ScalingRun::simulate_unpriced` and `ColdStartRun::simulate`) and compares the rest, so a
/// field added later counts as read until it is listed here. The tests below change every blanked
/// field and check the simulation's result stays the same.
mod parts {
    use crate::model::scenario::Scenario;

    /// The scenario with every field no simulation reads set to the default's: labels, prices
    /// and the billing settings.
    fn without_prices(s: &Scenario) -> Scenario {
        let d = Scenario::default();
        let mut s = Scenario {
            name: String::new(),
            description: String::new(),
            rates: d.rates.clone(),
            ..s.clone()
        };
        s.workload.ephemeral_storage_mb = d.workload.ephemeral_storage_mb;
        s.workload.cpu_bound_share = d.workload.cpu_bound_share;
        s.workload.threads = d.workload.threads;
        s.workload.event_source = d.workload.event_source;
        s.workload.batch_size = d.workload.batch_size;
        s.vm.purchase = d.vm.purchase;
        s.vm.savings_plan_kind = d.vm.savings_plan_kind;
        s.vm.commit_to = d.vm.commit_to;
        s.containers.purchase = d.containers.purchase;
        s.containers.commit_to = d.containers.commit_to;
        let lambda = &mut s.lambda;
        lambda.savings_plan = d.lambda.savings_plan;
        lambda.commit_to = d.lambda.commit_to;
        lambda.free_tier = d.lambda.free_tier;
        lambda.provisioned_hours_per_month = d.lambda.provisioned_hours_per_month;
        lambda.provisioned_requests_per_month = d.lambda.provisioned_requests_per_month;
        lambda.front_door = d.lambda.front_door;
        lambda.free_tier_with_provisioned = d.lambda.free_tier_with_provisioned;
        lambda.init_billed = d.lambda.init_billed;
        lambda.cold_start_ratio = d.lambda.cold_start_ratio;
        s.vm.instance_type.clone_from(&d.vm.instance_type);
        s.vm.hourly_usd = d.vm.hourly_usd;
        s.vm.load_balancer = d.vm.load_balancer;
        let containers = &mut s.containers;
        containers.orchestrator = d.containers.orchestrator;
        containers.architecture = d.containers.architecture;
        containers.task_vcpu = d.containers.task_vcpu;
        containers.task_memory_gb = d.containers.task_memory_gb;
        containers
            .node_instance_type
            .clone_from(&d.containers.node_instance_type);
        containers.node_hourly_usd = d.containers.node_hourly_usd;
        containers.load_balancer = d.containers.load_balancer;
        let on_prem = &mut s.on_prem;
        on_prem.server_price_usd = d.on_prem.server_price_usd;
        on_prem.amortisation_months = d.on_prem.amortisation_months;
        on_prem.power_watts = d.on_prem.power_watts;
        on_prem.pue = d.on_prem.pue;
        on_prem.electricity_usd_per_kwh = d.on_prem.electricity_usd_per_kwh;
        on_prem.rack_units_per_server = d.on_prem.rack_units_per_server;
        on_prem.colo_usd_per_u_month = d.on_prem.colo_usd_per_u_month;
        on_prem.admin_fte_per_server = d.on_prem.admin_fte_per_server;
        on_prem.admin_usd_per_year = d.on_prem.admin_usd_per_year;
        on_prem.procurement_days = d.on_prem.procurement_days;
        s
    }

    /// Whether the unpriced scaling simulation of `a` and `b` is the same.
    pub(super) fn same_for_scaling(a: &Scenario, b: &Scenario) -> bool {
        let key = |s: &Scenario| {
            let mut s = without_prices(s);
            s.cold_start.seed = Scenario::default().cold_start.seed;
            s
        };
        key(a) == key(b)
    }

    /// Whether the cold-start simulation of `a` and `b` is the same.
    pub(super) fn same_for_cold_start(a: &Scenario, b: &Scenario) -> bool {
        let key = |s: &Scenario| {
            let d = Scenario::default();
            let base = without_prices(s);
            Scenario {
                vm: d.vm.clone(),
                containers: d.containers.clone(),
                on_prem: d.on_prem.clone(),
                workload: crate::model::scenario::Workload {
                    requests_per_month: d.workload.requests_per_month,
                    peak_to_average: d.workload.peak_to_average,
                    ..base.workload.clone()
                },
                lambda: crate::model::scenario::LambdaSettings {
                    scaling_rules: d.lambda.scaling_rules,
                    burst_2022: d.lambda.burst_2022,
                    ..base.lambda.clone()
                },
                ..base
            }
        };
        key(a) == key(b)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::model::cold_start::ColdStartRun;
        use crate::model::scaling::ScalingRun;
        use crate::model::scenario::{Architecture, FrontDoor, LaunchType, Orchestrator};

        /// `s` with every field both simulations are said not to read changed.
        fn every_price_changed(s: &Scenario) -> Scenario {
            let mut c = s.clone();
            c.name.push_str(" (changed)");
            c.description.push_str(" changed");
            c.rates.lambda_request_usd_per_million *= 3.0;
            c.rates.ephemeral_usd_per_gb_s *= 3.0;
            c.workload.ephemeral_storage_mb = 4096;
            c.workload.batch_size = 7;
            c.lambda.free_tier = !c.lambda.free_tier;
            c.lambda.provisioned_hours_per_month += 10.0;
            c.lambda.provisioned_requests_per_month += 1_000;
            c.lambda.front_door = match c.lambda.front_door {
                None => Some(FrontDoor::ApiGatewayHttp),
                Some(_) => None,
            };
            c.lambda.free_tier_with_provisioned = !c.lambda.free_tier_with_provisioned;
            c.lambda.init_billed = !c.lambda.init_billed;
            c.lambda.cold_start_ratio = Some(0.25);
            c.vm.instance_type = "m7g.large".into();
            c.vm.hourly_usd *= 3.0;
            c.vm.load_balancer = !c.vm.load_balancer;
            c.containers.orchestrator = match c.containers.orchestrator {
                Orchestrator::Ecs => Orchestrator::Eks,
                Orchestrator::Eks => Orchestrator::Ecs,
            };
            c.containers.architecture = match c.containers.architecture {
                Architecture::X86_64 => Architecture::Arm64,
                Architecture::Arm64 => Architecture::X86_64,
            };
            c.containers.task_vcpu *= 2.0;
            c.containers.task_memory_gb *= 2.0;
            c.containers.node_instance_type = "c7g.xlarge".into();
            c.containers.node_hourly_usd *= 3.0;
            c.containers.load_balancer = !c.containers.load_balancer;
            let o = &mut c.on_prem;
            o.server_price_usd *= 3.0;
            o.amortisation_months += 12.0;
            o.power_watts *= 2.0;
            o.pue += 0.3;
            o.electricity_usd_per_kwh *= 2.0;
            o.rack_units_per_server += 1;
            o.colo_usd_per_u_month *= 2.0;
            o.admin_fte_per_server *= 2.0;
            o.admin_usd_per_year *= 2.0;
            o.procurement_days += 30.0;
            c
        }

        fn scenarios() -> Vec<Scenario> {
            let mut on_nodes = Scenario::default();
            on_nodes.containers.launch_type = LaunchType::Ec2;
            let mut provisioned = Scenario::default();
            provisioned.lambda.provisioned_concurrency = 20;
            vec![Scenario::default(), on_nodes, provisioned]
        }

        #[test]
        fn fields_the_scaling_key_blanks_leave_the_unpriced_run_unchanged() {
            for s in scenarios() {
                let mut changed = every_price_changed(&s);
                changed.cold_start.seed += 7;
                assert!(same_for_scaling(&s, &changed));
                assert_eq!(
                    ScalingRun::simulate_unpriced(&s),
                    ScalingRun::simulate_unpriced(&changed)
                );
            }
        }

        #[test]
        fn fields_the_cold_start_key_blanks_leave_the_cold_start_run_unchanged() {
            for s in scenarios() {
                let mut changed = every_price_changed(&s);
                changed.workload.requests_per_month *= 2;
                changed.workload.peak_to_average += 1.0;
                changed.vm.min_instances += 3;
                changed.containers.rps_per_task *= 2.0;
                changed.on_prem.rps_per_server *= 2.0;
                changed.lambda.burst_2022 += 500;
                assert!(same_for_cold_start(&s, &changed));
                assert_eq!(ColdStartRun::simulate(&s), ColdStartRun::simulate(&changed));
            }
        }

        #[test]
        fn fields_the_simulations_read_are_compared() {
            let s = Scenario::default();
            let mut memory = s.clone();
            memory.workload.memory_mb += 128;
            assert!(!same_for_scaling(&s, &memory));
            assert!(!same_for_cold_start(&s, &memory));
            let mut seed = s.clone();
            seed.cold_start.seed += 1;
            assert!(same_for_scaling(&s, &seed));
            assert!(!same_for_cold_start(&s, &seed));
            // The trigger decides the concurrency and what happens beyond it.
            let mut stream = s.clone();
            stream.workload.trigger = crate::model::scenario::Trigger::ALL[2];
            assert!(!same_for_cold_start(&s, &stream));
            let mut more_shards = stream.clone();
            more_shards.workload.trigger = crate::model::scenario::Trigger::Stream {
                shards: 8,
                parallelization: 1,
            };
            assert!(!same_for_cold_start(&stream, &more_shards));
            let mut boot = s.clone();
            boot.vm.boot_s += 10.0;
            assert!(!same_for_scaling(&s, &boot));
            assert!(same_for_cold_start(&s, &boot));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results_equal(a: &Derived, b: &Derived) {
        assert_eq!(a.bills, b.bills);
        assert_eq!(a.curves, b.curves);
        assert_eq!(a.scaling, b.scaling);
        assert_eq!(a.cold_start, b.cold_start);
        assert_eq!(a.phases, b.phases);
        assert_eq!(a.comparison, b.comparison);
        assert_eq!(a.traffic, b.traffic);
    }

    #[test]
    fn the_bill_and_the_timeline_count_cold_starts_alike() {
        for (built_in, scenario) in crate::presets::all_built_ins() {
            if !scenario.lambda.init_billed {
                continue;
            }
            let derived = Derived::compute(&scenario);
            let l = &derived.cold_start.latency;
            let note = derived
                .bills
                .lambda_bill
                .notes
                .iter()
                .find(|n| n.starts_with("Cold starts: the cold-start view's timeline"))
                .unwrap_or_else(|| panic!("{}: no cold-start note", built_in.id));
            // The timeline's figures as the cold-start view shows them…
            let cold = crate::model::format::group(l.cold, 0);
            let init =
                crate::model::format::group(l.billed_init_s, usize::from(l.billed_init_s < 10.0));
            assert!(note.contains(&format!("has {cold} cold starts")), "{note}");
            assert!(
                note.contains(&format!("and {init} s of billed INIT")),
                "{note}"
            );
            // …and the month's as its INIT line counts them.
            let month = crate::model::format::group(derived.bills.lambda.month_cold_starts, 0);
            assert!(note.contains(&format!("counts ≈ {month} (")), "{note}");
            let init_line = derived
                .bills
                .lambda_bill
                .lines
                .iter()
                .find(|line| line.label == "Cold-start INIT")
                .map(|line| line.detail.clone())
                .unwrap_or_default();
            assert!(
                init_line.contains(&format!("≈ {month} cold starts")) || month == "0",
                "{init_line}"
            );
        }
    }

    #[test]
    fn a_price_edit_reuses_the_simulations_and_gives_the_results_of_a_full_compute() {
        let before = Inputs::of(Scenario::default());
        let first = Derived::compute_inputs(&before);
        let mut after = before.clone();
        after.scenario.vm.hourly_usd *= 2.0;
        after.scenario.rates.lambda_request_usd_per_million *= 2.0;
        let updated = Derived::update(Some((&before, &first)), &after);
        results_equal(&updated, &Derived::compute_inputs(&after));
        assert!(
            updated.scaling != first.scaling,
            "the scaling run is re-priced"
        );
    }

    #[test]
    fn a_memory_edit_simulates_again() {
        let before = Inputs {
            scenario: Scenario::default(),
            compare: Some(Runtime::Java17),
        };
        let first = Derived::compute_inputs(&before);
        let mut after = before.clone();
        after.scenario.workload.memory_mb = 2048;
        let updated = Derived::update(Some((&before, &first)), &after);
        results_equal(&updated, &Derived::compute_inputs(&after));
        assert!(
            updated.scaling != first.scaling,
            "the memory changes the GB-s counted"
        );
    }
}
