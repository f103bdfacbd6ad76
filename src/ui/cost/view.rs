//! The view state of the cost view and its `ui`: the volume slider and CSV export (on a slide,
//! the volume as text), then the chart with its readout beside or above the details (headline
//! cards, break-even points, one bill, the assumptions), whichever the width allows.

use egui::{RichText, TextStyle, vec2};
use serde::{Deserialize, Serialize};

use super::bill::bill_ui;
use super::break_even::break_evens_ui;
use super::cards::{card_label, headline_ui};
use super::chart::chart_ui;
use super::memory_sweep::memory_sweep_ui;
use super::purchase::{purchase_summary_ui, purchase_ui};
use super::readout::readout_ui;
use crate::command::Command;
use crate::derived::Derived;
use crate::model::cost::{self, ASSUMPTIONS, format_requests};
use crate::model::scenario::{HostingModel, Scenario, work_unit_sentence};
use crate::ui::slide::{LeftOut, scroll_unless_slide};
use crate::ui::theme::Theme;

/// The largest monthly volume a scenario accepts (`workload.requests_per_month`).
const MAX_REQUESTS_PER_MONTH: f64 = 1e12;

/// Central-area width from which the chart and the numbers sit side by side.
const WIDE_FROM: f32 = 1200.0;

/// View state of the cost comparison.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct CostView {
    /// The model whose bill is itemised under the headline numbers.
    pub breakdown: HostingModel,
    /// Overlay the on-demand curves of the models bought ahead, faintly.
    pub show_on_demand: bool,
    /// Scroll the details back to the top on the next frame (a tour step asks for it).
    #[serde(skip)]
    pub to_top: bool,
    /// The sections a slide leaves out to fit ([`super::SLIDE_SECTIONS`]).
    #[serde(skip)]
    pub left_out: LeftOut,
}

impl Default for CostView {
    fn default() -> Self {
        Self {
            breakdown: HostingModel::Lambda,
            show_on_demand: true,
            to_top: false,
            left_out: LeftOut::default(),
        }
    }
}

impl CostView {
    /// The accessible name of a headline card, e.g. "Serverless: $5.73 a month".
    pub fn card_label(model: HostingModel, total_cents: i64) -> String {
        card_label(model, total_cents)
    }

    /// Shows the view: volume and export controls (or, on a slide, the volume as text), the
    /// chart with its hover readout, the headline totals, the break-even points, one bill line by
    /// line and the assumptions.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        (scenario, derived): (&Scenario, &Derived),
        theme: &Theme,
        commands: &mut Vec<Command>,
        show_controls: bool,
    ) {
        if show_controls {
            controls_ui(ui, scenario, commands);
            purchase_ui(
                ui,
                (scenario, derived),
                theme,
                (commands, &mut self.show_on_demand),
            );
        } else {
            ui.label(
                RichText::new(format!(
                    "{} requests per month",
                    format_requests(scenario.workload.requests_per_month as f64)
                ))
                .strong(),
            );
            purchase_summary_ui(ui, scenario);
        }
        let w = &scenario.workload;
        if let Some(sentence) = work_unit_sentence(w.trigger, w.event_source, w.batch_size) {
            ui.label(RichText::new(sentence).color(theme.strong_text));
        }
        ui.add_space(6.0);

        let available = ui.available_size();
        let row = ui.text_style_height(&TextStyle::Body) + ui.spacing().item_spacing.y;
        // Two readout lines, the first in a larger font and possibly wrapped.
        let readout_height = 3.7 * row;
        if available.x >= WIDE_FROM {
            let chart_width = (available.x * 0.58).round();
            let side_width = available.x - chart_width - 20.0;
            ui.horizontal_top(|ui| {
                // The columns' widths add up to the view's: no spacing beyond the 20 points between.
                ui.spacing_mut().item_spacing.x = 0.0;
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing.x = 8.0;
                    ui.set_width(chart_width);
                    let height = (available.y - readout_height).max(260.0);
                    let hover = chart_ui(
                        ui,
                        scenario,
                        derived,
                        theme,
                        (vec2(chart_width, height), self.show_on_demand),
                    );
                    readout_ui(ui, scenario, derived, theme, (hover, show_controls));
                });
                ui.add_space(20.0);
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing.x = 8.0;
                    ui.set_width(side_width);
                    self.scrolled_details_ui(
                        ui,
                        (scenario, derived),
                        theme,
                        commands,
                        show_controls,
                    );
                });
            });
        } else {
            let height = (available.y * 0.58).max(300.0);
            let hover = chart_ui(
                ui,
                scenario,
                derived,
                theme,
                (vec2(available.x, height), self.show_on_demand),
            );
            readout_ui(ui, scenario, derived, theme, (hover, show_controls));
            ui.separator();
            self.scrolled_details_ui(ui, (scenario, derived), theme, commands, show_controls);
        }
    }

    /// The details in a scroll area filling the space left.
    fn scrolled_details_ui(
        &mut self,
        ui: &mut egui::Ui,
        inputs: (&Scenario, &Derived),
        theme: &Theme,
        commands: &mut Vec<Command>,
        show_hints: bool,
    ) {
        // On a slide (no hints) nothing scrolls.
        let mut to_top = std::mem::take(&mut self.to_top);
        scroll_unless_slide(ui, !show_hints, ("cost_details", &mut to_top), |ui| {
            // Room for the floating scroll bar, so it never covers an amount.
            egui::Frame::new()
                .inner_margin(egui::Margin {
                    right: 16,
                    ..egui::Margin::ZERO
                })
                .show(ui, |ui| {
                    self.details_ui(ui, inputs, theme, commands, show_hints);
                });
        });
    }

    /// Everything beside or below the chart: totals, break-even points, the bill, assumptions.
    fn details_ui(
        &mut self,
        ui: &mut egui::Ui,
        (scenario, derived): (&Scenario, &Derived),
        theme: &Theme,
        commands: &mut Vec<Command>,
        show_hints: bool,
    ) {
        headline_ui(ui, &mut self.breakdown, derived, theme, show_hints);
        let keeps = |section| self.left_out.keeps(&super::SLIDE_SECTIONS, section);
        if keeps("break-even points") {
            ui.add_space(12.0);
            break_evens_ui(ui, &derived.curves, theme);
            for sentence in &derived.purchase_sentences {
                ui.add(egui::Label::new(sentence).wrap());
            }
        }
        if keeps("memory sweep") {
            ui.add_space(12.0);
            memory_sweep_ui(ui, (scenario, derived), theme, commands, show_hints);
        }
        if keeps("bill lines") {
            ui.add_space(12.0);
            bill_ui(ui, self.breakdown, scenario, derived, theme);
        }
        if keeps("assumptions") {
            ui.add_space(12.0);
            assumptions_ui(ui, theme);
        }
    }
}

/// The row above the chart: the volume slider and CSV export.
fn controls_ui(ui: &mut egui::Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let mut requests = scenario.workload.requests_per_month as f64;
        ui.spacing_mut().slider_width = 240.0;
        let response = ui
            .add(
                // The scenario's whole range, wider than the chart's, so the slider never shows
                // a volume other than the scenario's own.
                egui::Slider::new(&mut requests, 0.0..=MAX_REQUESTS_PER_MONTH)
                    .logarithmic(true)
                    .smallest_positive(1.0)
                    .custom_formatter(|value, _| format_requests(value))
                    .custom_parser(cost::parse_requests)
                    .text("requests per month"),
            )
            .on_hover_text(
                "This scenario's monthly volume: it sets the marker on the chart, the totals and \
                 the bills. Type a number such as 3000000, 3 M or 250 k.",
            );
        if response.changed() {
            let mut edited = scenario.clone();
            let volume = requests.round().max(0.0) as u64;
            edited.workload.requests_per_month = volume;
            // Provisioned environments cannot serve more requests than arrive.
            edited.lambda.provisioned_requests_per_month =
                edited.lambda.provisioned_requests_per_month.min(volume);
            commands.push(Command::SetScenario(Box::new(edited)));
        }
        ui.separator();
        if ui
            .button("Export curve data as CSV…")
            .on_hover_text(
                "Save the four models' monthly cost at every volume on the chart as a CSV file",
            )
            .clicked()
        {
            commands.push(Command::ExportCurvesCsv);
        }
    });
}

/// The cost model's simplifications, collapsed by default.
fn assumptions_ui(ui: &mut egui::Ui, theme: &Theme) {
    egui::CollapsingHeader::new(format!(
        "Assumptions of the cost model ({})",
        ASSUMPTIONS.len()
    ))
    .id_salt("cost_assumptions")
    .default_open(false)
    .show(ui, |ui| {
        for assumption in ASSUMPTIONS {
            ui.add(
                egui::Label::new(RichText::new(format!("• {assumption}")).color(theme.weak_text))
                    .wrap(),
            );
        }
    });
}
