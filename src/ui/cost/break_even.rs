//! Break-even points between serverless and the other models: which pairs meet on the chart,
//! the numbered marker that labels each on the chart and in the list, and the list itself in
//! plain words (the other pairs' points collapsed below it).

use egui::{Align2, Pos2, RichText, Sense, Stroke, vec2};

use crate::model::cost::{self, BreakEven, CostCurves, format_requests, format_usd};
use crate::model::scenario::HostingModel;
use crate::ui::theme::Theme;

/// The three models serverless is compared with, in the views' order.
const OTHERS: [HostingModel; 3] = [
    HostingModel::OnPrem,
    HostingModel::Vm,
    HostingModel::Containers,
];

/// A numbered circle marking a break-even point, in the chart and beside its sentence.
pub(super) fn number_marker(painter: &egui::Painter, theme: &Theme, center: Pos2, number: usize) {
    let radius = 10.0 * theme.text_scale;
    painter.circle(
        center,
        radius,
        theme.card,
        Stroke::new(2.5, theme.strong_text),
    );
    painter.text(
        center,
        Align2::CENTER_CENTER,
        number.to_string(),
        theme.font(13.0),
        theme.strong_text,
    );
}

/// The break-even points of each model that meets serverless on the chart, one list per model
/// in increasing volume, the lists ordered by their first point.
pub(super) fn lambda_pairs(curves: &CostCurves) -> Vec<Vec<&BreakEven>> {
    let mut pairs: Vec<Vec<&BreakEven>> = OTHERS
        .iter()
        .map(|&other| {
            curves
                .break_evens_between(HostingModel::Lambda, other)
                .collect()
        })
        .filter(|points: &Vec<&BreakEven>| !points.is_empty())
        .collect();
    pairs.sort_by(|a, b| first_volume(a).total_cmp(&first_volume(b)));
    pairs
}

/// The volume of a pair's first break-even point.
fn first_volume(points: &[&BreakEven]) -> f64 {
    points
        .first()
        .map_or(f64::INFINITY, |be| be.requests_per_month)
}

/// Where serverless and each other model break even, in plain words, numbered as on the chart;
/// the other pairs' points in a collapsed list.
pub(super) fn break_evens_ui(ui: &mut egui::Ui, curves: &CostCurves, theme: &Theme) {
    ui.label(
        RichText::new("Break-even points")
            .font(theme.font(20.0))
            .strong(),
    )
    .on_hover_text(
        "Volumes where two models cost the same a month. Each is found on the model itself, \
         to 1 part in a million.",
    );
    let marker_side = 24.0 * theme.text_scale;
    for (i, points) in lambda_pairs(curves).iter().enumerate() {
        let Some(sentence) = cost::break_even_summary(points) else {
            continue;
        };
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(marker_side, marker_side), Sense::hover());
            number_marker(ui.painter(), theme, rect.center(), i + 1);
            ui.add(egui::Label::new(sentence).wrap())
                .on_hover_text(break_even_tooltip(points));
        });
    }
    for other in OTHERS {
        if curves
            .break_evens_between(HostingModel::Lambda, other)
            .next()
            .is_some()
        {
            continue;
        }
        let sentence = match curves.cheaper_throughout(HostingModel::Lambda, other) {
            Some(cheaper) => {
                let dearer = if cheaper == other {
                    HostingModel::Lambda
                } else {
                    other
                };
                cost::cheaper_throughout_sentence(cheaper, dearer)
            }
            None => format!(
                "Serverless and {} cost the same at every volume on the chart",
                other.label().to_lowercase()
            ),
        };
        ui.horizontal(|ui| {
            ui.add_space(marker_side + ui.spacing().item_spacing.x);
            ui.add(egui::Label::new(sentence).wrap());
        });
    }
    let others: Vec<Vec<&BreakEven>> = [
        (HostingModel::OnPrem, HostingModel::Vm),
        (HostingModel::OnPrem, HostingModel::Containers),
        (HostingModel::Vm, HostingModel::Containers),
    ]
    .iter()
    .map(|&(a, b)| curves.break_evens_between(a, b).collect())
    .filter(|points: &Vec<&BreakEven>| !points.is_empty())
    .collect();
    if !others.is_empty() {
        let count: usize = others.iter().map(Vec::len).sum();
        egui::CollapsingHeader::new(format!("Between the other models ({count})"))
            .id_salt("other_break_evens")
            .default_open(false)
            .show(ui, |ui| {
                for points in &others {
                    if let Some(sentence) = cost::break_even_summary(points) {
                        ui.add(egui::Label::new(sentence).wrap())
                            .on_hover_text(break_even_tooltip(points));
                    }
                }
            });
    }
}

/// The tooltip of a pair's break-even sentence: the cost at each point and whether it is a step.
fn break_even_tooltip(points: &[&BreakEven]) -> String {
    points
        .iter()
        .map(|be| {
            let how = if be.at_step {
                "a fleet adds a whole instance, task or server here, so its cost jumps past the \
                 other's"
            } else {
                "both cost the same here"
            };
            format!(
                "{} requests a month: about {} a month; {how}",
                format_requests(be.requests_per_month),
                format_usd(be.cost_usd)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
