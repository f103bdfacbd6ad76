//! The window as a whole: presentation mode, keyboard shortcuts, the guided tour, undo and redo,
//! reverting, and pasting a preset.

use std::fmt::Write as _;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serverless_explorer::app::{ExplorerApp, Pending, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::model::origin::Origin;
use serverless_explorer::ui::theme::{ThemeChoice, ThemeKind};

fn harness() -> Harness<'static, ExplorerApp> {
    Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    ..StartOptions::default()
                },
            )
        })
}

#[test]
fn presentation_mode_hides_the_editor_and_restores_the_layout() {
    let mut harness = harness();
    harness.run();
    harness.state_mut().settings.theme = ThemeChoice::Dark;
    harness.run();
    assert!(harness.state().settings.show_editor);

    harness.get_by_label("Present").click();
    harness.run();
    let state = harness.state();
    assert!(state.settings.presentation);
    assert!(!state.settings.show_editor);
    assert_eq!(state.settings.theme, ThemeChoice::Projector);

    harness.key_press(egui::Key::F5);
    harness.run();
    let state = harness.state();
    assert!(!state.settings.presentation);
    assert!(state.settings.show_editor);
    assert_eq!(state.settings.theme, ThemeChoice::Dark);
}

#[test]
fn help_opens_with_f1() {
    let mut harness = harness();
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.state().show_help);
    assert!(
        harness
            .query_by_label_contains("Presentation mode on or off")
            .is_some()
    );
}

#[test]
fn arrows_step_through_presets() {
    let mut harness = harness();
    harness.run();
    let first = harness.state().scenario.name.clone();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let second = harness.state().scenario.name.clone();
    assert_ne!(first, second);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().scenario.name, first);
}

#[test]
fn tour_walks_the_lesson() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Guided tour").click();
    harness.run();
    assert_eq!(harness.state().tour, Some(0));
    assert_eq!(harness.state().settings.view, ViewId::Stack);
    assert!(harness.query_by_label_contains("Step 1 of").is_some());

    harness.get_by_label("Next").click();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().tour, Some(2));
    assert_eq!(harness.state().settings.view, ViewId::Scaling);

    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().tour, Some(1));

    for _ in 0..20 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    let last = serverless_explorer::ui::tour::STEPS.len() - 1;
    assert_eq!(harness.state().tour, Some(last));
    harness.get_by_label("End tour").click();
    harness.run();
    assert_eq!(harness.state().tour, None);
}

#[test]
fn edit_undo_redo_revert() {
    let mut harness = harness();
    harness.run();
    let original = harness.state().scenario.clone();
    let mut edited = original.clone();
    edited.workload.memory_mb = 2048;
    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::SetScenario(
            Box::new(edited),
        ));
    harness.run();
    assert_eq!(harness.state().scenario.workload.memory_mb, 2048);
    assert!(harness.state().is_modified());
    assert!(harness.query_by_label("(modified)").is_some());

    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().scenario, original);
    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(harness.state().scenario.workload.memory_mb, 2048);

    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::Revert);
    harness.run();
    assert_eq!(harness.state().scenario, original);
    assert!(!harness.state().is_modified());
}

#[test]
fn switching_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    harness.run();
    let mut edited = harness.state().scenario.clone();
    edited.workload.memory_mb = 4096;
    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::SetScenario(
            Box::new(edited),
        ));
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(matches!(harness.state().pending, Some(Pending::Load(..))));
    assert_eq!(harness.state().scenario.workload.memory_mb, 4096);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().pending.is_none());
    assert_eq!(harness.state().scenario.workload.memory_mb, 4096);

    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    harness.run();
    assert!(harness.state().pending.is_none());
    assert_ne!(harness.state().scenario.workload.memory_mb, 4096);
}

#[test]
fn pasting_a_preset_loads_it_and_bad_text_changes_nothing() {
    let mut harness = harness();
    harness.run();
    harness.event(egui::Event::Paste(
        "(name: \"Pasted\", workload: (memory_mb: 512))".to_owned(),
    ));
    harness.run();
    assert_eq!(harness.state().scenario.name, "Pasted");
    assert_eq!(harness.state().scenario.workload.memory_mb, 512);

    let before = harness.state().scenario.clone();
    harness.event(egui::Event::Paste("(workload: (memory_mb: 1))".to_owned()));
    harness.run();
    assert_eq!(harness.state().scenario, before);
    let banner = harness.state().banner.clone().unwrap();
    assert!(
        banner.error && banner.text.contains("workload.memory_mb"),
        "{}",
        banner.text
    );
}

#[test]
fn forced_theme_is_used() {
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    theme: Some(ThemeKind::Projector),
                    ..StartOptions::default()
                },
            )
        });
    let ctx = harness.ctx.clone();
    assert_eq!(harness.state().theme(&ctx).kind, ThemeKind::Projector);
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window and lets the app apply it.
fn drop_file(harness: &mut Harness<'_, ExplorerApp>, path: &std::path::Path) {
    harness.input_mut().dropped_files = vec![std::sync::Arc::new(Dropped(path.to_owned()))];
    harness.run();
    harness.run();
}

/// A preset file named `name` in `dir` with the given scenario name and memory size.
fn preset_file(
    dir: &std::path::Path,
    name: &str,
    title: &str,
    memory_mb: u32,
) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("(name: \"{title}\", workload: (memory_mb: {memory_mb}))"),
    )
    .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

#[test]
fn dropping_a_preset_opens_it_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    let good = preset_file(dir.path(), "dropped.ron", "Dropped", 2048);
    drop_file(&mut harness, &good);
    let state = harness.state();
    assert_eq!(state.scenario.name, "Dropped");
    assert_eq!(state.scenario.workload.memory_mb, 2048);
    assert_eq!(state.origin, Origin::File(good.clone()));
    assert_eq!(state.settings.recent, vec![good.clone()]);

    let bad = preset_file(dir.path(), "bad.ron", "Bad", 1);
    drop_file(&mut harness, &bad);
    let state = harness.state();
    assert_eq!(state.scenario.name, "Dropped");
    let banner = state.banner.clone().unwrap();
    assert!(banner.error, "{}", banner.text);
    assert!(banner.text.contains("bad.ron"), "{}", banner.text);
    assert!(
        banner.text.contains("workload.memory_mb"),
        "{}",
        banner.text
    );
    assert_eq!(state.settings.recent, vec![good]);
}

#[test]
fn recent_files_are_listed_reopened_and_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.run();
    let first = preset_file(dir.path(), "first.ron", "First", 256);
    let second = preset_file(dir.path(), "second.ron", "Second", 512);
    drop_file(&mut harness, &first);
    drop_file(&mut harness, &second);
    assert_eq!(
        harness.state().settings.recent,
        vec![second.clone(), first.clone()]
    );

    // Saving under a new name puts that file first.
    let saved = dir.path().join("saved.ron");
    harness.state_mut().save_to(&saved);
    assert!(saved.exists());
    assert_eq!(
        harness.state().settings.recent,
        vec![saved.clone(), second.clone(), first.clone()]
    );

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    harness.get_by_label("first.ron").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().scenario.name, "First");
    assert_eq!(
        harness.state().settings.recent,
        vec![first.clone(), saved.clone(), second.clone()]
    );

    // A file deleted since leaves the list, with the reason.
    std::fs::remove_file(&second).unwrap();
    harness.state_mut().open_recent(&second);
    harness.run();
    assert_eq!(harness.state().scenario.name, "First");
    assert_eq!(
        harness.state().settings.recent,
        vec![first.clone(), saved.clone()]
    );
    let banner = harness.state().banner.clone().unwrap();
    assert!(
        banner.error && banner.text.contains("second.ron"),
        "{}",
        banner.text
    );

    // The list keeps at most RECENT_FILES entries, without repeats.
    for i in 0..12 {
        let path = preset_file(dir.path(), &format!("p{i}.ron"), "P", 128);
        harness.state_mut().settings.remember_recent(&path);
    }
    harness.state_mut().settings.remember_recent(&first);
    let recent = &harness.state().settings.recent;
    assert_eq!(recent.len(), serverless_explorer::app::RECENT_FILES);
    assert_eq!(recent[0], first);
    assert_eq!(recent.iter().filter(|p| **p == first).count(), 1);
}

/// Snapshots are skipped where no GPU adapter (or lavapipe) is available.
fn snapshots_wanted() -> bool {
    std::env::var_os("SKIP_SNAPSHOTS").is_none()
}

/// The app at a projector's 16:9, in presentation mode after F5, on `view`.
fn presenting(view: ViewId) -> Harness<'static, ExplorerApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(view),
                    ..StartOptions::default()
                },
            )
        });
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().settings.presentation);
    harness
}

#[test]
fn snapshot_of_presentation_mode() {
    let mut harness = presenting(ViewId::Stack);
    let ctx = harness.ctx.clone();
    assert_eq!(harness.state().theme(&ctx).kind, ThemeKind::Projector);
    assert!(!harness.state().settings.show_editor);
    if snapshots_wanted() {
        harness.snapshot("presentation_stack");
    }
}

#[test]
fn snapshot_of_a_tour_step_in_presentation_mode() {
    let mut harness = presenting(ViewId::Stack);
    harness.get_by_label("Guided tour").click();
    harness.run();
    // "Pay per invocation": the fourth step, on the cost view.
    for _ in 0..3 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    assert_eq!(harness.state().tour, Some(3));
    assert_eq!(harness.state().settings.view, ViewId::Cost);
    assert!(harness.state().settings.presentation);
    assert!(harness.query_by_label_contains("Step 4 of").is_some());
    if snapshots_wanted() {
        harness.snapshot("presentation_tour_cost");
    }
}

#[test]
fn ctrl_plus_minus_and_zero_zoom_the_whole_window() {
    let mut harness = harness();
    harness.run();
    let zoom = |h: &Harness<'_, ExplorerApp>| h.ctx.zoom_factor();
    assert!((zoom(&harness) - 1.0).abs() < 1e-6);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    assert!((zoom(&harness) - 1.1).abs() < 1e-6, "{}", zoom(&harness));
    for _ in 0..2 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
        harness.run();
    }
    assert!((zoom(&harness) - 0.9).abs() < 1e-6, "{}", zoom(&harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert!((zoom(&harness) - 1.0).abs() < 1e-6, "{}", zoom(&harness));
}

#[test]
fn every_tour_step_names_a_built_in_preset() {
    for step in serverless_explorer::ui::tour::STEPS {
        assert!(
            serverless_explorer::presets::built_in(step.preset).is_some(),
            "{} names {}",
            step.title,
            step.preset
        );
    }
}

#[test]
fn results_computed_in_the_background_follow_an_edit() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    compute_in_background: true,
                    ..StartOptions::default()
                },
            )
        });
    harness.run();
    let mut edited = harness.state().scenario.clone();
    edited.workload.memory_mb = 3008;
    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::SetScenario(
            Box::new(edited.clone()),
        ));
    harness.step();
    harness.step();
    // The edit is in the scenario at once; its results arrive from the worker a little later.
    assert_eq!(harness.state().scenario, edited);
    let start = std::time::Instant::now();
    while harness.state().is_updating() {
        assert!(start.elapsed().as_secs() < 30, "results never arrived");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    let direct = serverless_explorer::derived::Derived::compute(&edited);
    assert_eq!(harness.state().derived.scaling, direct.scaling);
    assert_eq!(harness.state().derived.cold_start, direct.cold_start);
    assert_eq!(
        harness.state().derived.bills.lambda_bill.total_usd(),
        direct.bills.lambda_bill.total_usd()
    );
}

#[test]
fn dropping_a_traffic_csv_replaces_the_traffic_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-traffic.csv");
    // Ten minutes, per minute: 600 requests a minute (10/s), 6,000 in the busiest.
    let mut csv = String::from("timestamp,requests\n");
    for minute in 0..10 {
        let requests = if minute == 4 { 6_000 } else { 600 };
        let _ = writeln!(csv, "2026-12-05T21:{minute:02}:00Z,{requests}");
    }
    std::fs::write(&path, csv).unwrap();
    let mut harness = harness();
    harness.run();
    let before = harness.state().scenario.clone();
    drop_file(&mut harness, &path);

    let state = harness.state();
    assert_ne!(state.scenario.traffic, before.traffic);
    let file = state.traffic_file().expect("the traffic names its file");
    assert_eq!(file.imported.source.total_requests, 11_400.0);
    assert_eq!(file.imported.source.peak_rps, 100.0);
    let rates = state.scenario.traffic.iter().map(|p| p.1);
    assert_eq!(rates.fold(0.0, f64::max), 100.0);
    // The bill is of the same traffic: 11,400 requests in 10 minutes, scaled to 730 hours.
    assert_eq!(state.scenario.workload.requests_per_month, 49_932_000);
    let banner = state.banner.clone().unwrap();
    assert!(
        !banner.error && banner.text.contains("my-traffic.csv"),
        "{}",
        banner.text
    );
    // The scaling view plays it: its run offers the file's requests.
    let offered = state.derived.scaling.offered_requests;
    assert!((offered - 11_400.0).abs() < 1e-6, "{offered}");

    // The editor's traffic section says where the points came from.
    harness.state_mut().settings.show_editor = true;
    harness.state_mut().settings.view = ViewId::Scaling;
    harness.run();
    assert!(harness.query_by_label("my-traffic.csv").is_some());
    // Where the month's requests are shown, the editor says they are the file's, scaled.
    harness.state_mut().settings.view = ViewId::Cost;
    harness.run();
    assert!(
        harness
            .query_by_label_contains("its 10 min of requests scaled to 730 hours")
            .is_some()
    );

    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::Undo);
    harness.run();
    assert_eq!(harness.state().scenario, before);
    assert!(harness.state().traffic_file().is_none());

    // A refused file changes nothing but the banner, which names the line and the column.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "timestamp,requests\n2026-12-05T21:00:00Z,1\n2026-12-05T21:01:00Z,12x\n",
    )
    .unwrap();
    drop_file(&mut harness, &bad);
    let state = harness.state();
    assert_eq!(state.scenario, before);
    let banner = state.banner.clone().unwrap();
    assert!(
        banner.error && banner.text.contains("bad.csv:3:2"),
        "{}",
        banner.text
    );
}

#[test]
fn a_file_of_several_series_asks_which_and_says_when_the_data_is_partial() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.json");
    std::fs::write(
        &path,
        r#"{"MetricDataResults": [
            {"Id": "e", "Label": "Errors", "StatusCode": "Complete",
             "Timestamps": ["2026-12-01T00:01:00Z", "2026-12-01T00:00:00Z"], "Values": [1, 2]},
            {"Id": "i", "Label": "Invocations", "StatusCode": "PartialData",
             "Timestamps": ["2026-12-01T00:01:00Z", "2026-12-01T00:00:00Z"], "Values": [600, 1200]}
        ], "Messages": []}"#,
    )
    .unwrap();
    let mut harness = harness();
    harness.run();
    let before = harness.state().scenario.clone();
    drop_file(&mut harness, &path);
    // Nothing changes until a series is picked.
    assert_eq!(harness.state().scenario, before);
    assert!(harness.state().series_picker.is_some());
    harness.get_by_label("Invocations").click();
    harness.run();
    harness.run();
    let state = harness.state();
    assert!(state.series_picker.is_none());
    let file = state
        .traffic_file()
        .expect("the picked series was imported");
    assert_eq!(file.imported.source.total_requests, 1800.0);
    assert!(file.imported.source.partial_data);
    assert!(
        file.summary_lines()
            .iter()
            .any(|l| l.contains("PartialData")),
        "{:?}",
        file.summary_lines()
    );
    harness.state_mut().settings.show_editor = true;
    harness.state_mut().settings.view = ViewId::Scaling;
    harness.run();
    assert!(
        harness
            .query_by_label_contains("only part of the time asked for")
            .is_some()
    );
}

#[test]
fn undoing_the_opening_of_a_preset_brings_back_the_one_before() {
    let mut harness = harness();
    harness.run();
    let first = harness.state().origin.clone();
    let status = |h: &Harness<'_, ExplorerApp>| {
        h.query_all_by_label_contains("Scenario: ")
            .next()
            .map(|n| n.accesskit_node().label().unwrap_or_default())
    };
    let before = status(&harness);
    // The next preset (→), then undo: the name, the status bar and "modified" follow.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_ne!(harness.state().origin, first);
    harness.get_by_label("Undo").click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.origin, first);
    assert!(!state.is_modified());
    assert!(harness.query_by_label("(modified)").is_none());
    assert_eq!(status(&harness), before);
    // Redo opens the next preset again, unmodified.
    harness.get_by_label("Redo").click();
    harness.run();
    assert_ne!(harness.state().origin, first);
    assert!(!harness.state().is_modified());
}

#[test]
fn toolbar_buttons_stay_put_when_modified_or_titled_long() {
    let mut harness = harness();
    harness.run();
    let at = |h: &Harness<'_, ExplorerApp>, label: &str| h.get_by_label(label).rect();
    let (file, undo) = (at(&harness, "File"), at(&harness, "Undo"));
    let mut edited = harness.state().scenario.clone();
    edited.workload.memory_mb = 2048;
    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::SetScenario(
            Box::new(edited),
        ));
    harness.run();
    harness.run();
    assert!(harness.state().is_modified());
    assert_eq!(at(&harness, "File"), file);
    assert_eq!(at(&harness, "Undo"), undo);

    // In presentation mode a long title is shortened, never pushing the buttons down a row.
    harness.key_press(egui::Key::F5);
    harness.run();
    let leave = at(&harness, "Leave presentation");
    harness.state_mut().scenario.name = "A very long scenario name that goes on and on ".repeat(4);
    harness.run();
    harness.run();
    assert_eq!(at(&harness, "Leave presentation"), leave);
}

#[test]
fn importing_a_price_list_names_its_region_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let offer = dir.path().join("AWSLambda.json");
    std::fs::write(
        &offer,
        r#"{"formatVersion": "v1.0", "offerCode": "AWSLambda", "version": "1",
  "publicationDate": "2026-03-01T00:00:00Z",
  "products": {"REQ": {"sku": "REQ", "productFamily": "Serverless", "attributes": {
    "servicecode": "AWSLambda", "regionCode": "eu-west-1", "group": "AWS-Lambda-Requests",
    "usagetype": "EU-Request"}}},
  "terms": {"OnDemand": {"REQ": {"REQ.T": {"offerTermCode": "T", "sku": "REQ",
    "priceDimensions": {"REQ.T.R": {"rateCode": "REQ.T.R", "beginRange": "0",
      "endRange": "Inf", "unit": "Requests", "pricePerUnit": {"USD": "0.0000002500"}}}}}}}}"#,
    )
    .unwrap();
    let mut harness = harness();
    harness.run();
    harness.state_mut().price_list_picker = Some(serverless_explorer::app::PriceListPicker {
        paths: vec![offer],
        region: "us-east-1".to_owned(),
    });
    harness.run();
    // The region is asked for (the rates' own to begin with): pick the file's.
    assert!(harness.query_by_label("Price list region").is_some());
    harness.get_by_label("Built-in regions").click();
    harness.run();
    harness.get_by_label("eu-west-1 Europe (Ireland)").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    harness.run();
    let state = harness.state();
    assert_eq!(state.scenario.rates.region, "eu-west-1");
    assert_eq!(state.scenario.rates.lambda_request_usd_per_million, 0.25);
    assert!(
        harness
            .query_by_label("eu-west-1, rates as of 2026-03-01")
            .is_some()
    );
    // One undoable edit.
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().scenario.rates.region, "us-east-1");
}

#[test]
fn escape_closes_every_window_and_keys_wait_behind_it() {
    let mut harness = harness();
    harness.run();
    let origin = harness.state().origin.clone();
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.state().show_help);
    // The arrow keys do not change the preset behind the help.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().origin, origin);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().show_help);

    // The discard-changes question closes with Escape too, changing nothing.
    let mut edited = harness.state().scenario.clone();
    edited.workload.memory_mb = 2048;
    harness
        .state_mut()
        .push_command(serverless_explorer::command::Command::SetScenario(
            Box::new(edited),
        ));
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(harness.state().pending.is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    let state = harness.state();
    assert!(state.pending.is_none());
    assert_eq!(state.origin, origin);
    assert_eq!(state.scenario.workload.memory_mb, 2048);
}

#[test]
fn each_tour_step_starts_its_view_afresh() {
    use serverless_explorer::command::Command;
    let mut harness = harness();
    harness.run();
    // The scaling step: the playhead at the start, paused, even after playing to the end.
    harness.state_mut().push_command(Command::TourStep(2));
    harness.run();
    let scaling = &mut harness.state_mut().settings.views.scaling;
    scaling.t_s = 600.0;
    scaling.playing = true;
    harness.state_mut().push_command(Command::TourStep(3));
    harness.run();
    harness.state_mut().push_command(Command::TourStep(2));
    harness.run();
    let scaling = &harness.state().settings.views.scaling;
    assert_eq!(scaling.t_s, 0.0);
    assert!(!scaling.playing);

    // A cost step shows the top of the details, however far they were scrolled.
    harness.state_mut().push_command(Command::TourStep(6));
    harness.run();
    let title = "Monthly cost at this scenario's";
    let top = harness.get_by_label_contains(title).rect().top();
    harness
        .get_by_label_contains("Assumptions of the cost model")
        .scroll_to_me();
    harness.run();
    assert!(harness.get_by_label_contains(title).rect().top() < top - 10.0);
    harness.state_mut().push_command(Command::TourStep(5));
    harness.run();
    harness.state_mut().push_command(Command::TourStep(6));
    harness.run();
    harness.run();
    assert_eq!(harness.get_by_label_contains(title).rect().top(), top);
}

#[test]
fn without_a_file_dialog_a_typed_path_saves_and_opens() {
    use serverless_explorer::command::PathAction;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("typed.ron");
    let mut harness = harness();
    harness.run();
    harness
        .state_mut()
        .no_dialog(PathAction::SavePresetAs, "startup-rest-api.ron");
    harness.run();
    let banner = harness.state().banner.clone().unwrap();
    assert!(
        banner.error && banner.text.contains("No file dialog could open"),
        "{}",
        banner.text
    );
    let field = harness.get_by_label("Path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Path")
        .type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    harness.run();
    harness.run();
    assert!(target.exists());
    assert_eq!(harness.state().origin, Origin::File(target.clone()));
    assert!(harness.state().path_prompt.is_none());

    // Escape closes the window, changing nothing.
    harness.state_mut().no_dialog(PathAction::OpenPreset, "");
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().path_prompt.is_none());
}
