//! The quick controls above the cold-start view (runtime, SnapStart, provisioned concurrency, a
//! runtime to compare with), and on a slide the one line of text that replaces them.

use egui::{RichText, Ui};

use crate::command::Command;
use crate::model::format::group;
use crate::model::runtime::INIT_SOURCE;
use crate::model::scenario::{HOURS_PER_MONTH, Runtime, Scenario};

/// The quick controls of the lesson: runtime, SnapStart, provisioned concurrency, and a
/// runtime to compare with (`compare`, the view's own setting). The scenario editor has them
/// too, with everything else.
pub(super) fn controls_ui(
    ui: &mut Ui,
    compare: &mut Option<Runtime>,
    scenario: &Scenario,
    commands: &mut Vec<Command>,
) {
    let cs = &scenario.cold_start;
    let (architecture, package) = (scenario.workload.architecture, cs.package_type);
    ui.horizontal_wrapped(|ui| {
        let mut runtime = cs.runtime;
        // The label before its box, as everywhere else in the app.
        ui.label("Runtime");
        egui::ComboBox::from_id_salt("cold_start_runtime")
            .selected_text(runtime.label())
            // Tall enough for every runtime without scrolling.
            .height(600.0)
            .show_ui(ui, |ui| {
                for r in Runtime::ALL {
                    ui.selectable_value(&mut runtime, r, r.label())
                        .on_hover_text(format!(
                            "{}: {} ms runtime init for a hello-world function ({INIT_SOURCE})",
                            r.label(),
                            r.init_ms(architecture, package)
                        ));
                }
            })
            .response
            .accessible_name("Runtime")
            .on_hover_text(
                "The function's runtime. Its measured init is the floor of every cold start",
            );
        if runtime != cs.runtime {
            let mut edited = scenario.clone();
            edited.cold_start.runtime = runtime;
            commands.push(Command::SetScenario(Box::new(edited)));
        }

        let supported = cs.runtime.supports_snapstart();
        let mut snapstart = cs.snapstart && supported;
        let response = ui
            .add_enabled(supported, egui::Checkbox::new(&mut snapstart, "SnapStart"))
            .on_hover_text(format!(
                "Restore a snapshot of an initialised environment ({} ms here; 600–1,000 ms \
                 measured) instead of running the runtime's and your init. It pays off when \
                 init takes seconds",
                group(cs.snapstart_restore_ms, 0)
            ))
            .on_disabled_hover_text(
                "SnapStart is modelled for Java 17 and Java 21 only: pick a Java runtime to \
                 try it",
            );
        if response.changed() {
            let mut edited = scenario.clone();
            edited.cold_start.snapstart = snapstart;
            commands.push(Command::SetScenario(Box::new(edited)));
        }

        provisioned_ui(ui, scenario, commands);
        ui.separator();
        compare_ui(ui, compare, cs.runtime);
    });
}

/// The "Compare with" combo box.
fn compare_ui(ui: &mut Ui, compare: &mut Option<Runtime>, current: Runtime) {
    let shown = compare.filter(|&r| r != current);
    ui.label("Compare with");
    egui::ComboBox::from_id_salt("cold_start_compare")
        .selected_text(shown.map_or("None", Runtime::label))
        .height(600.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(compare, None, "None");
            for r in Runtime::ALL.into_iter().filter(|&r| r != current) {
                ui.selectable_value(compare, Some(r), r.label());
            }
        })
        .response
        .accessible_name("Compare with")
        .on_hover_text(
            "Simulate the same scenario with another runtime, all else equal, and draw it \
             below: same requests, different init",
        );
}

/// The provisioned-concurrency drag value.
fn provisioned_ui(ui: &mut Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
    let lambda = &scenario.lambda;
    let limit = lambda
        .reserved_concurrency
        .unwrap_or(lambda.account_concurrency_limit);
    let mut provisioned = lambda.provisioned_concurrency;
    let label = ui.label("Provisioned concurrency");
    let response = ui
        .add(
            egui::DragValue::new(&mut provisioned)
                .range(0..=limit)
                .speed(0.1)
                .suffix(" environments"),
        )
        .labelled_by(label.id)
        .on_hover_text(format!(
            "Environments kept initialised in advance: requests they serve are never cold. \
             Billed while enabled; turning it on here enables it all month ({HOURS_PER_MONTH} h) \
             unless the editor sets fewer hours. At most the concurrency limit ({})",
            group(f64::from(limit), 0)
        ));
    if response.changed() && provisioned != lambda.provisioned_concurrency {
        let mut edited = scenario.clone();
        edited.lambda.provisioned_concurrency = provisioned;
        if provisioned > 0 && edited.lambda.provisioned_hours_per_month <= 0.0 {
            // Provisioned concurrency with no hours enabled would cost nothing on the bill.
            edited.lambda.provisioned_hours_per_month = HOURS_PER_MONTH;
        }
        commands.push(Command::SetScenario(Box::new(edited)));
    }
}

/// On a slide, the settings the quick controls would show, as one line of text.
pub(super) fn settings_line_ui(ui: &mut Ui, scenario: &Scenario) {
    let cs = &scenario.cold_start;
    let snapstart = if !cs.runtime.supports_snapstart() {
        "SnapStart not available"
    } else if cs.snapstart {
        "SnapStart on"
    } else {
        "SnapStart off"
    };
    let provisioned = match scenario.lambda.provisioned_concurrency {
        0 => "no provisioned concurrency".to_owned(),
        1 => "1 provisioned environment".to_owned(),
        n => format!("{} provisioned environments", group(f64::from(n), 0)),
    };
    ui.label(
        RichText::new(format!(
            "Runtime {} · {snapstart} · {provisioned}",
            cs.runtime.label()
        ))
        .strong(),
    );
}
