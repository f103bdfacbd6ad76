//! One model's bill line by line: each line with its arithmetic in words, the total, the notes,
//! and the date and source of the rates.

use egui::{Align, Layout, RichText};

use super::cards::swatch;
use crate::derived::Derived;
use crate::model::cost::{Bill, format_cents, format_requests};
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::theme::Theme;

/// The bill of `model` (the card chosen above): lines with their arithmetic in words, total and
/// notes.
pub(super) fn bill_ui(
    ui: &mut egui::Ui,
    model: HostingModel,
    scenario: &Scenario,
    derived: &Derived,
    theme: &Theme,
) {
    let bill: &Bill = derived.bills.get(model);
    ui.horizontal_wrapped(|ui| {
        swatch(ui, theme.model(model), theme);
        ui.label(
            RichText::new(format!(
                "{} ({}) bill at {} requests a month",
                model.label(),
                model.service(),
                format_requests(bill.requests_per_month as f64)
            ))
            .font(theme.font(20.0))
            .strong(),
        );
    });
    let rounding = if model == HostingModel::Lambda {
        "Each line is rounded half-up to the cent and the total is the sum of the rounded \
         lines, exactly as AWS bills Lambda."
    } else {
        "Each line is rounded half-up to the cent; the total is the sum of the rounded lines."
    };
    ui.label(RichText::new(rounding).color(theme.weak_text));
    ui.add_space(6.0);
    for line in &bill.lines {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&line.label).strong());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(RichText::new(format_cents(line.cents)).strong());
            });
        });
        ui.add(egui::Label::new(RichText::new(&line.detail).color(theme.weak_text).small()).wrap());
        ui.add_space(4.0);
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Total per month")
                .font(theme.font(20.0))
                .strong(),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(
                RichText::new(format_cents(bill.total_cents))
                    .font(theme.font(20.0))
                    .strong(),
            )
            .on_hover_text("The sum of the rounded lines above");
        });
    });
    if !bill.notes.is_empty() {
        ui.add_space(4.0);
        for note in &bill.notes {
            ui.add(
                egui::Label::new(RichText::new(format!("• {note}")).color(theme.weak_text)).wrap(),
            );
        }
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!(
            "{}, rates as of {}: USD, {}",
            scenario.rates.region,
            scenario.rates.as_of,
            if scenario.buys_ahead() {
                "Savings Plans or Spot where chosen"
            } else {
                "on demand"
            }
        ))
        .color(theme.weak_text),
    )
    .on_hover_text(format!(
        "Source: {}\nEvery rate can be edited in the scenario.",
        scenario.rates.source
    ));
}
