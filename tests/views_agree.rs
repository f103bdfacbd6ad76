//! One scenario, one set of facts: for every shipped preset the window's views are read through
//! their accessible labels, as a screen reader would, and compared with each other and with
//! `report`: the requests the scaling view served and dropped, the requests the cold-start view
//! counted, and the monthly totals of the cost view.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::{Command, ViewId};
use serverless_explorer::derived::Derived;
use serverless_explorer::model::cost::format_cents;
use serverless_explorer::model::scenario::{HostingModel, Scenario};
use serverless_explorer::ui::theme::ThemeKind;

fn harness() -> Harness<'static, ExplorerApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
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

/// The accessible label of the one node whose label contains `part`.
fn label_with(harness: &Harness<'_, ExplorerApp>, part: &str) -> String {
    let node = harness.get_by_label_contains(part);
    let node = node.accesskit_node();
    // A label's text is its value; a widget's name is its label.
    node.label()
        .filter(|label| !label.is_empty())
        .or_else(|| node.value())
        .unwrap_or_default()
}

/// The whole count after `before` in `text`: "served 4,968 batches" gives 4968.
fn count_after(text: &str, before: &str) -> f64 {
    let rest = text
        .split_once(before)
        .map_or_else(|| panic!("no {before:?} in {text:?}"), |(_, rest)| rest);
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no count after {before:?} in {text:?}"))
}

fn show(harness: &mut Harness<'_, ExplorerApp>, scenario: &Scenario, view: ViewId) {
    let state = harness.state_mut();
    state.push_command(Command::SetScenario(Box::new(scenario.clone())));
    state.push_command(Command::ShowView(view));
    harness.run();
}

#[test]
fn every_view_and_the_report_count_the_same_facts() {
    let mut harness = harness();
    harness.run();
    for (built_in, scenario) in serverless_explorer::presets::all_built_ins() {
        let id = built_in.id;
        let derived = Derived::compute(&scenario);
        let json = serverless_explorer::report::to_json(&scenario, &derived);
        let noun = scenario.workload.trigger.work_noun();

        // Scaling view against report: each model's served (and, under HTTP, dropped) work.
        show(&mut harness, &scenario, ViewId::Scaling);
        for model in HostingModel::ALL {
            let row = label_with(&harness, &format!("{}: served ", model.label()));
            let report = &json["scaling"][model.key()];
            let served = report["served_requests"].as_f64().unwrap();
            assert_eq!(
                count_after(&row, "served "),
                served,
                "{id} {model:?}: {row}"
            );
            if !scenario.workload.trigger.keeps_work() {
                let dropped = report["dropped_requests"].as_f64().unwrap();
                assert_eq!(
                    count_after(&row, "dropped "),
                    dropped,
                    "{id} {model:?}: {row}"
                );
            }
            // Served, dropped and still waiting add up to what every other model was offered.
            let offered = report["offered_requests"].as_f64().unwrap();
            assert_eq!(
                offered, json["scaling"]["lambda"]["offered_requests"],
                "{id} {model:?}"
            );
        }

        // Cold-start view against report and against the scaling view: the same requests.
        show(&mut harness, &scenario, ViewId::ColdStart);
        let cold = label_with(&harness, &format!("of {noun} were cold ("));
        let report = &json["cold_start"];
        let served = count_after(&cold, " of ");
        let requests = report["requests"].as_f64().unwrap();
        let throttled = report["throttled"].as_f64().unwrap().round();
        assert_eq!(served, requests - throttled, "{id}: {cold}");
        let offered = json["scaling"]["lambda"]["offered_requests"]
            .as_f64()
            .unwrap();
        assert_eq!(requests, offered, "{id}: cold-start view and scaling view");
        // Where the timeline is the whole scenario, the view names the scaling view's most
        // environments at once beside its own count, so the two never stand unexplained.
        if report["method"] == "exact" && !derived.cold_start.timeline.truncated {
            let line = label_with(&harness, "Environments: ");
            let most = json["scaling"]["lambda"]["peak_capacity"].as_f64().unwrap();
            assert_eq!(count_after(&line, "has at most "), most, "{id}: {line}");
        }

        // Cost view against report: each model's monthly total, to the cent.
        show(&mut harness, &scenario, ViewId::Cost);
        for model in HostingModel::ALL {
            let card = label_with(&harness, &format!("{}: $", model.label()));
            let total = json["cost"][model.key()]["total_usd"].as_f64().unwrap();
            let cents = (total * 100.0).round() as i64;
            assert_eq!(
                card,
                format!("{}: {} a month", model.label(), format_cents(cents)),
                "{id} {model:?}"
            );
        }
    }
}
