//! The scaling view, driven through its accessible labels like a user would: play, pause, restart,
//! scrub with the slider or on the chart, and one snapshot paused at a fixed time.

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::model::scenario::HostingModel;
use serverless_explorer::ui::theme::ThemeKind;

/// The accessible name of the demand and capacity chart.
const CHART: &str = "Demand and capacity over time; click or drag to move the playhead";

fn harness(size: egui::Vec2) -> Harness<'static, ExplorerApp> {
    Harness::builder()
        .with_size(size)
        .with_render_cursor(false)
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(ViewId::Scaling),
                    theme: Some(ThemeKind::Light),
                    ..StartOptions::default()
                },
            )
        })
}

fn t_s(harness: &Harness<'_, ExplorerApp>) -> f64 {
    harness.state().settings.views.scaling.t_s()
}

#[test]
fn play_advances_the_playhead_and_pause_stops_it() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    assert_eq!(t_s(&harness), 0.0);
    assert!(!harness.state().settings.views.scaling.is_playing());

    harness.get_by_label("Play").click();
    harness.run_steps(5);
    let played = t_s(&harness);
    assert!(played > 0.0, "{played}");
    assert!(harness.state().settings.views.scaling.is_playing());
    harness.run_steps(3);
    assert!(t_s(&harness) > played);

    harness.get_by_label("Pause").click();
    harness.run_steps(1);
    let paused = t_s(&harness);
    harness.run_steps(5);
    assert_eq!(t_s(&harness), paused);
    assert!(!harness.state().settings.views.scaling.is_playing());
    assert!(harness.query_by_label("Play").is_some());
    // Paused, the view stops asking for frames.
    harness.run();
}

#[test]
fn space_plays_and_pauses() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run_steps(4);
    assert!(harness.state().settings.views.scaling.is_playing());
    assert!(t_s(&harness) > 0.0);
    harness.key_press(egui::Key::Space);
    harness.run_steps(1);
    assert!(!harness.state().settings.views.scaling.is_playing());
}

#[test]
fn restart_returns_to_the_start() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness.state_mut().settings.views.scaling.t_s = 250.0;
    harness.run();
    assert!(harness.query_by_label_contains("t = 4:10").is_some());
    harness.get_by_label("Restart").click();
    harness.run();
    assert_eq!(t_s(&harness), 0.0);
}

#[test]
fn playing_stops_at_the_end() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    let end = harness.state().derived.scaling.end_s;
    harness.state_mut().settings.views.scaling.t_s = end - 0.5;
    harness.get_by_label("Play").click();
    harness.run_steps(4);
    assert_eq!(t_s(&harness), end);
    assert!(!harness.state().settings.views.scaling.is_playing());
    // Play at the end starts again from the beginning.
    harness.get_by_label("Play").click();
    harness.run_steps(1);
    assert!(t_s(&harness) < 5.0, "{}", t_s(&harness));
}

#[test]
fn the_time_slider_scrubs() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Time")
        .set_value_accesskit(120.0);
    harness.run();
    assert!((t_s(&harness) - 120.0).abs() < 1e-6, "{}", t_s(&harness));
    assert!(harness.query_by_label_contains("t = 2:00").is_some());
}

#[test]
fn clicking_the_chart_scrubs() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness.get_by_label(CHART).click();
    harness.run();
    // The chart's middle is about the middle of the 10-minute timeline.
    let t = t_s(&harness);
    assert!((200.0..400.0).contains(&t), "{t}");
}

#[test]
fn lanes_show_each_models_numbers_at_the_playhead() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness.state_mut().settings.views.scaling.t_s = 200.0;
    harness.run();
    for model in HostingModel::ALL {
        assert!(
            harness
                .query_by_label_contains(&format!("{} lane: capacity", model.label()))
                .is_some(),
            "{model:?}"
        );
    }
    // At 200 s the fixed servers shed most of the 10,000 requests per second.
    let on_prem = accessible_name(&harness.get_by_label_contains("On-premises lane"));
    assert!(
        on_prem.contains("of 10,000 requests per second"),
        "{on_prem}"
    );
    assert!(harness.query_by_label("Assumptions").is_some());
}

#[test]
fn the_summary_reads_row_by_row() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    // A screen reader hears each model's row whole, and each column's title.
    let lambda = accessible_text(&harness.get_by_label_contains("Serverless: served "));
    assert!(
        lambda.contains("dropped 0 requests") && lambda.contains("never fell short"),
        "{lambda}"
    );
    for title in [
        "Served (requests)",
        "Dropped (requests)",
        "Peak capacity",
        "Catch-up time",
        "Cost",
    ] {
        assert!(
            harness
                .query_by_role_and_label(Role::Label, title)
                .is_some(),
            "{title}"
        );
    }
    // And every model's plain sentence.
    assert!(
        harness
            .query_by_label_contains("On-premises kept 2 servers")
            .is_some()
    );
}

#[test]
fn the_same_scenario_gives_the_same_run() {
    let labels = |harness: &Harness<'_, ExplorerApp>| -> Vec<String> {
        HostingModel::ALL
            .into_iter()
            .map(|model| {
                accessible_name(&harness.get_by_label_contains(&format!("{} lane", model.label())))
            })
            .collect()
    };
    let mut a = harness(egui::vec2(1600.0, 1000.0));
    let mut b = harness(egui::vec2(1280.0, 800.0));
    for h in [&mut a, &mut b] {
        h.run();
        h.state_mut().settings.views.scaling.t_s = 100.0;
        h.run();
    }
    assert_eq!(a.state().derived.scaling, b.state().derived.scaling);
    assert_eq!(labels(&a), labels(&b));
}

#[test]
fn space_pauses_after_a_click_on_play() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness.get_by_label("Play").click();
    harness.run_steps(2);
    harness.key_press(egui::Key::Space);
    harness.run_steps(1);
    assert!(!harness.state().settings.views.scaling.is_playing());
}

#[test]
fn a_slide_shows_a_telling_moment_without_controls() {
    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    harness.run();
    let run = harness.state().derived.scaling.clone();
    harness
        .state_mut()
        .settings
        .views
        .scaling
        .prepare_export(&run);
    harness.run();
    assert!(harness.query_by_label("Play").is_none());
    assert!(harness.query_by_label("Restart").is_none());
    // While the fixed fleets shed the spike and Lambda has caught up.
    let t = t_s(&harness);
    assert!((66.0..165.0).contains(&t), "{t}");
    assert!(harness.query_by_label_contains("t = 1:").is_some());
}

#[test]
fn scaling_view_snapshot() {
    if std::env::var_os("SKIP_SNAPSHOTS").is_some() {
        return;
    }
    let mut harness = harness(egui::vec2(1280.0, 800.0));
    harness.run();
    harness.state_mut().settings.views.scaling.t_s = 120.0;
    harness.run();
    harness.snapshot("scaling_view");
}

/// A node's accessible name, or its value where it has none (as static text does).
fn accessible_text(node: &egui_kittest::Node<'_>) -> String {
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// A node's accessible name.
fn accessible_name(node: &egui_kittest::Node<'_>) -> String {
    node.accesskit_node().label().unwrap_or_default()
}

#[test]
fn after_the_spike_serverless_says_its_environments_are_warm_not_busy() {
    let mut harness = harness(egui::vec2(1440.0, 900.0));
    harness.run();
    // t = 8:37 on the launch spike: demand is back at 1 request a second.
    harness.state_mut().settings.views.scaling.t_s = 517.0;
    harness.run();
    let lane = harness
        .query_by_label_contains("Serverless lane: capacity")
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .unwrap_or_default();
    assert!(lane.contains("of 1 requests per second"), "{lane}");
    assert!(lane.contains("1 environments busy"), "{lane}");
    assert!(lane.contains("warm and not billed"), "{lane}");
    assert!(lane.contains("on this timeline so far"), "{lane}");
}

/// The Kinesis preset: the lanes say what waits instead of what was dropped, the chart names the
/// stream's ceiling, and 8 shards instead of 4 double it.
#[test]
fn a_stream_shows_its_ceiling_and_what_waits() {
    use serverless_explorer::command::Command;
    use serverless_explorer::model::scenario::Trigger;

    let mut harness = harness(egui::vec2(1600.0, 1000.0));
    let (_, mut scenario) =
        serverless_explorer::presets::built_in("clickstream-kinesis-stream").unwrap();
    harness
        .state_mut()
        .push_command(Command::SetScenario(Box::new(scenario.clone())));
    harness.run();
    // In the middle of the surge's backlog.
    harness.state_mut().settings.views.scaling.t_s = 600.0;
    harness.run();
    assert!(
        harness
            .query_by_label_contains(
                "Stream ceiling: 4 shards × 1 = 4 batches at once (20 a second)"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Work waiting over time; click or drag to move the playhead")
            .is_some()
    );
    // Every lane says what waits; none says what was dropped.
    for model in HostingModel::ALL {
        let name = format!("{} lane:", model.label());
        let lane = harness.get_by_label_contains(&name);
        let label = lane.accesskit_node().label().unwrap_or_default();
        assert!(label.contains("batches waiting, the oldest for"), "{label}");
        assert!(!label.contains("dropped"), "{label}");
    }
    let longest_wait = harness.query_by_label("Longest wait");
    assert!(longest_wait.is_some());

    scenario.workload.trigger = Trigger::Stream {
        shards: 8,
        parallelization: 1,
    };
    harness
        .state_mut()
        .push_command(Command::SetScenario(Box::new(scenario)));
    harness.run();
    assert!(
        harness
            .query_by_label_contains(
                "Stream ceiling: 8 shards × 1 = 8 batches at once (40 a second)"
            )
            .is_some()
    );
    let run = &harness.state().derived.scaling;
    let lambda = run.model(HostingModel::Lambda);
    assert!(
        lambda
            .samples
            .iter()
            .all(|x| x.trigger_ceiling == Some(8.0))
    );
}
