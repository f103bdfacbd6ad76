//! Properties of the whole cost model on random scenarios (every trigger and event source among
//! them): bills are sums of rounded, non-negative lines, zero volume costs only what is always
//! on, curves are finite and never fall, and every break-even point is a real crossing or a real
//! fleet step.

use super::break_even::STEP_GAP;
use super::curves::{CURVE_MAX_REQUESTS, CURVE_MIN_REQUESTS, CostCurves};
use super::event_source::EVENT_SOURCE_LABELS;
use super::four_bills::bills;
use super::lambda::{LambdaCost, LambdaInputs};
use super::totals::total_usd;
use crate::model::scenario::{
    Architecture, EventSource, EventSourceRates, FrontDoor, HostingModel, LaunchType, Orchestrator,
    PackageType, Runtime, SECONDS_PER_MONTH, Scenario, Trigger, Workload, event_source_of,
};
use crate::model::sizing;

/// Reproducible random scenarios, on the models' own generator.
struct Rng(crate::model::rng::SplitMix64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn unit(&mut self) -> f64 {
        self.0.unit()
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        self.0.range(lo, hi)
    }
    fn log_range(&mut self, lo: f64, hi: f64) -> f64 {
        (lo.ln() + (hi.ln() - lo.ln()) * self.unit())
            .exp()
            .clamp(lo, hi)
    }
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
    fn coin(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.int(0, items.len() as u64 - 1) as usize]
    }
}

/// Any trigger (HTTP two times in five), its event source or the usual one, and a batch size.
fn random_trigger(rng: &mut Rng, w: &mut Workload) {
    w.trigger = match rng.int(0, 4) {
        0 | 1 => Trigger::Http,
        2 => Trigger::Queue {
            max_concurrency: rng.coin().then(|| rng.int(2, 1_000) as u32),
        },
        3 => Trigger::Stream {
            shards: rng.log_range(1.0, 10_000.0) as u32,
            parallelization: rng.int(1, 10) as u32,
        },
        _ => Trigger::Async,
    };
    let sources = w.trigger.sources();
    w.event_source = (!sources.is_empty() && rng.coin()).then(|| rng.pick(sources));
    w.batch_size = rng.log_range(1.0, 10_000.0) as u32;
}

fn random_event_source_rates(rng: &mut Rng, rates: &mut EventSourceRates) {
    rates.sqs_usd_per_million_requests = rng.range(0.0, 2.0);
    rates.kinesis_shard_hour_usd = rng.range(0.0, 0.1);
    rates.kinesis_usd_per_million_put_units = rng.range(0.0, 0.1);
    rates.sns_usd_per_million_publishes = rng.range(0.0, 2.0);
    rates.sns_http_usd_per_million_deliveries = rng.range(0.0, 2.0);
    rates.eventbridge_usd_per_million_events = rng.range(0.0, 2.0);
    rates.scheduler_usd_per_million_invocations = rng.range(0.0, 2.0);
}

fn random_scenario(rng: &mut Rng) -> Scenario {
    let mut s = Scenario::default();
    let w = &mut s.workload;
    w.requests_per_month = if rng.int(0, 9) == 0 {
        0
    } else {
        rng.log_range(1.0, 1e11) as u64
    };
    w.avg_duration_ms = rng.log_range(1.0, 900_000.0);
    w.memory_mb = rng.int(128, 10_240) as u32;
    w.architecture = rng.pick(&Architecture::ALL);
    w.ephemeral_storage_mb = if rng.coin() {
        512
    } else {
        rng.int(512, 10_240) as u32
    };
    w.peak_to_average = rng.log_range(1.0, 1000.0);
    random_trigger(rng, w);

    let l = &mut s.lambda;
    l.free_tier = rng.coin();
    l.provisioned_concurrency = if rng.coin() {
        0
    } else {
        rng.int(1, 2000) as u32
    };
    l.provisioned_hours_per_month = if rng.coin() {
        rng.range(0.0, 730.0)
    } else {
        rng.pick(&[0.0, 730.0, 1.0 / 6.0])
    };
    l.provisioned_requests_per_month = rng.int(0, w.requests_per_month);
    l.front_door = rng.pick(&[
        None,
        Some(FrontDoor::ApiGatewayHttp),
        Some(FrontDoor::ApiGatewayRest),
        Some(FrontDoor::Alb),
    ]);
    l.free_tier_with_provisioned = rng.coin();
    l.init_billed = rng.coin();
    l.cold_start_ratio = rng.coin().then(|| rng.unit());

    let cs = &mut s.cold_start;
    cs.runtime = rng.pick(&Runtime::ALL);
    cs.package_type = rng.pick(&PackageType::ALL);
    cs.extensions_init_ms = rng.range(0.0, 1000.0);
    cs.function_init_ms = rng.log_range(0.01, 130_000.0);
    cs.package_size_mb = rng.range(0.0, 250.0);
    cs.idle_reclaim_min = rng.range(5.0, 60.0);
    cs.snapstart = rng.coin();

    let vm = &mut s.vm;
    vm.hourly_usd = rng.range(0.0, 5.0);
    vm.rps_per_instance = rng.log_range(0.1, 1e5);
    vm.target_utilisation = rng.range(0.1, 1.0);
    vm.min_instances = rng.int(0, 20) as u32;
    vm.max_instances = vm.min_instances.max(1) + rng.int(0, 2000) as u32;
    vm.load_balancer = rng.coin();

    let c = &mut s.containers;
    c.orchestrator = rng.pick(&[Orchestrator::Ecs, Orchestrator::Eks]);
    c.launch_type = rng.pick(&[LaunchType::Fargate, LaunchType::Ec2]);
    c.architecture = rng.pick(&Architecture::ALL);
    c.task_vcpu = rng.range(0.25, 16.0);
    c.task_memory_gb = rng.range(0.5, 120.0);
    c.rps_per_task = rng.log_range(0.1, 1e5);
    c.target_utilisation = rng.range(0.1, 1.0);
    c.min_tasks = rng.int(0, 20) as u32;
    c.max_tasks = c.min_tasks.max(1) + rng.int(0, 5000) as u32;
    c.node_hourly_usd = rng.range(0.0, 5.0);
    c.tasks_per_node = rng.int(1, 64) as u32;
    c.load_balancer = rng.coin();

    let op = &mut s.on_prem;
    op.rps_per_server = rng.log_range(0.1, 1e5);
    op.min_servers = rng.int(1, 10) as u32;
    op.server_price_usd = rng.range(0.0, 50_000.0);
    op.amortisation_months = rng.range(1.0, 240.0);
    op.power_watts = rng.range(0.0, 2000.0);
    op.pue = rng.range(1.0, 3.0);
    op.electricity_usd_per_kwh = rng.range(0.0, 0.5);
    op.rack_units_per_server = rng.int(1, 4) as u32;
    op.colo_usd_per_u_month = rng.range(0.0, 300.0);
    op.admin_fte_per_server = rng.range(0.0, 0.2);
    op.admin_usd_per_year = rng.range(0.0, 300_000.0);
    if rng.coin() {
        s.rates.free_gb_s = rng.range(0.0, 1e6);
        s.rates.lambda_request_usd_per_million = rng.range(0.0, 1.0);
        s.rates.alb_new_connections_per_lcu = rng.log_range(0.1, 1e3);
        random_event_source_rates(rng, &mut s.rates.event_sources);
    }
    assert_eq!(s.validate(), Ok(()), "{s:?}");
    s
}

const SCENARIOS: usize = 600;

/// The whole units (instances, tasks, nodes, servers) a model runs at `n` requests a month;
/// its cost is continuous in the volume wherever these stay the same.
fn fleet(s: &Scenario, model: HostingModel, n: f64) -> (u32, u32) {
    let rps = n / SECONDS_PER_MONTH;
    match model {
        HostingModel::OnPrem => (sizing::on_prem_servers(s, n), 0),
        HostingModel::Vm => (sizing::vm_instances_for(s, rps), 0),
        HostingModel::Containers => {
            let tasks = sizing::tasks_for(s, rps);
            (tasks, sizing::nodes_for_tasks(s, tasks))
        }
        HostingModel::Lambda => (0, 0),
    }
}

#[test]
fn random_bills_are_sane() {
    let mut rng = Rng(crate::model::rng::SplitMix64(0x5EED_C057));
    for _ in 0..SCENARIOS {
        let s = random_scenario(&mut rng);
        let b = bills(&s);
        for model in HostingModel::ALL {
            let bill = b.get(model);
            assert!(bill.lines.iter().all(|l| l.cents >= 0), "{bill:?}");
            assert_eq!(
                bill.lines.iter().map(|l| l.cents).sum::<i64>(),
                bill.total_cents
            );
            let unrounded = total_usd(&s, model, s.workload.requests_per_month as f64);
            assert!(unrounded.is_finite() && unrounded >= 0.0);
            // Each line rounds by at most half a cent.
            let tolerance = 0.005 * bill.lines.len() as f64 + unrounded * 1e-9;
            assert!((unrounded - bill.total_usd()).abs() <= tolerance + 1e-9);
        }
        let l = &b.lambda;
        assert_eq!(l.parts_cents(), l.total);
        assert_eq!(b.lambda_bill.total_cents, l.total);
        // A non-HTTP trigger's event source replaces the front door, in every model's bill.
        let source = event_source_of(s.workload.trigger, s.workload.event_source);
        if source.is_some() {
            assert_eq!(l.front_door, 0);
        } else {
            assert_eq!(l.event_source, 0);
        }
        for model in HostingModel::ALL {
            let has_lines = b
                .get(model)
                .lines
                .iter()
                .any(|line| EVENT_SOURCE_LABELS.contains(&line.label.as_str()));
            assert_eq!(has_lines, source.is_some(), "{model:?}");
        }
    }
}

#[test]
fn random_zero_volume_costs() {
    let mut rng = Rng(crate::model::rng::SplitMix64(0xDEAD_BEEF));
    for _ in 0..SCENARIOS {
        let mut s = random_scenario(&mut rng);
        s.workload.requests_per_month = 0;
        s.lambda.provisioned_requests_per_month = 0;
        let b = bills(&s);
        let pc_enabled =
            s.lambda.provisioned_concurrency > 0 && s.lambda.provisioned_hours_per_month > 0.0;
        // Always on: an HTTP trigger's load balancer, a queue's pollers, a stream's shards.
        let always_on = match event_source_of(s.workload.trigger, s.workload.event_source) {
            None => s.lambda.front_door == Some(FrontDoor::Alb),
            Some(source) => matches!(source, EventSource::Sqs | EventSource::Kinesis),
        };
        if !always_on && !pc_enabled {
            assert_eq!(b.lambda.total, 0, "{:?}", b.lambda_bill);
        }
        if !pc_enabled {
            assert!(b.lambda.requests + b.lambda.compute + b.lambda.init == 0);
        }
        if s.vm.min_instances > 0 && s.vm.hourly_usd > 0.01 {
            assert!(b.vm.total_cents > 0);
        }
        let c = &s.containers;
        let task_price = match c.launch_type {
            LaunchType::Fargate => c.task_vcpu * 0.032,
            LaunchType::Ec2 => c.node_hourly_usd,
        };
        if c.min_tasks > 0 && task_price > 0.01 {
            assert!(b.containers.total_cents > 0);
        }
        if s.on_prem.server_price_usd > 100.0 {
            assert!(b.on_prem.total_cents > 0);
        }
    }
}

#[test]
fn random_curves_are_finite_and_non_decreasing() {
    let mut rng = Rng(crate::model::rng::SplitMix64(0x00C0_FFEE));
    for _ in 0..SCENARIOS {
        let s = random_scenario(&mut rng);
        let curves = CostCurves::compute(&s);
        let estimated_init = s.lambda.init_billed && s.lambda.cold_start_ratio.is_none();
        let inputs = LambdaInputs::of(&s);
        for model in HostingModel::ALL {
            let series: Vec<f64> = if model == HostingModel::Lambda && estimated_init {
                // Fewer cold starts as traffic keeps functions warm can lower the INIT line
                // (an assumption the app states), so check everything else.
                curves
                    .requests_per_month
                    .iter()
                    .map(|&n| {
                        let cost = LambdaCost::new(&s, inputs, n);
                        assert!(cost.init_usd >= 0.0 && cost.init_usd.is_finite());
                        cost.total_usd() - cost.init_usd
                    })
                    .collect()
            } else {
                curves.series(model).to_vec()
            };
            assert!(
                series.iter().all(|c| c.is_finite() && *c >= 0.0),
                "{model:?}"
            );
            for pair in series.windows(2) {
                assert!(
                    pair[1] >= pair[0] - 1e-9 * pair[0].max(1.0),
                    "{model:?} falls from {} to {}: {s:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn random_break_evens_are_real_crossings() {
    let mut rng = Rng(crate::model::rng::SplitMix64(0xB8EA_4E7E));
    let mut isolated_checked = 0;
    for _ in 0..SCENARIOS {
        let s = random_scenario(&mut rng);
        let curves = CostCurves::compute(&s);
        for be in &curves.break_evens {
            let (low, high) = (be.cheaper_below, be.cheaper_above);
            // Positive where `cheaper_above` is cheaper.
            let advantage = |n: f64| total_usd(&s, low, n) - total_usd(&s, high, n);
            let n = be.requests_per_month;
            assert!((CURVE_MIN_REQUESTS..=CURVE_MAX_REQUESTS).contains(&n));
            assert!(advantage(n * (1.0 - 2e-6)) <= 0.0, "{be:?}");
            assert!(advantage(n * (1.0 + 2e-6)) >= 0.0, "{be:?}");
            let gap = advantage(n).abs();
            let scale = total_usd(&s, low, n).max(total_usd(&s, high, n));
            if be.at_step {
                // A step is real: one of the two models jumps by about the gap here.
                let jump = |m: HostingModel| {
                    (total_usd(&s, m, n * (1.0 + 2e-6)) - total_usd(&s, m, n * (1.0 - 2e-6))).abs()
                };
                assert!(jump(low).max(jump(high)) >= gap, "{be:?}");
            } else {
                assert!(gap <= STEP_GAP * scale, "{be:?}");
                // A crossing leaves the two costs within 0.5% of each other.
                assert!(gap <= 0.005 * scale, "{be:?}");
                let others_near = curves.break_evens.iter().any(|o| {
                    !std::ptr::eq(o, be)
                        && [o.cheaper_below, o.cheaper_above].contains(&low)
                        && [o.cheaper_below, o.cheaper_above].contains(&high)
                        && (o.requests_per_month / n).ln().abs() < 1.25_f64.ln()
                });
                let steps_near = [0.9, 1.1]
                    .map(|f| (fleet(&s, low, n * f), fleet(&s, high, n * f)))
                    .windows(2)
                    .any(|w| w[0] != w[1]);
                if !others_near && !steps_near && n * 1.1 <= CURVE_MAX_REQUESTS {
                    isolated_checked += 1;
                    assert!(advantage(n * 0.9) < 0.0, "{be:?}");
                    assert!(advantage(n * 1.1) > 0.0, "{be:?}");
                }
            }
        }
    }
    assert!(isolated_checked > 100, "{isolated_checked}");
}
