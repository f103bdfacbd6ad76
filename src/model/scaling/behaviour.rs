//! How each model follows traffic, checked on whole runs: Lambda's burst, limits, provisioned
//! concurrency, 2022 rules and reclaiming; the fleets' start delays, cooldown and nodes; the
//! fixed on-premises fleet and its cost.

use super::run::{DT_S, ScalingRun};
use super::samples::{ModelRun, Sample};
use crate::model::scenario::{HostingModel, LaunchType, SECONDS_PER_MONTH, ScalingRules, Scenario};
use crate::model::sizing;
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
    let dropped = |run: &ScalingRun| run.model(HostingModel::Containers).summary.dropped_requests;
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
    // The worked example of presets/README.md §5: ≈ $1,161 a server a month.
    let monthly = on_prem.summary.cost_usd / (run.end_s - run.start_s) * SECONDS_PER_MONTH;
    assert!((monthly / servers - 1_161.2).abs() < 0.5, "{monthly}");
}
