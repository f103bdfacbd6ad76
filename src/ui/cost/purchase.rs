//! How capacity is bought, chosen in the cost view itself: on demand, a 1- or 3-year Savings Plan
//! (and what its commitment is sized to) or Spot for each cloud model, and the toggle that
//! overlays the on-demand curves. On a slide the choices are named instead.

use egui::RichText;

use crate::command::Command;
use crate::derived::Derived;
use crate::model::cost::{SPOT_WARNING, purchase_label};
use crate::model::scenario::{CommitTo, HostingModel, Purchase, SavingsPlanKind, Scenario, Term};
use crate::ui::theme::Theme;

/// A combo box of `options` with the accessible name `name` (also its id), returning the picked
/// one when it changed.
fn pick<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    current: T,
    options: &[T],
    text: impl Fn(T) -> &'static str,
    tip: &str,
) -> Option<T> {
    let mut value = current;
    egui::ComboBox::from_id_salt(name)
        .selected_text(text(current))
        .show_ui(ui, |ui| {
            for &option in options {
                ui.selectable_value(&mut value, option, text(option));
            }
        })
        .response
        .accessible_name(name)
        .on_hover_text(tip);
    (value != current).then_some(value)
}

/// The purchase choices of the three cloud models, edited in the row and written back into the
/// scenario only when one changed.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Choices {
    vm_purchase: Purchase,
    vm_kind: SavingsPlanKind,
    vm_commit_to: CommitTo,
    containers_purchase: Purchase,
    containers_commit_to: CommitTo,
    lambda_plan: Option<Term>,
    lambda_commit_to: CommitTo,
}

impl Choices {
    fn of(s: &Scenario) -> Self {
        Self {
            vm_purchase: s.vm.purchase,
            vm_kind: s.vm.savings_plan_kind,
            vm_commit_to: s.vm.commit_to,
            containers_purchase: s.containers.purchase,
            containers_commit_to: s.containers.commit_to,
            lambda_plan: s.lambda.savings_plan,
            lambda_commit_to: s.lambda.commit_to,
        }
    }

    /// The scenario with these choices.
    fn applied_to(self, s: &Scenario) -> Scenario {
        let mut s = s.clone();
        s.vm.purchase = self.vm_purchase;
        s.vm.savings_plan_kind = self.vm_kind;
        s.vm.commit_to = self.vm_commit_to;
        s.containers.purchase = self.containers_purchase;
        s.containers.commit_to = self.containers_commit_to;
        s.lambda.savings_plan = self.lambda_plan;
        s.lambda.commit_to = self.lambda_commit_to;
        s
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
    let before = Choices::of(scenario);
    let mut edited = before;
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
            vm_row(ui, &mut edited);
            ui.separator();
            containers_row(ui, &mut edited);
            ui.separator();
            lambda_row(ui, &mut edited);
            ui.separator();
            toggle(ui, show_on_demand);
        });
    } else {
        ui.horizontal(|ui| {
            ui.label("Bought as:").on_hover_text(PURCHASE_TIP);
            vm_row(ui, &mut edited);
        });
        ui.horizontal(|ui| containers_row(ui, &mut edited));
        ui.horizontal(|ui| {
            lambda_row(ui, &mut edited);
            ui.separator();
            toggle(ui, show_on_demand);
        });
    }
    // The scenario is copied only when a choice changed, not in every frame.
    if edited != before {
        let edited = edited.applied_to(scenario);
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
fn vm_row(ui: &mut egui::Ui, choices: &mut Choices) {
    ui.label("VMs");
    if let Some(p) = pick(
        ui,
        "Virtual machines bought as",
        choices.vm_purchase,
        &Purchase::ALL,
        purchase_text,
        PURCHASE_TIP,
    ) {
        choices.vm_purchase = p;
    }
    if choices.vm_purchase.term().is_some() {
        if let Some(k) = pick(
            ui,
            "Virtual machines' Savings Plan",
            choices.vm_kind,
            &SavingsPlanKind::ALL,
            kind_text,
            "An EC2 Instance Savings Plan is tied to one instance family in one region and \
             takes more off; a Compute Savings Plan follows you across families, regions, \
             Fargate and Lambda",
        ) {
            choices.vm_kind = k;
        }
        if let Some(c) = pick(
            ui,
            "Virtual machines' commitment sized",
            choices.vm_commit_to,
            &CommitTo::ALL,
            commit_text,
            COMMIT_TIP,
        ) {
            choices.vm_commit_to = c;
        }
    }
}

/// The containers' purchase and commitment.
fn containers_row(ui: &mut egui::Ui, choices: &mut Choices) {
    ui.label(HostingModel::Containers.label());
    if let Some(p) = pick(
        ui,
        "Containers bought as",
        choices.containers_purchase,
        &Purchase::ALL,
        purchase_text,
        PURCHASE_TIP,
    ) {
        choices.containers_purchase = p;
    }
    if choices.containers_purchase.term().is_some()
        && let Some(to) = pick(
            ui,
            "Containers' commitment sized",
            choices.containers_commit_to,
            &CommitTo::ALL,
            commit_text,
            COMMIT_TIP,
        )
    {
        choices.containers_commit_to = to;
    }
}

/// Lambda's Savings Plan and commitment.
fn lambda_row(ui: &mut egui::Ui, choices: &mut Choices) {
    ui.label(HostingModel::Lambda.label());
    let plans = [None, Some(Term::OneYear), Some(Term::ThreeYear)];
    if let Some(p) = pick(
        ui,
        "Serverless Savings Plan",
        choices.lambda_plan,
        &plans,
        lambda_plan_text,
        "A Compute Savings Plan takes a share off Lambda's duration, INIT and provisioned \
         concurrency (AWS: up to 17%), never off requests",
    ) {
        choices.lambda_plan = p;
    }
    if choices.lambda_plan.is_some()
        && let Some(to) = pick(
            ui,
            "Serverless commitment sized",
            choices.lambda_commit_to,
            &CommitTo::ALL,
            commit_text,
            COMMIT_TIP,
        )
    {
        choices.lambda_commit_to = to;
    }
}
