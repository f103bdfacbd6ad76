//! A cold-start run: the method chosen by the scenario's size, the figures over the whole scenario
//! and the timeline window, and a runtime comparison.

use serde::Serialize;

use super::aggregate::{Mixture, run_aggregate};
use super::arrivals::{expected_requests, horizon};
use super::exact::{ExactSpan, run_exact};
use super::inputs::Model;
use super::latency::{LatencyHistogram, LatencySummary};
use super::timeline::Timeline;
use super::window::{WindowStart, window_span};
use crate::model::scenario::{Runtime, Scenario};

/// Expected requests up to which a scenario is simulated request by request.
pub const EXACT_MAX_REQUESTS: f64 = 200_000.0;

/// How a run was computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Method {
    /// Request by request, over the whole scenario.
    Exact,
    /// Stepped through time in aggregate; only the timeline window is simulated request by request.
    Aggregate,
}

/// The cold-start simulation of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColdStartRun {
    /// How the figures were computed.
    pub method: Method,
    /// The scenario's span: first and last traffic point, in seconds.
    pub horizon_s: (f64, f64),
    /// The span the timeline covers, in seconds.
    pub timeline_window: (f64, f64),
    /// Why the timeline window opens where it does.
    pub window_start: WindowStart,
    /// What a cold request waits for before its handler starts, in ms: every init phase plus the
    /// first run's extra time.
    pub cold_penalty_ms: f64,
    /// Billed INIT of one cold start, in ms.
    pub billed_init_ms_per_cold_start: f64,
    /// Figures over the whole scenario.
    pub latency: LatencySummary,
    /// Latency distribution over the whole scenario.
    pub histogram: LatencyHistogram,
    /// Environments of the timeline window.
    pub timeline: Timeline,
}

impl ColdStartRun {
    /// Simulates the scenario: request by request up to [`EXACT_MAX_REQUESTS`] expected requests,
    /// in aggregate above.
    ///
    /// It reads these fields of the scenario (directly or through `InitPhases::of`), and no
    /// others, so an edit of any other field needs no new cold-start simulation:
    ///
    /// - `traffic`;
    /// - `workload.trigger` (its ceiling, an SQS queue's ramp, and whether work beyond the limit
    ///   waits or is throttled);
    /// - `workload.avg_duration_ms`, `workload.memory_mb` (the first run's extra time) and
    ///   `workload.architecture` (the runtime's init time);
    /// - `lambda.account_concurrency_limit`, `lambda.reserved_concurrency`,
    ///   `lambda.provisioned_concurrency`;
    /// - `cold_start.runtime`, `package_type`, `environment_ms`, `package_size_mb`,
    ///   `extensions_init_ms`, `function_init_ms`, `snapstart`, `snapstart_restore_ms`,
    ///   `first_invoke_extra_ms_at_1gb`, `idle_reclaim_min` and `seed`.
    ///
    /// It reads no price and no billing setting (`lambda.init_billed` included): billed INIT
    /// comes out as time (`LatencySummary::billed_init_s`), not money.
    pub fn simulate(s: &Scenario) -> Self {
        let method = if expected_requests(&s.traffic) <= EXACT_MAX_REQUESTS {
            Method::Exact
        } else {
            Method::Aggregate
        };
        Self::simulate_method(s, method)
    }

    /// Simulates the scenario with the given method, whatever its size. The exact method's cost
    /// grows with the number of requests.
    pub fn simulate_method(s: &Scenario, method: Method) -> Self {
        let model = Model::of(s);
        let horizon_s = horizon(&s.traffic);
        let edges_ms = model.histogram_edges();
        match method {
            Method::Exact => {
                let span = ExactSpan {
                    start_s: horizon_s.0,
                    record_from_s: horizon_s.0,
                    end_s: horizon_s.1,
                    warm_pool: 0,
                };
                let mut run = run_exact(s, &model, &edges_ms, span);
                let latency = run.summary(&model, horizon_s);
                Self {
                    method,
                    horizon_s,
                    timeline_window: (horizon_s.0, run.recorder.window_end(horizon_s.1)),
                    window_start: WindowStart::Beginning,
                    cold_penalty_ms: model.cold_penalty_ms,
                    billed_init_ms_per_cold_start: model.phases.billed_init_ms(),
                    latency,
                    histogram: LatencyHistogram {
                        edges_ms,
                        warm: run.warm_bins,
                        cold: run.cold_bins,
                    },
                    timeline: run.recorder.into_timeline(run.environments_created, 0),
                }
            }
            Method::Aggregate => {
                let mut totals = run_aggregate(s, &model, horizon_s);
                let mixture = Mixture::of(&model, &totals);
                let (window_start, span) = window_span(&s.traffic, &model, horizon_s);
                let window = run_exact(s, &model, &edges_ms, span);
                Self {
                    method,
                    horizon_s,
                    timeline_window: (span.record_from_s, window.recorder.window_end(span.end_s)),
                    window_start,
                    cold_penalty_ms: model.cold_penalty_ms,
                    billed_init_ms_per_cold_start: model.phases.billed_init_ms(),
                    latency: mixture.summary(&model, &mut totals, horizon_s),
                    histogram: mixture.histogram(edges_ms),
                    timeline: window
                        .recorder
                        .into_timeline(window.environments_created, window.warm_at_start),
                }
            }
        }
    }

    /// Simulates the scenario with another runtime, all else equal, for side-by-side comparisons.
    pub fn simulate_with_runtime(s: &Scenario, runtime: Runtime) -> Self {
        let mut other = s.clone();
        other.cold_start.runtime = runtime;
        Self::simulate(&other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cold_start::WaitSummary;
    use crate::model::cold_start::latency::HISTOGRAM_BINS;
    use crate::model::cold_start::timeline::{
        BusyInterval, MAX_TIMELINE_BUSY_INTERVALS, MAX_TIMELINE_ENVIRONMENTS, PhaseKind,
    };
    use crate::model::cold_start::window::SPIKE_LEAD_S;
    use crate::model::rng::SplitMix64;
    use crate::model::runtime::InitPhases;
    use crate::model::scenario::{PackageType, Trigger};

    /// A scenario with the given traffic and handler duration, everything else default.
    fn scenario(traffic: &[(f64, f64)], duration_ms: f64) -> Scenario {
        let mut s = Scenario {
            traffic: traffic.to_vec(),
            ..Scenario::default()
        };
        s.workload.avg_duration_ms = duration_ms;
        s
    }

    fn steady(rps: f64, minutes: f64, duration_ms: f64) -> Scenario {
        scenario(&[(0.0, rps), (minutes * 60.0, rps)], duration_ms)
    }

    fn all_busy(run: &ColdStartRun) -> Vec<BusyInterval> {
        let mut busy: Vec<BusyInterval> = run
            .timeline
            .environments
            .iter()
            .flat_map(|e| e.busy.iter().copied())
            .collect();
        busy.sort_by(|a, b| a.start_s.total_cmp(&b.start_s));
        busy
    }

    #[test]
    fn steady_traffic_is_rarely_cold() {
        let run = ColdStartRun::simulate(&steady(10.0, 10.0, 100.0));
        assert_eq!(run.method, Method::Exact);
        assert!(run.latency.requests > 5_000.0, "{:?}", run.latency);
        assert!(run.latency.cold >= 1.0);
        assert!(run.latency.cold_ratio < 0.01, "{:?}", run.latency);
        assert_eq!(run.latency.throttled, 0.0);
    }

    #[test]
    fn gap_longer_than_idle_time_makes_next_request_cold() {
        // 1 rps, then 15 minutes without traffic (idle reclaim 10 min), then 1 rps again.
        let traffic = [
            (0.0, 1.0),
            (300.0, 1.0),
            (301.0, 0.0),
            (1201.0, 0.0),
            (1202.0, 1.0),
            (1500.0, 1.0),
        ];
        let run = ColdStartRun::simulate(&scenario(&traffic, 100.0));
        let after_gap = all_busy(&run).into_iter().find(|b| b.start_s > 1000.0);
        assert!(after_gap.unwrap().cold);
        // Every environment from before the gap was reclaimed exactly idle time after its last run.
        for e in run
            .timeline
            .environments
            .iter()
            .filter(|e| e.created_at_s < 301.0)
        {
            let last_end_s = e.busy.last().unwrap().end_s;
            let reclaimed_s = e.reclaimed_at_s.unwrap();
            assert!((reclaimed_s - last_end_s - 600.0).abs() < 1e-9);
        }

        // The same with a 5-minute gap: the first request after it is warm.
        let short = [
            (0.0, 1.0),
            (300.0, 1.0),
            (301.0, 0.0),
            (601.0, 0.0),
            (602.0, 1.0),
            (900.0, 1.0),
        ];
        let run = ColdStartRun::simulate(&scenario(&short, 100.0));
        let after_gap = all_busy(&run).into_iter().find(|b| b.start_s > 500.0);
        assert!(!after_gap.unwrap().cold);
    }

    #[test]
    fn provisioned_concurrency_removes_cold_starts_up_to_its_count() {
        let mut s = steady(20.0, 10.0, 200.0);
        let without = ColdStartRun::simulate(&s);
        assert!(without.latency.cold > 0.0);
        s.lambda.provisioned_concurrency = 2;
        let some = ColdStartRun::simulate(&s);
        assert!(some.latency.cold < without.latency.cold);
        // Above the peak number of requests in flight nothing is ever cold.
        s.lambda.provisioned_concurrency = 40;
        let enough = ColdStartRun::simulate(&s);
        assert_eq!(enough.latency.cold, 0.0);
        assert_eq!(enough.timeline.environments.len(), 40);
        for e in &enough.timeline.environments {
            assert!(e.provisioned && e.init.is_empty() && e.reclaimed_at_s.is_none());
        }
        assert!(enough.latency.p99_ms <= 200.0 * 1.2);
    }

    fn java_night(snapstart: bool) -> Scenario {
        // A quiet API: one request every 20 minutes on average, so most requests are cold.
        let mut s = scenario(&[(0.0, 1.0 / 1200.0), (86_400.0, 1.0 / 1200.0)], 100.0);
        s.cold_start.runtime = Runtime::Java21;
        s.cold_start.function_init_ms = 8000.0;
        s.cold_start.snapstart = snapstart;
        s
    }

    #[test]
    fn snapstart_cuts_java_cold_latency() {
        let plain = ColdStartRun::simulate(&java_night(false));
        let snap = ColdStartRun::simulate(&java_night(true));
        assert!(plain.latency.cold_ratio > 0.3, "{:?}", plain.latency);
        assert!(plain.latency.p99_ms > 8_000.0, "{:?}", plain.latency);
        assert!(snap.latency.p99_ms < plain.latency.p99_ms / 4.0);
        assert_eq!(snap.billed_init_ms_per_cold_start, 0.0);
        assert!(
            snap.timeline
                .environments
                .iter()
                .any(|e| e.init.iter().any(|p| p.kind == PhaseKind::Restore))
        );
    }

    #[test]
    fn java_after_a_quiet_night_is_cold_and_slow_while_steady_node_is_warm() {
        // Eight hours without traffic, then the morning: 5 rps.
        let mut java = scenario(
            &[
                (0.0, 0.0),
                (28_800.0, 0.0),
                (28_801.0, 5.0),
                (30_600.0, 5.0),
            ],
            80.0,
        );
        java.cold_start.runtime = Runtime::Java21;
        java.cold_start.function_init_ms = 3000.0;
        let run = ColdStartRun::simulate(&java);
        let busy = all_busy(&run);
        let first = busy.first().unwrap();
        assert!(first.cold);
        // Everything arriving during the first init waits for an init of its own: at 5 requests
        // a second, over a dozen environments start before the first one serves.
        let during_first_init = run
            .timeline
            .environments
            .iter()
            .filter(|e| e.created_at_s < first.start_s)
            .count();
        assert!(during_first_init >= 10, "{during_first_init}");
        assert!(run.latency.cold_mean_ms > 3_000.0);

        let node = ColdStartRun::simulate(&steady(20.0, 60.0, 50.0));
        assert!(node.latency.cold_ratio < 0.001, "{:?}", node.latency);
        assert!(node.latency.p99_ms <= 60.0);
    }

    #[test]
    fn throttles_beyond_the_concurrency_limit() {
        // 500 rps × 100 ms = 50 in flight against a limit of 10.
        let mut s = steady(500.0, 2.0, 100.0);
        s.lambda.account_concurrency_limit = 10;
        let run = ColdStartRun::simulate(&s);
        let l = run.latency;
        assert!(l.throttled > 0.5 * l.requests, "{l:?}");
        assert_eq!(l.served + l.throttled, l.requests);
        assert!(run.timeline.environments_created <= 10);
        // Reserved concurrency caps the function below the account limit.
        s.lambda.account_concurrency_limit = 1000;
        s.lambda.reserved_concurrency = Some(5);
        let run = ColdStartRun::simulate(&s);
        assert!(run.timeline.environments_created <= 5);
        // The aggregate model throttles about as much (Erlang's loss formula and the fluid excess).
        let aggregate = ColdStartRun::simulate_method(&s, Method::Aggregate);
        let exact_share = run.latency.throttled / run.latency.requests;
        let aggregate_share = aggregate.latency.throttled / aggregate.latency.requests;
        assert!(
            (exact_share - aggregate_share).abs() < 0.03,
            "{exact_share} {aggregate_share}"
        );
    }

    #[test]
    fn aggregate_agrees_with_exact() {
        // Tolerance stated in ASSUMPTIONS: cold share within 25% or 0.02 percentage points, p99
        // within 2%.
        for rps in [20.0, 200.0] {
            let s = steady(rps, 10.0, 100.0);
            let exact = ColdStartRun::simulate_method(&s, Method::Exact).latency;
            let aggregate = ColdStartRun::simulate_method(&s, Method::Aggregate).latency;
            let gap = (exact.cold_ratio - aggregate.cold_ratio).abs();
            assert!(
                gap <= (0.25 * exact.cold_ratio).max(0.0002),
                "{rps} rps: {exact:?} {aggregate:?}"
            );
            assert!(
                (exact.p99_ms - aggregate.p99_ms).abs() <= 0.02 * exact.p99_ms,
                "{rps} rps: {exact:?} {aggregate:?}"
            );
            assert!((exact.requests - aggregate.requests).abs() < 5.0 * exact.requests.sqrt());
        }
    }

    #[test]
    fn aggregate_follows_exact_on_quiet_traffic_and_spikes() {
        // Quiet: cold share ≈ exp(−rate × idle time).
        let quiet = scenario(&[(0.0, 0.004), (7.0 * 86_400.0, 0.004)], 100.0);
        let exact = ColdStartRun::simulate_method(&quiet, Method::Exact).latency;
        let aggregate = ColdStartRun::simulate_method(&quiet, Method::Aggregate).latency;
        let expected = (-0.004_f64 * 600.0).exp();
        assert!((exact.cold_ratio - expected).abs() < 0.03, "{exact:?}");
        assert!(
            (aggregate.cold_ratio - expected).abs() < 0.03,
            "{aggregate:?}"
        );

        // A step from 0 to 100 rps with a slow (Java, 3 s) init: every arrival during the first
        // init starts an environment of its own.
        let mut spike = scenario(
            &[(0.0, 0.0), (60.0, 0.0), (61.0, 100.0), (600.0, 100.0)],
            100.0,
        );
        spike.cold_start.runtime = Runtime::Java17;
        spike.cold_start.function_init_ms = 3000.0;
        let exact = ColdStartRun::simulate_method(&spike, Method::Exact).latency;
        let aggregate = ColdStartRun::simulate_method(&spike, Method::Aggregate).latency;
        assert!(exact.cold > 250.0, "{exact:?}");
        assert!(
            (exact.cold - aggregate.cold).abs() < 0.25 * exact.cold,
            "{exact:?} {aggregate:?}"
        );
    }

    #[test]
    fn same_seed_same_run_other_seed_other_arrivals() {
        let s = steady(5.0, 10.0, 100.0);
        assert_eq!(ColdStartRun::simulate(&s), ColdStartRun::simulate(&s));
        let mut other = s.clone();
        other.cold_start.seed = 7;
        let a = ColdStartRun::simulate(&s);
        let b = ColdStartRun::simulate(&other);
        assert_ne!(all_busy(&a), all_busy(&b));
    }

    #[test]
    fn cold_environment_waits_for_every_phase_in_order() {
        let mut s = steady(1.0, 5.0, 100.0);
        s.cold_start.extensions_init_ms = 50.0;
        s.cold_start.runtime = Runtime::Dotnet8;
        s.cold_start.package_type = PackageType::Image;
        let run = ColdStartRun::simulate(&s);
        let first = run.timeline.environments.first().unwrap();
        let kinds: Vec<PhaseKind> = first.init.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                PhaseKind::Environment,
                PhaseKind::Extensions,
                PhaseKind::Runtime,
                PhaseKind::Function,
                PhaseKind::FirstInvoke
            ]
        );
        let phases = InitPhases::of(&s);
        let init_s = first.init.last().unwrap().end_s - first.created_at_s;
        assert!((init_s * 1000.0 - run.cold_penalty_ms).abs() < 1e-6);
        assert!(
            (run.cold_penalty_ms - phases.total_ms() - phases.first_invoke_extra_ms).abs() < 1e-9
        );
        for pair in first.init.windows(2) {
            assert_eq!(pair[0].end_s, pair[1].start_s);
        }
        let first_run = first.busy.first().unwrap();
        assert!(first_run.cold);
        assert!((first_run.start_s - first.init.last().unwrap().end_s).abs() < 1e-9);
        assert!(first.busy.iter().skip(1).all(|b| !b.cold));
    }

    #[test]
    fn large_scenarios_run_in_aggregate_with_an_exact_window() {
        let mut s = steady(10_000.0, 24.0 * 60.0, 120.0);
        s.lambda.account_concurrency_limit = 100_000;
        let run = ColdStartRun::simulate(&s);
        assert_eq!(run.method, Method::Aggregate);
        assert!((run.latency.requests - 864e6).abs() < 1e3);
        assert!(run.latency.cold_ratio < 1e-4, "{:?}", run.latency);
        assert!(run.timeline.environments.len() <= MAX_TIMELINE_ENVIRONMENTS);
        assert!(!run.timeline.environments.is_empty());
    }

    #[test]
    fn steady_traffic_shows_a_typical_moment_with_warm_environments() {
        // 2,000 rps around the clock: 100 requests in flight, a warm pool of about that size.
        let s = steady(2_000.0, 24.0 * 60.0, 50.0);
        let run = ColdStartRun::simulate(&s);
        assert_eq!(run.method, Method::Aggregate);
        assert_eq!(run.window_start, WindowStart::Typical);
        let (w0, w1) = run.timeline_window;
        // The median request of steady traffic arrives at noon; 5,000 requests take 2.5 s.
        assert!((w0 - 12.0 * 3600.0).abs() < 1.0, "{w0}");
        assert!((w1 - w0 - 2.5).abs() < 0.2, "{w0}..{w1}");
        let t = &run.timeline;
        assert!(
            (100..=160).contains(&t.warm_at_start),
            "{}",
            t.warm_at_start
        );
        // Environments created before the window are drawn from it, in creation order.
        let warm = t.environments.iter().take(t.warm_at_start);
        assert!(warm.clone().all(|e| e.created_at_s < w0));
        assert!(t.environments.windows(2).all(|p| p[0].id + 1 == p[1].id));
        let busy = all_busy(&run);
        let cold = busy.iter().filter(|b| b.cold).count();
        assert!(busy.len() > 4_000, "{}", busy.len());
        // Warm environments serve the window: hardly any request in it waits for an init.
        assert!(cold * 100 < busy.len(), "{cold} of {}", busy.len());
        assert!(busy.iter().all(|b| b.end_s > w0));
    }

    #[test]
    fn a_spike_is_shown_from_just_before_its_rise() {
        // The default scenario: 1 rps, then from 60 s to 65 s a rise to 10,000 rps.
        let run = ColdStartRun::simulate(&Scenario::default());
        assert_eq!(run.window_start, WindowStart::Spike);
        let (w0, w1) = run.timeline_window;
        assert!((w0 - (60.0 - SPIKE_LEAD_S)).abs() < 1e-9, "{w0}");
        assert!(w1 > 60.0 && w1 < 65.0, "{w1}");
        // The rise creates environments by the hundred, each one cold.
        let created_in_window = run
            .timeline
            .environments
            .iter()
            .filter(|e| e.created_at_s >= w0)
            .count();
        assert!(created_in_window > 200, "{created_in_window}");
        assert!(
            run.timeline.warm_at_start <= 3,
            "{}",
            run.timeline.warm_at_start
        );
    }

    #[test]
    fn timeline_respects_its_caps() {
        // 300 rps for 10 minutes: 180,000 handler runs, far more than the timeline keeps.
        let run = ColdStartRun::simulate(&steady(300.0, 10.0, 100.0));
        assert_eq!(run.method, Method::Exact);
        let busy: usize = run.timeline.environments.iter().map(|e| e.busy.len()).sum();
        assert!(busy <= MAX_TIMELINE_BUSY_INTERVALS);
        assert!(run.timeline.truncated);
        assert!(run.timeline_window.1 < run.horizon_s.1);
        // Within the window, the timeline is complete: every run that started in it is there.
        assert!(busy >= MAX_TIMELINE_BUSY_INTERVALS - 1);
    }

    #[test]
    fn default_scenario_spike_throttles_and_stays_finite() {
        let run = ColdStartRun::simulate(&Scenario::default());
        let l = run.latency;
        assert_eq!(run.method, Method::Aggregate);
        // 10,000 rps × 120 ms = 1,200 in flight against a limit of 1,000.
        assert!(l.throttled > 0.05 * l.requests, "{l:?}");
        assert!(l.cold >= 900.0, "{l:?}");
        for x in [l.p50_ms, l.p95_ms, l.p99_ms, l.mean_ms, l.billed_init_s] {
            assert!(x.is_finite() && x >= 0.0);
        }
        assert!(serde_json::to_string(&run).is_ok());
    }

    #[test]
    fn runtime_comparison_changes_only_the_runtime() {
        let s = java_night(false);
        let java = ColdStartRun::simulate(&s);
        let rust = ColdStartRun::simulate_with_runtime(&s, Runtime::Rust);
        // Same arrivals, and at one request per 20 minutes none lands during another's init, so
        // the same requests are cold; only their latency differs.
        assert_eq!(java.latency.cold, rust.latency.cold);
        assert!(rust.cold_penalty_ms < java.cold_penalty_ms);
        assert!(rust.latency.cold_mean_ms < java.latency.cold_mean_ms);
        let mut by_hand = s.clone();
        by_hand.cold_start.runtime = Runtime::Rust;
        assert_eq!(ColdStartRun::simulate(&by_hand), rust);
    }

    fn stream(shards: u32) -> Trigger {
        Trigger::Stream {
            shards,
            parallelization: 1,
        }
    }

    /// The most handler runs (cold ones from their environment's creation) at once.
    fn most_at_once(run: &ColdStartRun) -> usize {
        let mut edges: Vec<(f64, i32)> = Vec::new();
        for e in &run.timeline.environments {
            for b in &e.busy {
                let from_s = if b.cold { e.created_at_s } else { b.start_s };
                edges.push((from_s, 1));
                edges.push((b.end_s, -1));
            }
        }
        edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut now = 0;
        let mut most = 0;
        for (_, step) in edges {
            now += step;
            most = most.max(now);
        }
        usize::try_from(most).unwrap_or(0)
    }

    #[test]
    fn a_stream_runs_at_most_shards_times_parallelization_and_loses_nothing() {
        // 80 batches a second × 100 ms = 8 in flight, against 4 shards × 1.
        let mut s = steady(80.0, 2.0, 100.0);
        s.workload.trigger = stream(4);
        let four = ColdStartRun::simulate(&s);
        let l = four.latency;
        assert_eq!(four.method, Method::Exact);
        assert!(four.timeline.environments_created <= 4, "{l:?}");
        assert!(most_at_once(&four) <= 4);
        assert_eq!(l.throttled, 0.0);
        assert_eq!(l.served, l.requests);
        assert!(l.waited > 0.9 * l.requests, "{l:?}");
        // Half the demand is served: the backlog, and the wait, grow for the whole two minutes.
        assert!(l.wait.max_s > 50.0, "{l:?}");
        // Latency is the time inside Lambda: waiting adds nothing to it.
        assert!(l.p99_ms <= 100.0 * 1.2 + four.cold_penalty_ms, "{l:?}");

        // 8 shards: exactly the demand's mean, so random peaks still wait, but far less.
        s.workload.trigger = stream(8);
        let eight = ColdStartRun::simulate(&s);
        assert!(eight.timeline.environments_created <= 8);
        assert!(most_at_once(&eight) <= 8);
        assert!(
            eight.latency.wait.p99_s < l.wait.p99_s / 10.0,
            "{:?}",
            eight.latency
        );
        assert_eq!(eight.latency.throttled, 0.0);

        // 32 shards: well above demand, hardly anything waits.
        s.workload.trigger = stream(32);
        let plenty = ColdStartRun::simulate(&s).latency;
        assert!(plenty.waited < 0.01 * plenty.requests, "{plenty:?}");
        assert!(plenty.wait.p99_s < eight.latency.wait.p99_s, "{plenty:?}");
    }

    #[test]
    fn the_stream_cap_holds_in_aggregate_too() {
        let mut s = steady(80.0, 2.0, 100.0);
        s.workload.trigger = stream(4);
        let exact = ColdStartRun::simulate_method(&s, Method::Exact).latency;
        let aggregate = ColdStartRun::simulate_method(&s, Method::Aggregate).latency;
        assert_eq!(aggregate.throttled, 0.0);
        assert!((aggregate.served - aggregate.requests).abs() < 1e-6);
        assert!(
            (aggregate.waited - exact.waited).abs() < 0.05 * exact.waited,
            "{exact:?} {aggregate:?}"
        );
        for (a, e) in [
            (aggregate.wait.p50_s, exact.wait.p50_s),
            (aggregate.wait.p99_s, exact.wait.p99_s),
            (aggregate.wait.max_s, exact.wait.max_s),
        ] {
            assert!((a - e).abs() < 0.1 * e, "{exact:?} {aggregate:?}");
        }
    }

    #[test]
    fn async_events_wait_at_the_limit_instead_of_being_throttled() {
        // 500 events a second × 100 ms = 50 in flight against a limit of 10.
        let mut s = steady(500.0, 2.0, 100.0);
        s.lambda.account_concurrency_limit = 10;
        s.workload.trigger = Trigger::Async;
        for method in [Method::Exact, Method::Aggregate] {
            let run = ColdStartRun::simulate_method(&s, method);
            let l = run.latency;
            assert_eq!(l.throttled, 0.0, "{method:?}");
            assert!((l.served - l.requests).abs() < 1e-6, "{method:?}");
            assert!(l.waited > 0.5 * l.requests, "{method:?} {l:?}");
            assert!(l.wait.p50_s <= l.wait.p99_s && l.wait.p99_s <= l.wait.max_s + 1e-9);
        }
        let exact = ColdStartRun::simulate(&s);
        assert!(exact.timeline.environments_created <= 10);
    }

    #[test]
    fn an_sqs_queue_ramps_up_from_five_environments() {
        // 1,000 batches a second × 100 ms = 100 in flight; the mapping starts with 5 and adds
        // 5 a second while batches wait, so it reaches 100 after 19 s.
        let mut s = steady(1_000.0, 1.0, 100.0);
        s.workload.trigger = Trigger::Queue {
            max_concurrency: None,
        };
        let run = ColdStartRun::simulate(&s);
        let created_by = |t_s: f64| {
            run.timeline
                .environments
                .iter()
                .filter(|e| e.created_at_s <= t_s)
                .count()
        };
        assert_eq!(created_by(0.1), 5);
        assert!(created_by(1.0) <= 10, "{}", created_by(1.0));
        assert!(created_by(10.0) <= 55, "{}", created_by(10.0));
        // It keeps growing while the backlog drains, past the 100 the demand needs (about 9,000
        // batches wait at 19 s; 5 more a second drain them in another 19 s), then stops: well
        // below the mapping's 1,000.
        let created = run.timeline.environments_created;
        assert!((150..=260).contains(&created), "{created}");
        assert!(most_at_once(&run) <= run.timeline.environments_created);
        assert_eq!(run.latency.throttled, 0.0);
        assert!(run.latency.wait.max_s > 5.0, "{:?}", run.latency);
        // A maximum concurrency caps it.
        s.workload.trigger = Trigger::Queue {
            max_concurrency: Some(20),
        };
        let capped = ColdStartRun::simulate(&s);
        assert!(capped.timeline.environments_created <= 20);
        assert!(capped.latency.wait.max_s > run.latency.wait.max_s);
        // The aggregate method ramps alike.
        let aggregate = ColdStartRun::simulate_method(&s, Method::Aggregate).latency;
        let exact = capped.latency;
        assert!(
            (aggregate.wait.p99_s - exact.wait.p99_s).abs() < 0.15 * exact.wait.p99_s,
            "{exact:?} {aggregate:?}"
        );
    }

    #[test]
    fn http_throttles_where_other_triggers_wait() {
        let mut s = steady(500.0, 2.0, 100.0);
        s.lambda.account_concurrency_limit = 10;
        let http = ColdStartRun::simulate(&s).latency;
        assert!(http.throttled > 0.0);
        assert_eq!(http.waited, 0.0);
        assert_eq!(http.wait, WaitSummary::default());
        // A stream's cap above the limit changes nothing but what happens at the limit.
        s.workload.trigger = stream(100);
        let limit = crate::model::cold_start::concurrency_limit(&s);
        assert_eq!(limit.effective, 10);
        assert!(!limit.trigger_limits());
        s.workload.trigger = stream(4);
        assert!(crate::model::cold_start::concurrency_limit(&s).trigger_limits());
    }

    #[test]
    fn waiting_work_is_never_lost_on_generated_scenarios() {
        for seed in 0..30 {
            let mut s = generated(seed);
            s.workload.trigger = Trigger::ALL[(seed % 3 + 1) as usize];
            for method in [Method::Exact, Method::Aggregate] {
                let l = ColdStartRun::simulate_method(&s, method).latency;
                let context = format!("seed {seed} {method:?}: {l:?}");
                assert_eq!(l.throttled, 0.0, "{context}");
                assert!((l.served - l.requests).abs() < 1e-6, "{context}");
                assert!(l.waited <= l.requests + 1e-6, "{context}");
                let w = l.wait;
                assert!(w.p50_s <= w.p99_s && w.p99_s <= w.max_s + 1e-9, "{context}");
                for x in [w.p50_s, w.p99_s, w.max_s, w.mean_s, l.waited] {
                    assert!(x.is_finite() && x >= 0.0, "{context}");
                }
            }
        }
    }

    /// Generated scenarios: a few random traffic points, durations, runtimes and settings.
    fn generated(seed: u64) -> Scenario {
        let mut rng = SplitMix64(seed);
        let points = 2 + (rng.unit() * 5.0) as usize;
        let mut t_s = 0.0;
        let mut traffic = Vec::new();
        for _ in 0..points {
            let rps = if rng.unit() < 0.3 {
                0.0
            } else {
                (rng.unit() * 6.0).exp() / 10.0
            };
            traffic.push((t_s, rps));
            t_s += 10.0 + rng.unit() * 1500.0;
        }
        let mut s = scenario(&traffic, 1.0 + rng.unit() * 2000.0);
        let runtimes = Runtime::ALL;
        s.cold_start.runtime = runtimes[(rng.unit() * runtimes.len() as f64) as usize];
        s.cold_start.snapstart = rng.unit() < 0.3;
        s.cold_start.function_init_ms = rng.unit() * 5000.0;
        s.cold_start.idle_reclaim_min = 5.0 + rng.unit() * 55.0;
        s.lambda.provisioned_concurrency = (rng.unit() * 4.0) as u32;
        s.lambda.account_concurrency_limit = 1 + (rng.unit() * 200.0) as u32;
        s.cold_start.seed = seed;
        s
    }

    #[test]
    fn properties_hold_on_generated_scenarios() {
        for seed in 0..60 {
            let s = generated(seed);
            for method in [Method::Exact, Method::Aggregate] {
                let run = ColdStartRun::simulate_method(&s, method);
                let l = run.latency;
                let context = format!("seed {seed} {method:?}: {l:?}");
                assert!(l.p50_ms <= l.p95_ms && l.p95_ms <= l.p99_ms, "{context}");
                assert!(
                    (l.served + l.throttled - l.requests).abs() < 1e-6,
                    "{context}"
                );
                assert!(l.cold <= l.served + 1e-9 && l.cold >= 0.0, "{context}");
                assert!((0.0..=1.0).contains(&l.cold_ratio), "{context}");
                if l.cold > 0.0 && l.served > l.cold {
                    assert!(l.cold_mean_ms > l.warm_mean_ms, "{context}");
                }
                let counted: f64 = run.histogram.warm.iter().chain(&run.histogram.cold).sum();
                assert!(
                    (counted - l.served).abs() < 1e-6 * l.served.max(1.0),
                    "{context}"
                );
                assert_eq!(run.histogram.edges_ms.len(), HISTOGRAM_BINS + 1);
                for x in [
                    l.p50_ms,
                    l.p99_ms,
                    l.mean_ms,
                    l.billed_init_s,
                    l.cold_starts_per_hour,
                ] {
                    assert!(x.is_finite() && x >= 0.0, "{context}");
                }
            }
            // Arrivals follow the curve: the count is within 5 standard deviations of its mean.
            let expected = expected_requests(&s.traffic);
            let exact = ColdStartRun::simulate_method(&s, Method::Exact).latency;
            assert!(
                (exact.requests - expected).abs() <= 5.0 * expected.sqrt() + 1.0,
                "seed {seed}: {} vs {expected}",
                exact.requests
            );
        }
    }

    #[test]
    fn environments_never_serve_two_requests_at_once() {
        for seed in 0..20 {
            let run = ColdStartRun::simulate(&generated(seed));
            for e in &run.timeline.environments {
                for pair in e.busy.windows(2) {
                    assert!(pair[0].end_s <= pair[1].start_s + 1e-12, "seed {seed}");
                }
                if let (Some(reclaimed_s), Some(last)) = (e.reclaimed_at_s, e.busy.last()) {
                    assert!(reclaimed_s >= last.end_s, "seed {seed}");
                }
            }
        }
    }

    #[test]
    fn prices_and_billing_settings_do_not_change_the_run() {
        let s = Scenario::default();
        let mut other = s.clone();
        other.rates.lambda_request_usd_per_million *= 3.0;
        other.rates.lambda_x86_64.provisioned_usd_per_gb_s *= 2.0;
        other.rates.free_gb_s = 0.0;
        other.lambda.init_billed = !s.lambda.init_billed;
        other.lambda.free_tier = !s.lambda.free_tier;
        other.lambda.cold_start_ratio = Some(0.5);
        other.lambda.provisioned_hours_per_month = 100.0;
        other.workload.requests_per_month *= 10;
        other.workload.ephemeral_storage_mb = 4096;
        other.vm.hourly_usd *= 2.0;
        other.on_prem.server_price_usd *= 2.0;
        assert_eq!(ColdStartRun::simulate(&s), ColdStartRun::simulate(&other));
    }
}
