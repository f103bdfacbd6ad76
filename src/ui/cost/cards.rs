//! The headline cards: the four monthly totals at the scenario's volume, each with how it
//! compares with serverless; clicking one chooses the bill itemised below them.

use egui::{
    Align, Color32, CornerRadius, Layout, RichText, Role, Sense, Stroke, StrokeKind, WidgetInfo,
    vec2,
};

use crate::derived::Derived;
use crate::model::cost::{self, compare_sentence, format_cents, format_requests};
use crate::model::scenario::HostingModel;
use crate::ui::theme::Theme;

/// The accessible name of a headline card, e.g. "Serverless: $5.73 a month".
pub(super) fn card_label(model: HostingModel, total_cents: i64) -> String {
    format!("{}: {} a month", model.label(), format_cents(total_cents))
}

/// The four monthly totals at the scenario's volume, as clickable cards (and, unless on a
/// slide, a hint saying so). Clicking a card sets `breakdown`, the model whose bill is itemised.
pub(super) fn headline_ui(
    ui: &mut egui::Ui,
    breakdown: &mut HostingModel,
    derived: &Derived,
    theme: &Theme,
    hint: bool,
) {
    let bills = &derived.bills;
    ui.label(
        RichText::new(format!(
            "Monthly cost at this scenario's {} requests a month",
            format_requests(bills.requests_per_month as f64)
        ))
        .font(theme.font(20.0))
        .strong(),
    );
    ui.add_space(4.0);
    let width = ui.available_width();
    let columns = if width / 4.0 >= 210.0 * theme.text_scale {
        4
    } else {
        2
    };
    for chunk in HostingModel::ALL.chunks(columns) {
        ui.columns(columns, |cols| {
            for (col, &model) in cols.iter_mut().zip(chunk) {
                card_ui(col, breakdown, derived, theme, model);
            }
        });
        ui.add_space(4.0);
    }
    if hint {
        ui.label(
            RichText::new("Click a card to see its bill line by line below").color(theme.weak_text),
        );
    }
}

/// One headline card: the model, its total and how it compares with serverless.
fn card_ui(
    ui: &mut egui::Ui,
    breakdown: &mut HostingModel,
    derived: &Derived,
    theme: &Theme,
    model: HostingModel,
) {
    let bills = &derived.bills;
    let total_cents = bills.get(model).total_cents;
    let selected = *breakdown == model;
    let stroke = if selected {
        Stroke::new(2.5, theme.highlight)
    } else {
        Stroke::new(1.0, theme.grid)
    };
    let comparison = if model == HostingModel::Lambda {
        rank_words(bills, model)
    } else {
        compare_sentence(
            HostingModel::Lambda,
            bills.lambda_bill.total_usd(),
            model,
            bills.get(model).total_usd(),
        )
    };
    let frame = egui::Frame::new()
        .fill(theme.card)
        .stroke(stroke)
        .corner_radius(CornerRadius::same(8))
        .inner_margin(egui::Margin::same(10));
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_min_height(118.0 * theme.text_scale);
        // `ui.columns` lays out justified, which would stretch the wrapped sentence.
        ui.with_layout(Layout::top_down(Align::Min), |ui| {
            // Wrapping rows, so a narrow card grows taller instead of wider than its column.
            ui.horizontal_wrapped(|ui| {
                swatch(ui, theme.model(model), theme);
                ui.label(RichText::new(model.label()).font(theme.font(18.0)).strong());
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format_cents(total_cents))
                        .font(theme.font(30.0))
                        .strong(),
                );
                ui.label(RichText::new("/month").color(theme.weak_text));
            });
            ui.add(egui::Label::new(RichText::new(&comparison).color(theme.weak_text)).wrap());
        });
    });
    let id = ui.scope_id().with(("cost_card", model.key()));
    let response = ui
        .interact(inner.response.rect, id, Sense::click())
        .on_hover_text(format!(
            "{} ({}), sum of its bill's rounded lines. Click to itemise this bill below.",
            model.label(),
            model.service()
        ));
    let label = card_label(model, total_cents);
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &label));
    if response.hovered() && !selected {
        ui.painter().rect_stroke(
            inner.response.rect,
            CornerRadius::same(8),
            Stroke::new(1.5, theme.highlight),
            StrokeKind::Inside,
        );
    }
    if response.clicked() {
        *breakdown = model;
    }
}

/// A small square in a model's colour.
pub(super) fn swatch(ui: &mut egui::Ui, color: Color32, theme: &Theme) {
    let side = 14.0 * theme.text_scale;
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    ui.painter().rect_filled(rect, CornerRadius::same(3), color);
}

/// Where a model's total ranks among the four, in words: "Cheapest of the four here".
fn rank_words(bills: &cost::Bills, model: HostingModel) -> String {
    let total = bills.get(model).total_cents;
    let cheaper = HostingModel::ALL
        .iter()
        .filter(|&&m| bills.get(m).total_cents < total)
        .count();
    match cheaper {
        0 => "Cheapest of the four here",
        1 => "Second cheapest of the four here",
        2 => "Third cheapest of the four here",
        _ => "Most expensive of the four here",
    }
    .to_owned()
}
