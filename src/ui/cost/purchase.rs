//! How capacity is bought, chosen in the cost view itself: on demand, a 1- or 3-year Savings Plan
//! (and what its commitment is sized to) or Spot for each cloud model, and the toggle that
//! overlays the on-demand curves. On a slide the choices are named instead.

use egui::RichText;

use crate::command::Command;
use crate::derived::Derived;
use crate::model::cost::{SPOT_WARNING, purchase_label};
use crate::model::scenario::{
    CommitTo, ContainerSettings, HostingModel, LambdaSettings, Purchase, SavingsPlanKind, Scenario,
    Term, VmSettings,
};
use crate::ui::theme::Theme;

/// A combo box of `options` named `id`'s accessible name, returning the picked one when it
/// changed.
fn pick<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    current: T,
    options: &[T],
    text: impl Fn(T) -> &'static str,
    tip: &str,
) -> Option<T> {
    let mut value = current;
    egui::ComboBox::from_id_salt(id)
        .selected_text(text(current))
        .show_ui(ui, |ui| {
            for &option in options {
                ui.selectable_value(&mut value, option, text(option));
            }
        })
        .response
        .accessible_name(accessible_name(id))
        .on_hover_text(tip);
    (value != current).then_some(value)
}

/// What a screen reader (and a test) calls each combo box.
fn accessible_name(id: &str) -> &'static str {
    match id {
        "vm_purchase" => "Virtual machines bought as",
        "vm_plan_kind" => "Virtual machines' Savings Plan",
        "vm_commit_to" => "Virtual machines' commitment sized",
        "containers_purchase" => "Containers bought as",
        "containers_commit_to" => "Containers' commitment sized",
        "lambda_savings_plan" => "Serverless Savings Plan",
        "lambda_commit_to" => "Serverless commitment sized",
        _ => "Purchase option",
    }
}

/// Width of the purchase choices on one row with every plan chosen, at text scale 1, points.
const ONE_ROW_WIDTH: f32 = 1_120.0;

const PURCHASE_TIP: &str = "How the capacity is bought. A Savings Plan commits to an hourly spend \
     for 1 or 3 years (no upfront) at a lower rate, paid whether or not it is used; Spot is spare \
     capacity at a lower price that AWS can take back with two minutes' notice.";

const COMMIT_TIP: &str = "What the plan's hourly commitment is sized to: the floor that always \
     runs, the month's average (all of it covered) or the busiest hour (covered at the peak, idle \
     and still paid for the rest of the month).";

fn commit_text(commit_to: CommitTo) -> &'static str {
    match commit_to {
        CommitTo::Minimum => "to the minimum",
        CommitTo::Average => "to the average",
        CommitTo::Peak => "to the peak",
    }
}

fn purchase_text(purchase: Purchase) -> &'static str {
    match purchase {
        Purchase::OnDemand => "On demand",
        Purchase::SavingsPlan1y => "1-year plan",
        Purchase::SavingsPlan3y => "3-year plan",
        Purchase::Spot => "Spot",
    }
}

fn kind_text(kind: SavingsPlanKind) -> &'static str {
    match kind {
        SavingsPlanKind::Ec2Instance => "EC2 Instance",
        SavingsPlanKind::Compute => "Compute",
    }
}

fn lambda_plan_text(plan: Option<Term>) -> &'static str {
    match plan {
        None => "On demand",
        Some(Term::OneYear) => "1-year plan",
        Some(Term::ThreeYear) => "3-year plan",
    }
}

/// On a slide: how each cloud model is bought, in one line, when any is bought ahead.
pub(super) fn purchase_summary_ui(ui: &mut egui::Ui, scenario: &Scenario) {
    if !scenario.buys_ahead() {
        return;
    }
    let parts: Vec<String> = [
        HostingModel::Vm,
        HostingModel::Containers,
        HostingModel::Lambda,
    ]
    .iter()
    .map(|&model| format!("{}: {}", model.label(), purchase_label(scenario, model)))
    .collect();
    ui.label(format!("Bought as: {}", parts.join(" · ")));
}

/// One combo per cloud model (and, for a plan, what its commitment is sized to), then the
/// overlay toggle, on rows above the chart.
pub(super) fn purchase_ui(
    ui: &mut egui::Ui,
    (scenario, derived): (&Scenario, &Derived),
    theme: &Theme,
    (commands, show_on_demand): (&mut Vec<Command>, &mut bool),
) {
    let mut edited = scenario.clone();
    let toggle = |ui: &mut egui::Ui, show_on_demand: &mut bool| {
        ui.add_enabled(
            derived.on_demand_curves.is_some(),
            egui::Checkbox::new(show_on_demand, "Show on-demand curves"),
        )
        .on_hover_text(
            "Overlay, faint and dashed, the cost of the models bought ahead as if bought on \
             demand, to see how the commitment moves the break-even points",
        )
        .on_disabled_hover_text("Choose a Savings Plan or Spot for a model first");
    };
    // One row where it fits; otherwise a row per model, so a model's name never wraps away
    // from its choices.
    if ui.available_width() >= ONE_ROW_WIDTH * theme.text_scale {
        ui.horizontal(|ui| {
            ui.label("Bought as:").on_hover_text(PURCHASE_TIP);
            vm_row(ui, &mut edited.vm);
            ui.separator();
            containers_row(ui, &mut edited.containers);
            ui.separator();
            lambda_row(ui, &mut edited.lambda);
            ui.separator();
            toggle(ui, show_on_demand);
        });
    } else {
        ui.horizontal(|ui| {
            ui.label("Bought as:").on_hover_text(PURCHASE_TIP);
            vm_row(ui, &mut edited.vm);
        });
        ui.horizontal(|ui| containers_row(ui, &mut edited.containers));
        ui.horizontal(|ui| {
            lambda_row(ui, &mut edited.lambda);
            ui.separator();
            toggle(ui, show_on_demand);
        });
    }
    if edited != *scenario {
        match edited.validate() {
            Ok(()) => commands.push(Command::SetScenario(Box::new(edited))),
            Err(error) => commands.push(Command::Error(format!("Not changed: {error}"))),
        }
    }
    if scenario.vm.purchase == Purchase::Spot || scenario.containers.purchase == Purchase::Spot {
        ui.add(egui::Label::new(RichText::new(SPOT_WARNING).color(theme.weak_text)).wrap());
    }
}

/// The virtual machines' purchase, plan kind and commitment.
fn vm_row(ui: &mut egui::Ui, vm: &mut VmSettings) {
    ui.label("VMs");
    if let Some(p) = pick(
        ui,
        "vm_purchase",
        vm.purchase,
        &Purchase::ALL,
        purchase_text,
        PURCHASE_TIP,
    ) {
        vm.purchase = p;
    }
    if vm.purchase.term().is_some() {
        if let Some(k) = pick(
            ui,
            "vm_plan_kind",
            vm.savings_plan_kind,
            &SavingsPlanKind::ALL,
            kind_text,
            "An EC2 Instance Savings Plan is tied to one instance family in one region and \
             takes more off; a Compute Savings Plan follows you across families, regions, \
             Fargate and Lambda",
        ) {
            vm.savings_plan_kind = k;
        }
        if let Some(c) = pick(
            ui,
            "vm_commit_to",
            vm.commit_to,
            &CommitTo::ALL,
            commit_text,
            COMMIT_TIP,
        ) {
            vm.commit_to = c;
        }
    }
}

/// The containers' purchase and commitment.
fn containers_row(ui: &mut egui::Ui, c: &mut ContainerSettings) {
    ui.label(HostingModel::Containers.label());
    if let Some(p) = pick(
        ui,
        "containers_purchase",
        c.purchase,
        &Purchase::ALL,
        purchase_text,
        PURCHASE_TIP,
    ) {
        c.purchase = p;
    }
    if c.purchase.term().is_some()
        && let Some(to) = pick(
            ui,
            "containers_commit_to",
            c.commit_to,
            &CommitTo::ALL,
            commit_text,
            COMMIT_TIP,
        )
    {
        c.commit_to = to;
    }
}

/// Lambda's Savings Plan and commitment.
fn lambda_row(ui: &mut egui::Ui, l: &mut LambdaSettings) {
    ui.label(HostingModel::Lambda.label());
    let plans = [None, Some(Term::OneYear), Some(Term::ThreeYear)];
    if let Some(p) = pick(
        ui,
        "lambda_savings_plan",
        l.savings_plan,
        &plans,
        lambda_plan_text,
        "A Compute Savings Plan takes a share off Lambda's duration, INIT and provisioned \
         concurrency (AWS: up to 17%), never off requests",
    ) {
        l.savings_plan = p;
    }
    if l.savings_plan.is_some()
        && let Some(to) = pick(
            ui,
            "lambda_commit_to",
            l.commit_to,
            &CommitTo::ALL,
            commit_text,
            COMMIT_TIP,
        )
    {
        l.commit_to = to;
    }
}
