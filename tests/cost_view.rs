//! The cost view, driven through its accessible labels like a user would.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::model::cost::{self, format_cents};
use serverless_explorer::model::scenario::HostingModel;
use serverless_explorer::ui::cost::{CHART_NAME, CostView, scenario_marker_name};
use serverless_explorer::ui::theme::ThemeKind;

fn harness() -> Harness<'static, ExplorerApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_pixels_per_point(1.0)
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(ViewId::Cost),
                    theme: Some(ThemeKind::Light),
                    ..StartOptions::default()
                },
            )
        })
}

/// Whether some label contains `text`.
fn shows(harness: &Harness<'_, ExplorerApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn shows_the_four_totals_and_break_evens() {
    let mut harness = harness();
    harness.run();
    let scenario = harness.state().scenario.clone();
    let bills = cost::bills(&scenario);
    for model in HostingModel::ALL {
        let total = format_cents(bills.get(model).total_cents);
        assert!(shows(&harness, &total), "{model:?} total {total} not shown");
        assert!(
            harness
                .query_by_label(&CostView::card_label(model, bills.get(model).total_cents))
                .is_some()
        );
    }
    assert!(harness.query_by_label(CHART_NAME).is_some());
    let curves = cost::CostCurves::compute(&scenario);
    let first = curves
        .break_evens
        .iter()
        .find(|be| {
            be.cheaper_below == HostingModel::Lambda || be.cheaper_above == HostingModel::Lambda
        })
        .expect("the default scenario has a serverless break-even");
    // Each pair's summary starts with its first point's sentence.
    assert!(shows(&harness, &first.sentence()), "{}", first.sentence());
    assert!(
        harness
            .query_by_label("This scenario: 3 M requests/month")
            .is_some()
    );
}

#[test]
fn clicking_a_card_itemises_its_bill() {
    let mut harness = harness();
    harness.run();
    assert_eq!(
        harness.state().settings.views.cost.breakdown,
        HostingModel::Lambda
    );
    // Lambda's bill is itemised by default, with AWS's line names.
    assert!(shows(&harness, "Compute (duration)"));
    let bills = cost::bills(&harness.state().scenario);
    harness
        .get_by_label(&CostView::card_label(
            HostingModel::Vm,
            bills.vm.total_cents,
        ))
        .click();
    harness.run();
    assert_eq!(
        harness.state().settings.views.cost.breakdown,
        HostingModel::Vm
    );
    assert!(shows(&harness, "EC2 instances"));
    assert!(!shows(&harness, "Compute (duration)"));
}

#[test]
fn another_scenario_changes_the_numbers() {
    let mut harness = harness();
    harness.run();
    let before = cost::bills(&harness.state().scenario);
    let old_total = format_cents(before.lambda.total);
    assert!(shows(&harness, &old_total));

    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("presets")
        .join("steady-high-throughput.ron");
    harness.state_mut().open_file(&path);
    harness.run();
    let after = cost::bills(&harness.state().scenario);
    assert_ne!(before.lambda.total, after.lambda.total);
    let new_total = format_cents(after.lambda.total);
    assert!(shows(&harness, &new_total), "{new_total} not shown");
    assert!(!shows(&harness, &old_total), "{old_total} still shown");
    let marker = scenario_marker_name(after.requests_per_month);
    assert!(
        harness.query_by_label(&marker).is_some(),
        "{marker} not shown"
    );
}

#[test]
fn volume_slider_edits_the_scenario() {
    let mut harness = harness();
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "requests per month")
        .set_value_accesskit(50_000_000.0);
    harness.run();
    let scenario = &harness.state().scenario;
    assert_eq!(scenario.workload.requests_per_month, 50_000_000);
    let bills = cost::bills(scenario);
    assert!(
        harness
            .query_by_label(&scenario_marker_name(50_000_000))
            .is_some()
    );
    assert!(shows(&harness, &format_cents(bills.lambda.total)));
}

#[test]
fn cost_view_snapshot() {
    if std::env::var_os("SKIP_SNAPSHOTS").is_some() {
        return;
    }
    let mut harness = harness();
    harness.run();
    harness.snapshot("cost_view");
}

#[test]
fn a_savings_plan_is_chosen_in_the_view_and_moves_the_break_even() {
    let mut harness = harness();
    harness.state_mut().scenario = serverless_explorer::presets::built_in("steady-high-throughput")
        .map(|(_, s)| s)
        .expect("built in");
    harness.run();
    let before = cost::CostCurves::compute(&harness.state().scenario);
    // The overlay toggle does nothing until a model is bought ahead.
    assert!(
        harness
            .get_by_label("Show on-demand curves")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Virtual machines bought as").click();
    harness.run();
    harness.get_by_label("3-year plan").click();
    harness.run();
    let scenario = harness.state().scenario.clone();
    assert_eq!(
        scenario.vm.purchase,
        serverless_explorer::model::scenario::Purchase::SavingsPlan3y
    );
    let after = cost::CostCurves::compute(&scenario);
    let first = |curves: &cost::CostCurves| {
        curves
            .break_evens_between(HostingModel::Vm, HostingModel::Lambda)
            .next()
            .map(|b| b.requests_per_month)
            .expect("VMs and serverless cross")
    };
    assert!(first(&after) < first(&before) * 0.6);
    // The sentence saying why, and the overlay on by default.
    assert!(shows(&harness, "break-even with serverless moves to"));
    assert!(
        !harness
            .get_by_label("Show on-demand curves")
            .accesskit_node()
            .is_disabled()
    );
    assert!(harness.state().settings.views.cost.show_on_demand);
    harness.get_by_label("Show on-demand curves").click();
    harness.run();
    assert!(!harness.state().settings.views.cost.show_on_demand);
}

#[test]
fn the_memory_sweep_marks_its_sizes_and_a_button_sets_the_memory() {
    let mut harness = harness();
    harness.run();
    let sweep =
        serverless_explorer::model::memory_sweep::MemorySweep::of(&harness.state().scenario);
    let label = format!("Use {} MB (cheapest)", sweep.cheapest.memory_mb);
    assert!(shows(&harness, "Memory sweep"));
    // The sweep sits under the totals and break-even points: scroll to it first.
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    harness.get_by_label(&label).click();
    harness.run();
    let scenario = &harness.state().scenario;
    assert_eq!(scenario.workload.memory_mb, sweep.cheapest.memory_mb);
    assert!((scenario.workload.avg_duration_ms - sweep.cheapest.duration_ms).abs() < 0.001);
}
