//! The cold-start view, driven through its accessible labels and its canvas like a user would.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::model::cold_start::{BusyInterval, PhaseKind};
use serverless_explorer::model::origin::Origin;
use serverless_explorer::model::runtime::InitPhases;
use serverless_explorer::model::scenario::{Runtime, Scenario};
use serverless_explorer::presets;
use serverless_explorer::ui::theme::ThemeKind;

/// The preset where a Java API wakes up after a quiet night.
fn java_preset() -> (Origin, Scenario) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join("cold-start-sensitive-java-api.ron");
    let scenario = presets::load(&path).unwrap_or_else(|e| panic!("the Java preset loads: {e}"));
    (Origin::File(path), scenario)
}

/// The app on the cold-start view; `editor` keeps the scenario editor open (it repeats the
/// quick controls' labels, so tests that click them close it).
fn harness(scenario: Option<(Origin, Scenario)>, editor: bool) -> Harness<'static, ExplorerApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(ViewId::ColdStart),
                    theme: Some(ThemeKind::Light),
                    scenario,
                    ..StartOptions::default()
                },
            )
        });
    harness.state_mut().settings.show_editor = editor;
    harness.run();
    harness
}

/// Whether some label contains `text`.
fn shows(harness: &Harness<'_, ExplorerApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// The handler runs of the first environment of the timeline.
fn first_environment_runs(harness: &Harness<'_, ExplorerApp>) -> Vec<BusyInterval> {
    let run = &harness.state().derived.cold_start;
    run.timeline
        .environments
        .first()
        .map(|env| env.busy.clone())
        .unwrap_or_default()
}

#[test]
fn hovering_a_bar_shows_its_numbers() {
    let mut harness = harness(Some(java_preset()), false);
    assert!(shows(
        &harness,
        "Cold-start timeline. Java 21: 14 environments"
    ));
    let busy = first_environment_runs(&harness);
    let cold = busy[0];
    assert!(cold.cold);

    // The request that woke the first environment after the quiet night.
    let view = &harness.state().settings.views.cold_start;
    let pos = view
        .screen_pos(0, 0, 0.5 * (cold.start_s + cold.end_s))
        .expect("the first cold start is on screen");
    harness.hover_at(pos);
    harness.run();
    assert!(shows(&harness, "Cold request · env 1"));
    assert!(shows(
        &harness,
        "found no free warm environment, and waited"
    ));

    // A later request on the same environment is warm.
    let warm = busy[busy.len() / 2];
    assert!(!warm.cold);
    let view = &harness.state().settings.views.cold_start;
    let pos = view
        .screen_pos(0, 0, 0.5 * (warm.start_s + warm.end_s))
        .expect("a warm run is on screen");
    harness.hover_at(pos);
    harness.run();
    assert!(shows(&harness, "Warm request · env 1"));
    assert!(!shows(&harness, "Cold request · env 1"));
}

#[test]
fn zoom_buttons_change_the_visible_span() {
    let mut harness = harness(Some(java_preset()), false);
    let span = |h: &Harness<'_, ExplorerApp>| {
        let (a, b) = h
            .state()
            .settings
            .views
            .cold_start
            .visible_range_s()
            .unwrap();
        b - a
    };
    let window = harness.state().derived.cold_start.timeline_window;
    let fit = span(&harness);
    assert!((fit - (window.1 - window.0)).abs() < 1e-6);

    harness.get_by_label("Zoom in").click();
    harness.run();
    assert!((span(&harness) - fit / 2.0).abs() < 1e-6);
    harness.get_by_label("Zoom in").click();
    harness.run();
    assert!((span(&harness) - fit / 4.0).abs() < 1e-6);
    harness.get_by_label("Zoom out").click();
    harness.run();
    assert!((span(&harness) - fit / 2.0).abs() < 1e-6);
    harness.get_by_label("Fit").click();
    harness.run();
    assert!((span(&harness) - fit).abs() < 1e-6);
}

#[test]
fn runtime_combo_changes_the_scenario() {
    let mut harness = harness(None, false);
    assert_eq!(
        harness.state().scenario.cold_start.runtime,
        Runtime::Nodejs20
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Runtime")
        .click();
    harness.run();
    harness.get_by_label("Rust").click();
    harness.run();
    assert_eq!(harness.state().scenario.cold_start.runtime, Runtime::Rust);
    // The derived run follows: a Rust cold start is shorter than a Node.js one.
    let rust_penalty = harness.state().derived.cold_start.cold_penalty_ms;
    assert!(rust_penalty < 375.0, "{rust_penalty}");
}

#[test]
fn snapstart_is_offered_for_java_only() {
    let mut harness = harness(None, false);
    let disabled =
        |h: &Harness<'_, ExplorerApp>| h.get_by_label("SnapStart").accesskit_node().is_disabled();
    assert!(disabled(&harness), "Node.js has no SnapStart");

    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Runtime")
        .click();
    harness.run();
    harness.get_by_label("Java 21").click();
    harness.run();
    assert!(!disabled(&harness), "Java has SnapStart");
    harness.get_by_label("SnapStart").click();
    harness.run();
    assert!(harness.state().scenario.cold_start.snapstart);
    // A restore replaces the runtime's and your init in every cold start.
    let phases = InitPhases::of(&harness.state().scenario);
    assert!(phases.restore_ms > 0.0 && phases.runtime_ms == 0.0);
    let run = &harness.state().derived.cold_start;
    assert!(
        run.timeline
            .environments
            .iter()
            .any(|e| e.init.iter().any(|p| p.kind == PhaseKind::Restore))
    );
}

#[test]
fn provisioned_concurrency_keeps_requests_warm() {
    let mut harness = harness(Some(java_preset()), false);
    assert!(harness.state().derived.cold_start.latency.cold > 0.0);
    harness
        .get_by_label("Provisioned concurrency")
        .set_value_accesskit(20.0);
    harness.run();
    let scenario = &harness.state().scenario;
    assert_eq!(scenario.lambda.provisioned_concurrency, 20);
    // Turned on here, it is billed all month unless the editor says otherwise.
    assert_eq!(scenario.lambda.provisioned_hours_per_month, 730.0);
    let run = &harness.state().derived.cold_start;
    assert!(run.timeline.environments[0].provisioned);
    assert_eq!(run.latency.cold, 0.0);
    assert!(shows(&harness, "Java 21: 20 environments, 0 cold starts"));
}

#[test]
fn comparison_draws_a_second_runtime_from_its_cache() {
    let mut harness = harness(Some(java_preset()), false);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Compare with")
        .click();
    harness.run();
    harness.get_by_label("Node.js 20").click();
    harness.run();
    assert_eq!(
        harness.state().settings.views.cold_start.compare,
        Some(Runtime::Nodejs20)
    );
    assert!(shows(&harness, "Java 21: 14 environments"));
    assert!(shows(&harness, "; Node.js 20: "));
    assert!(shows(&harness, "Cold start wait"));
    assert!(
        harness
            .state()
            .settings
            .views
            .cold_start
            .screen_pos(1, 0, 1300.0)
            .is_some()
    );
}

/// Snapshots are skipped where no GPU adapter (or lavapipe) is available.
fn snapshots_wanted() -> bool {
    std::env::var_os("SKIP_SNAPSHOTS").is_none()
}

#[test]
fn snapshot_of_the_default_preset() {
    if snapshots_wanted() {
        let mut harness = harness(None, true);
        harness.snapshot("cold_start_view");
    }
}

#[test]
fn snapshot_of_the_java_preset() {
    // The Java API after a quiet night, with the editor open, as a classroom first sees it.
    if snapshots_wanted() {
        let mut harness = harness(Some(java_preset()), true);
        harness.snapshot("cold_start_view_java");
    }
}

#[test]
fn a_steady_day_is_shown_at_a_typical_moment_and_a_spike_as_it_rises() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join("steady-high-throughput.ron");
    let steady = presets::load(&path).unwrap_or_else(|e| panic!("the preset loads: {e}"));
    let day = harness(Some((Origin::File(path), steady)), false);
    assert!(shows(
        &day,
        "It opens at the median request, a typical moment"
    ));
    let run = &day.state().derived.cold_start;
    // Warm environments serve the window: fewer than 1% of its handler runs are cold.
    let busy: Vec<BusyInterval> = run
        .timeline
        .environments
        .iter()
        .flat_map(|e| e.busy.iter().copied())
        .collect();
    let cold = busy.iter().filter(|b| b.cold).count();
    assert!(
        busy.len() > 1_000 && cold * 100 < busy.len(),
        "{cold} of {}",
        busy.len()
    );

    let spike = harness(None, false);
    assert!(shows(
        &spike,
        "a second before the steepest spike in demand"
    ));
}

#[test]
fn a_stream_trigger_names_its_ceiling_and_the_wait() {
    use serverless_explorer::model::scenario::Trigger;
    // 80 batches a second for two minutes, 100 ms each: 8 in flight against 4 shards × 1.
    let mut scenario = Scenario {
        traffic: vec![(0.0, 80.0), (120.0, 80.0)],
        ..Scenario::default()
    };
    scenario.workload.avg_duration_ms = 100.0;
    scenario.workload.trigger = Trigger::Stream {
        shards: 4,
        parallelization: 1,
    };
    let mut harness = harness(Some((Origin::Clipboard, scenario)), false);
    assert!(shows(
        &harness,
        "Trigger: Stream (Kinesis, DynamoDB), from Kinesis Data Streams"
    ));
    assert!(shows(
        &harness,
        "Concurrency: 4 shards × 1 = 4 at most (the stream's ceiling)"
    ));
    assert!(shows(&harness, "p99 wait for a free environment"));
    assert!(shows(&harness, "of batches were cold"));
    let l = harness.state().derived.cold_start.latency;
    assert_eq!(l.throttled, 0.0);
    assert!(l.wait.p99_s > 10.0, "{l:?}");
    assert!(!shows(&harness, "throttled (HTTP 429)"));
    if snapshots_wanted() {
        harness.snapshot("cold_start_view_stream");
    }
}
