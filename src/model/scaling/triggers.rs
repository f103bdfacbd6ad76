//! How each trigger changes a whole run: an SQS queue's mapping ramps from 5 concurrent batches
//! by 300 a minute, a stream's concurrency is its shards × parallelization, asynchronous events
//! wait and expire after 6 hours, and none of them loses work the way HTTP does.

use super::run::ScalingRun;
use super::samples::Sample;
use crate::model::scenario::{ASYNC_MAX_EVENT_AGE_S, HostingModel, Scenario, Trigger};

/// A scenario whose function takes 1 s, so environments equal batches per second, under
/// `trigger`.
fn one_second(trigger: Trigger, traffic: Vec<(f64, f64)>) -> Scenario {
    let mut s = Scenario {
        traffic,
        ..Scenario::default()
    };
    s.workload.avg_duration_ms = 1000.0;
    s.workload.trigger = trigger;
    s
}

fn envs(sample: &Sample) -> f64 {
    sample.booting_units + sample.serving_units
}

const QUEUE: Trigger = Trigger::Queue {
    max_concurrency: None,
};

fn stream(shards: u32, parallelization: u32) -> Trigger {
    Trigger::Stream {
        shards,
        parallelization,
    }
}

/// A burst of 2,000 batches a second for two minutes, after ten quiet seconds; then 50 minutes
/// of one a second.
fn burst() -> Vec<(f64, f64)> {
    vec![
        (0.0, 1.0),
        (10.0, 1.0),
        (10.5, 2_000.0),
        (130.0, 2_000.0),
        (130.5, 1.0),
        (3_000.0, 1.0),
    ]
}

#[test]
fn an_sqs_mapping_starts_at_five_and_adds_at_most_300_a_minute_up_to_1000() {
    let mut s = one_second(QUEUE, burst());
    s.lambda.account_concurrency_limit = 10_000;
    let run = ScalingRun::simulate(&s);
    let lambda = &run.model(HostingModel::Lambda).samples;
    let burst_s = 10.0;
    for x in lambda {
        let ceiling = x.trigger_ceiling.unwrap();
        let allowed = 5.0 + 300.0 / 60.0 * (x.t_s - burst_s).max(0.0);
        assert!(envs(x) <= ceiling + 1e-9, "{x:?}");
        assert!(ceiling <= allowed.min(1_000.0) + 1e-9, "{x:?}");
    }
    assert_eq!(lambda[0].trigger_ceiling, Some(5.0));
    // The ramp reaches 1,000 batches at once and stops there.
    let most = lambda.iter().map(envs).fold(0.0, f64::max);
    assert_eq!(most, 1_000.0);
    let summary = &run.model(HostingModel::Lambda).summary;
    assert!((summary.peak_capacity - 1_000.0).abs() < 1e-9);
}

#[test]
fn max_concurrency_caps_the_mapping() {
    let s = one_second(
        Trigger::Queue {
            max_concurrency: Some(50),
        },
        burst(),
    );
    let run = ScalingRun::simulate(&s);
    let lambda = run.model(HostingModel::Lambda);
    assert!(lambda.samples.iter().all(|x| envs(x) <= 50.0));
    assert!(lambda.samples.iter().any(|x| envs(x) == 50.0));
    assert_eq!(lambda.summary.dropped_requests, 0.0);
}

#[test]
fn a_stream_runs_shards_times_parallelization_however_high_the_traffic() {
    for (shards, parallelization) in [(4, 1), (8, 1), (4, 10)] {
        let s = one_second(stream(shards, parallelization), burst());
        let run = ScalingRun::simulate(&s);
        let lambda = run.model(HostingModel::Lambda);
        let ceiling = f64::from(shards * parallelization);
        assert!(lambda.samples.iter().all(|x| envs(x) <= ceiling));
        assert!(
            lambda
                .samples
                .iter()
                .all(|x| x.trigger_ceiling == Some(ceiling))
        );
        assert_eq!(lambda.summary.peak_capacity, ceiling);
        assert_eq!(lambda.summary.dropped_requests, 0.0);
    }
    // Every consumer reads one batch per shard at a time: no model serves more than 4 a second.
    let run = ScalingRun::simulate(&one_second(stream(4, 1), burst()));
    for model in HostingModel::ALL {
        let most = run
            .model(model)
            .samples
            .iter()
            .map(|x| x.served_rps)
            .fold(0.0, f64::max);
        assert!(most <= 4.0 + 1e-9, "{model:?}: {most}");
        // The lanes and the chart show what the stream lets it serve, not what it could.
        let samples = &run.model(model).samples;
        assert!(
            samples.iter().all(|x| x.capacity_rps <= 4.0 + 1e-9),
            "{model:?}"
        );
    }
    // Doubling the shards doubles the ceiling and shortens the wait.
    let wait = |shards| {
        let run = ScalingRun::simulate(&one_second(stream(shards, 1), burst()));
        run.model(HostingModel::Lambda).summary.max_wait_s
    };
    assert!(wait(8) < wait(4));
}

#[test]
fn no_trigger_but_http_loses_work_and_the_backlog_drains_after_a_burst() {
    for trigger in [QUEUE, stream(100, 10), Trigger::Async] {
        let s = one_second(trigger, burst());
        let run = ScalingRun::simulate(&s);
        for model in HostingModel::ALL {
            let m = run.model(model);
            let summary = &m.summary;
            assert_eq!(summary.dropped_requests, 0.0, "{trigger:?} {model:?}");
            assert_eq!(summary.expired_requests, 0.0, "{trigger:?} {model:?}");
            assert_eq!(summary.waiting_at_end, 0.0, "{trigger:?} {model:?}");
            let served = summary.served_requests;
            assert!(
                (served - run.offered_requests).abs() < 1e-6 * run.offered_requests,
                "{trigger:?} {model:?}: {served} of {}",
                run.offered_requests
            );
            // Work waited during the burst and none waits at the end.
            if summary.backlog_peak > 0.0 {
                assert!(summary.max_wait_s > 0.0, "{trigger:?} {model:?}");
                assert_eq!(m.samples.last().unwrap().backlog, 0.0);
            }
        }
        // The fixed servers cannot grow: they fall behind the burst and catch up after it.
        let on_prem = &run.model(HostingModel::OnPrem).summary;
        assert!(on_prem.backlog_peak > 1_000.0, "{trigger:?}: {on_prem:?}");
        assert!(on_prem.max_wait_s > 10.0, "{trigger:?}: {on_prem:?}");
    }
    // The same burst over HTTP drops what the fixed servers cannot take, and nothing waits.
    let http = ScalingRun::simulate(&one_second(Trigger::Http, burst()));
    let on_prem = &http.model(HostingModel::OnPrem).summary;
    assert!(on_prem.dropped_requests > 1_000.0);
    assert_eq!((on_prem.backlog_peak, on_prem.max_wait_s), (0.0, 0.0));
}

#[test]
fn a_fleet_polling_a_queue_scales_for_its_backlog() {
    let run = ScalingRun::simulate(&one_second(QUEUE, burst()));
    let http = ScalingRun::simulate(&one_second(Trigger::Http, burst()));
    let vm = |run: &ScalingRun| {
        run.model(HostingModel::Vm)
            .samples
            .iter()
            .map(|x| x.serving_units)
            .fold(0.0, f64::max)
    };
    // The policy sees the waiting batches too, so it launches at least as many instances.
    assert!(vm(&run) >= vm(&http));
}

#[test]
fn asynchronous_events_expire_after_six_hours() {
    // Ten times what the account limit serves, for seven hours: served oldest first, the front
    // of the queue ages 0.9 s a second and passes 6 hours after 6 h 40 min.
    let hours = 7.0 * 3_600.0;
    let mut s = one_second(Trigger::Async, vec![(0.0, 10_000.0), (hours, 10_000.0)]);
    s.lambda.account_concurrency_limit = 1_000;
    let run = ScalingRun::simulate(&s);
    let lambda = &run.model(HostingModel::Lambda).summary;
    assert!(lambda.expired_requests > 0.0);
    assert_eq!(lambda.dropped_requests, lambda.expired_requests);
    assert!(
        lambda.max_wait_s <= ASYNC_MAX_EVENT_AGE_S + 1.0,
        "{lambda:?}"
    );
    assert!(
        lambda.max_wait_s > ASYNC_MAX_EVENT_AGE_S - 60.0,
        "{lambda:?}"
    );
    // Served, expired and still waiting add up to what arrived.
    let total = lambda.served_requests + lambda.expired_requests + lambda.waiting_at_end;
    assert!((total - run.offered_requests).abs() < 1e-6 * run.offered_requests);
}
