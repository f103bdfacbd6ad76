//! Properties of the simulation on random scenarios and every traffic shape: requests are
//! conserved, totals never fall, capacity bounds what is served, and runs are deterministic.

use super::run::{MAX_SAMPLES, ScalingRun};
use crate::model::scenario::{HostingModel, LaunchType, ScalingRules, Scenario};
use crate::model::traffic::{ShapeParams, Traffic, TrafficShape};

/// A scenario with random settings and random traffic.
fn random_scenario(rng: &mut u64) -> Scenario {
    let mut next = || {
        *rng = rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut s = Scenario::default();
    let n = 2 + (next() * 25.0) as usize;
    let mut t_s = 0.0;
    let peak = 20_000.0 * next() * next();
    s.traffic = (0..n)
        .map(|i| {
            let point = (t_s, if next() < 0.2 { 0.0 } else { peak * next() });
            t_s += if i == 0 { 0.7 } else { 1.0 } + 300.0 * next() * next();
            point
        })
        .collect();
    s.workload.avg_duration_ms = 1.0 + 3_000.0 * next() * next();
    s.workload.memory_mb = 128 + (next() * 10_000.0) as u32;
    s.workload.requests_per_month = (next() * 1e10) as u64;
    s.lambda.account_concurrency_limit = 1 + (next() * 20_000.0) as u32;
    if next() < 0.3 {
        s.lambda.reserved_concurrency =
            Some((next() * f64::from(s.lambda.account_concurrency_limit)) as u32);
    }
    if next() < 0.3 {
        s.lambda.provisioned_concurrency = (next() * 2_000.0) as u32;
    }
    if next() < 0.3 {
        s.lambda.scaling_rules = ScalingRules::Rules2022;
        s.lambda.burst_2022 = 1 + (next() * 3_000.0) as u32;
    }
    s.cold_start.function_init_ms = next() * 10_000.0;
    s.cold_start.idle_reclaim_min = 5.0 + 55.0 * next();
    s.vm.min_instances = (next() * 4.0) as u32;
    s.vm.max_instances = s.vm.min_instances.max(1) + (next() * 100.0) as u32;
    s.vm.metric_period_s = 1.0 + 120.0 * next();
    s.vm.scale_in_cooldown_s = 600.0 * next();
    s.vm.boot_s = 60.0 * next();
    s.containers.launch_type = if next() < 0.5 {
        LaunchType::Ec2
    } else {
        LaunchType::Fargate
    };
    s.containers.min_tasks = (next() * 4.0) as u32;
    s.containers.max_tasks = s.containers.min_tasks.max(1) + (next() * 300.0) as u32;
    s.containers.tasks_per_node = 1 + (next() * 10.0) as u32;
    s.containers.metric_period_s = 1.0 + 120.0 * next();
    s.containers.scale_in_cooldown_s = 600.0 * next();
    s
}

#[test]
fn every_model_conserves_requests_over_many_profiles() {
    let mut rng = 2024;
    let mut scenarios: Vec<Scenario> = (0..200).map(|_| random_scenario(&mut rng)).collect();
    for (i, shape) in TrafficShape::ALL.into_iter().enumerate() {
        let params = ShapeParams {
            duration_s: 900.0,
            seed: i as u64,
            ..ShapeParams::default()
        };
        scenarios.push(Scenario {
            traffic: shape.points(&params),
            ..Scenario::default()
        });
    }
    for (i, s) in scenarios.iter().enumerate() {
        assert_eq!(s.validate(), Ok(()), "scenario {i}");
        let run = ScalingRun::simulate(s);
        let offered = Traffic::new(s.traffic.clone())
            .unwrap()
            .requests_between(run.start_s, run.end_s);
        // Counts are whole requests.
        assert_eq!(run.offered_requests, offered.round(), "scenario {i}");
        for model in HostingModel::ALL {
            let m = run.model(model);
            let sum = &m.summary;
            let total = sum.served_requests + sum.dropped_requests;
            assert_eq!(
                total, run.offered_requests,
                "scenario {i} {model:?}: {total} vs {offered}"
            );
            assert!(sum.served_requests >= 0.0 && sum.dropped_requests >= -1e-6);
            assert!(sum.cost_usd.is_finite() && sum.cost_usd >= 0.0);
            assert!((0.0..=1.0).contains(&sum.idle_capacity_share));
            assert!(m.samples.len() <= MAX_SAMPLES);
            let mut previous = &m.samples[0];
            for x in &m.samples {
                assert!(x.t_s >= previous.t_s);
                assert!(x.cumulative_cost_usd >= previous.cumulative_cost_usd);
                assert!(x.served_rps <= x.capacity_rps * (1.0 + 1e-9) + 1e-9);
                assert!(x.capacity_rps.is_finite() && x.booting_units >= 0.0);
                previous = x;
            }
            if model == HostingModel::Lambda {
                let max = f64::from(
                    s.lambda
                        .account_concurrency_limit
                        .min(s.lambda.reserved_concurrency.unwrap_or(u32::MAX)),
                );
                assert!(sum.peak_capacity <= max, "scenario {i}");
            }
        }
    }
}

#[test]
fn same_scenario_gives_identical_runs() {
    let mut rng = 99;
    for _ in 0..5 {
        let s = random_scenario(&mut rng);
        assert_eq!(ScalingRun::simulate(&s), ScalingRun::simulate(&s));
    }
    let s = Scenario::default();
    assert_eq!(ScalingRun::simulate(&s), ScalingRun::simulate(&s));
}
