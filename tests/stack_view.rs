//! The "who owns what" view, driven through its accessible labels like a user would.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::derived::Derived;
use serverless_explorer::model::scenario::HostingModel;
use serverless_explorer::presets;
use serverless_explorer::ui::theme::{Theme, ThemeKind};
use serverless_explorer::ui::view::{Views, slide_ui};

fn harness() -> Harness<'static, ExplorerApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(ViewId::Stack),
                    theme: Some(ThemeKind::Light),
                    ..StartOptions::default()
                },
            )
        })
}

#[test]
fn serverless_toggle_hands_layers_to_aws() {
    let mut harness = harness();
    harness.run();
    assert!(
        harness
            .query_by_label("Host OS patching in On-premises: You")
            .is_some()
    );
    assert!(harness.query_by_label("You manage 7 of 7 layers").is_some());

    harness.get_by_label("Serverless").click();
    harness.run();
    assert_eq!(
        harness.state().settings.views.stack.primary,
        HostingModel::Lambda
    );
    assert!(
        harness
            .query_by_label("Host OS patching in Serverless: AWS")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Data centre and hardware in Serverless: AWS")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Application code and logic in Serverless: You")
            .is_some()
    );
    assert!(harness.query_by_label("You manage 2 of 7 layers").is_some());
    assert!(
        harness
            .query_by_label("Host OS patching in On-premises: You")
            .is_none()
    );
}

#[test]
fn keys_one_to_four_switch_models() {
    let mut harness = harness();
    harness.run();
    harness.key_press(egui::Key::Num2);
    harness.run();
    assert_eq!(
        harness.state().settings.views.stack.primary,
        HostingModel::Vm
    );
    harness.key_press(egui::Key::Num3);
    harness.run();
    assert_eq!(
        harness.state().settings.views.stack.primary,
        HostingModel::Containers
    );
    assert!(
        harness
            .query_by_label("High availability in Containers: Shared")
            .is_some()
    );
}

#[test]
fn fargate_variant_changes_host_os_owner() {
    let mut harness = harness();
    harness.run();
    harness.key_press(egui::Key::Num3);
    harness.run();
    assert!(
        harness
            .query_by_label("Host OS patching in Containers: AWS")
            .is_some()
    );
    harness.get_by_label("Containers on Fargate").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Host OS patching in Containers: You")
            .is_some()
    );
}

#[test]
fn clicking_a_layer_explains_its_chores() {
    let mut harness = harness();
    harness.run();
    harness
        .get_by_label("Host OS patching in On-premises: You")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Patch a kernel CVE")
            .is_some()
    );
}

#[test]
fn stack_view_snapshot() {
    if std::env::var_os("SKIP_SNAPSHOTS").is_some() {
        return;
    }
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Compare two").click();
    harness.run();
    harness
        .get_by_label("Host OS patching in On-premises: You")
        .click();
    harness.run_steps(60);
    harness.snapshot("stack_view");
}

#[test]
fn a_slide_lists_the_layers_that_change_hands_instead_of_hints() {
    let (_, scenario) = presets::default_scenario();
    let derived = Derived::compute(&scenario);
    let views = Views::for_slide(&derived);
    let theme = Theme::new(ThemeKind::Light);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(
            |ui, views: &mut Views| {
                slide_ui(ui, ViewId::Stack, views, (&scenario, &derived), &theme);
            },
            views,
        );
    harness.run();
    assert!(
        harness
            .query_by_label("From on-premises to serverless: 5 of 7 layers change hands")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Host OS patching: from You to AWS")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Point at").is_none());
    assert!(harness.query_by_label_contains("buttons above").is_none());
}

#[test]
fn the_serverless_column_names_its_trigger_at_1024_by_768_in_the_projector_theme() {
    use serverless_explorer::model::origin::Origin;
    use serverless_explorer::model::scenario::Trigger;
    let (_, mut scenario) = presets::default_scenario();
    scenario.workload.trigger = Trigger::Queue {
        max_concurrency: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_eframe(move |cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(ViewId::Stack),
                    theme: Some(ThemeKind::Projector),
                    scenario: Some((Origin::Clipboard, scenario)),
                    ..StartOptions::default()
                },
            )
        });
    // The editor closed, as when presenting: the two columns take the window's width.
    harness.state_mut().settings.show_editor = false;
    harness.run();
    harness.get_by_label("Compare two").click();
    harness.run_steps(60);
    let label = harness.get_by_label("Triggered by Amazon SQS (event source mapping)");
    let bounds = label.rect();
    assert!(
        bounds.max.x <= 1024.0 && bounds.max.y <= 768.0,
        "{bounds:?}"
    );
    // Only the serverless column says what triggers it.
    assert_eq!(
        harness.query_all_by_label_contains("Triggered by").count(),
        1
    );
    if std::env::var_os("SKIP_SNAPSHOTS").is_none() {
        harness.snapshot("stack_view_sqs_projector_1024");
    }
}
