//! The window as a whole: presentation mode, keyboard shortcuts, the guided tour, undo and redo,
//! reverting, and pasting a preset.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serverless_explorer::app::{ExplorerApp, Pending, StartOptions, ViewId};
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
        .push_command(serverless_explorer::app::Command::SetScenario(Box::new(
            edited,
        )));
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
        .push_command(serverless_explorer::app::Command::Revert);
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
        .push_command(serverless_explorer::app::Command::SetScenario(Box::new(
            edited,
        )));
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
