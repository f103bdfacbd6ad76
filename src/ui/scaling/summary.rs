//! The summary under the chart: the table of each model's figures, one plain sentence per
//! model, and the model's assumptions.

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, Galley, Rect, RichText, Role, Sense, Vec2, WidgetInfo, pos2, vec2,
};

use crate::model::scaling::ASSUMPTIONS;
use crate::model::scenario::{HostingModel, Purchase, Scenario, Trigger};
use crate::ui::theme::Theme;

use super::figures::RunStats;

/// The summary's column titles and what each means; under a trigger that keeps work, the
/// second column is the longest wait instead of the dropped requests.
fn summary_columns(trigger: Trigger) -> [(String, &'static str); 6] {
    let noun = trigger.work_noun();
    let second = if trigger.keeps_work() {
        (
            "Longest wait".to_owned(),
            "The longest any work waited in the queue or stream before it was served (nothing \
             is dropped; asynchronous events older than 6 hours expire)",
        )
    } else {
        (
            format!("Dropped ({noun})"),
            "Requests dropped or throttled over the timeline; not queued, not retried",
        )
    };
    [
        ("Model".to_owned(), "The hosting model"),
        (format!("Served ({noun})"), "Work served over the timeline"),
        second,
        (
            "Peak capacity".to_owned(),
            "The most requests per second it could serve at any moment: the highest capacity \
             its lane shows, in the same unit as the lanes and the chart",
        ),
        (
            "Catch-up time".to_owned(),
            "From the first moment demand exceeds capacity (or work waits) until capacity meets \
             demand again; \"until demand fell\" when capacity never reached the peak of demand",
        ),
        (
            "Cost".to_owned(),
            "Compute cost over the timeline, USD; load balancers, gateways and the queue or \
             stream are in the cost view",
        ),
    ]
}

/// One row per model over the whole timeline, and one plain sentence each; a slide may leave out
/// either (`(table, sentences)` say which are shown).
pub(super) fn summary_ui(
    ui: &mut egui::Ui,
    stats: &RunStats,
    theme: &Theme,
    (table, sentences): (bool, bool),
) {
    ui.label(
        RichText::new("Over the whole timeline")
            .font(theme.font(20.0))
            .strong(),
    );
    if table {
        ui.add_space(4.0);
        summary_table_ui(ui, stats, theme);
    }
    if sentences {
        ui.add_space(6.0);
        for model in HostingModel::ALL {
            story_ui(ui, theme, model, stats.stories.get(model));
        }
    }
}

/// What the timeline does not show about how capacity is bought: Spot capacity can be taken back,
/// and the running costs here are on-demand prices.
pub(super) fn purchase_notes_ui(ui: &mut egui::Ui, scenario: &Scenario, theme: &Theme) {
    let spot: Vec<&str> = [
        (HostingModel::Vm, scenario.vm.purchase),
        (HostingModel::Containers, scenario.containers.purchase),
    ]
    .iter()
    .filter(|(_, purchase)| *purchase == Purchase::Spot)
    .map(|(model, _)| model.label())
    .collect();
    if !spot.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{} run on Spot capacity, which AWS can take back with two minutes' notice \
                     when it needs it. This timeline assumes none is taken back; a real fleet \
                     would lose instances or tasks and relaunch them.",
                    spot.join(" and ")
                ))
                .color(theme.strong_text),
            )
            .wrap(),
        );
    }
    if scenario.buys_ahead() {
        ui.add(
            egui::Label::new(
                RichText::new(
                    "Costs on this timeline are at on-demand prices; the cost view prices the \
                     month with the Savings Plans and Spot chosen.",
                )
                .color(theme.weak_text),
            )
            .wrap(),
        );
    }
}

/// Space between the summary table's columns and rows, points.
const SUMMARY_SPACING: Vec2 = vec2(28.0, 6.0);

/// Which of the summary table's columns hold amounts, aligned right so their digits line up.
const SUMMARY_AMOUNTS: [bool; 6] = [false, true, true, false, false, true];

/// The summary table: a title row and a row per model, striped like an `egui::Grid` but painted
/// from laid-out text in one allocation, since it only changes with the scenario. Each row is
/// one accessible label that reads the whole row; a title's meaning shows on hover.
fn summary_table_ui(ui: &mut egui::Ui, stats: &RunStats, theme: &Theme) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let (text_color, strong_color) = (ui.visuals().text_color(), ui.visuals().strong_text_color());
    let painter = ui.painter().clone();
    let layout =
        |text: &str, color: Color32| painter.layout_no_wrap(text.to_owned(), font.clone(), color);
    let mut rows: Vec<[Arc<Galley>; 6]> = Vec::with_capacity(1 + HostingModel::ALL.len());
    let columns = summary_columns(stats.trigger);
    rows.push(
        columns
            .each_ref()
            .map(|(title, _)| layout(title, strong_color)),
    );
    for model in HostingModel::ALL {
        let cells = &stats.summary.get(model).cells;
        let dropped = if stats.summary.get(model).dropped_any {
            theme.dropped
        } else {
            text_color
        };
        rows.push([
            layout(model.label(), theme.model(model)),
            layout(&cells[0], text_color),
            layout(&cells[1], dropped),
            layout(&cells[2], text_color),
            layout(&cells[3], text_color),
            layout(&cells[4], text_color),
        ]);
    }
    let mut col_w = [0.0_f32; 6];
    for row in &rows {
        for (w, cell) in col_w.iter_mut().zip(row) {
            *w = w.max(cell.size().x);
        }
    }
    let row_h = rows
        .iter()
        .flatten()
        .map(|cell| cell.size().y)
        .fold(ui.spacing().interact_size.y, f32::max);
    let width = col_w.iter().sum::<f32>() + SUMMARY_SPACING.x * (col_w.len() - 1) as f32;
    let height = rows.len() as f32 * (row_h + SUMMARY_SPACING.y) - SUMMARY_SPACING.y;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, "Over the whole timeline"));
    if !ui.is_rect_visible(rect) {
        return;
    }
    // With a screen reader every row and title is a widget; otherwise only the title under the
    // pointer is, for its tooltip.
    let accessible = ui.ctx().has_accesskit_node(response.id);
    let pointer_in = response.contains_pointer();
    let row_rect = |i: usize| {
        Rect::from_min_size(
            pos2(
                rect.left(),
                rect.top() + i as f32 * (row_h + SUMMARY_SPACING.y),
            ),
            vec2(width, row_h),
        )
    };
    for i in (1..rows.len()).step_by(2) {
        let stripe = row_rect(i)
            .expand2(0.5 * SUMMARY_SPACING.y * Vec2::Y)
            .expand2(2.0 * Vec2::X);
        painter.rect_filled(stripe, 2.0, ui.visuals().faint_bg_color);
    }
    for (i, row) in rows.into_iter().enumerate() {
        let mut x = rect.left();
        let top = row_rect(i).top();
        for (col, (((cell, w), (title, tip)), amount)) in row
            .into_iter()
            .zip(col_w)
            .zip(&columns)
            .zip(SUMMARY_AMOUNTS)
            .enumerate()
        {
            let cell_rect = Rect::from_min_size(pos2(x, top), vec2(w, row_h));
            if i == 0 && (accessible || (pointer_in && ui.rect_contains_pointer(cell_rect))) {
                let title_response =
                    ui.interact(cell_rect, response.id.with(("title", col)), Sense::hover());
                title_response.widget_info(|| WidgetInfo::labeled(Role::Label, true, title));
                title_response.on_hover_text(*tip);
            }
            let y = cell_rect.center().y - cell.size().y / 2.0;
            let left = if amount { x + w - cell.size().x } else { x };
            painter.galley(pos2(left, y), cell, text_color);
            x += w + SUMMARY_SPACING.x;
        }
        if accessible && let Some(&model) = i.checked_sub(1).and_then(|m| HostingModel::ALL.get(m))
        {
            ui.interact(row_rect(i), response.id.with(("row", i)), Sense::hover())
                .widget_info(|| {
                    WidgetInfo::labeled(Role::Label, true, stats.summary.get(model).spoken(model))
                });
        }
    }
}

/// One plain sentence of the summary, after a square of its model's colour; painted rather than
/// a `Label` in a row of its own, with the same accessible text.
fn story_ui(ui: &mut egui::Ui, theme: &Theme, model: HostingModel, story: &str) {
    let side = theme.body_size() * 0.8;
    let square_w = side + ui.spacing().item_spacing.x;
    let width = ui.available_width();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let text = ui
        .painter()
        .layout(story.to_owned(), font, color, (width - square_w).max(40.0));
    let height = text.size().y.max(side * 1.3);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, story));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter();
    painter.rect_filled(
        Rect::from_center_size(
            pos2(rect.left() + side / 2.0, rect.top() + side * 0.65),
            Vec2::splat(side),
        ),
        CornerRadius::same(2),
        theme.model(model),
    );
    painter.galley(pos2(rect.left() + square_w, rect.top()), text, color);
}

/// Every simplification of the simulation, in a collapsible section.
pub(super) fn assumptions_ui(ui: &mut egui::Ui, theme: &Theme, trigger: Trigger) {
    egui::CollapsingHeader::new(RichText::new("Assumptions").strong())
        .id_salt("scaling_assumptions")
        .show(ui, |ui| {
            let first = if trigger.keeps_work() {
                "Nothing is dropped here: work that finds no free capacity waits in the queue or \
                 stream and is served oldest first (asynchronous events expire after 6 hours)."
            } else {
                "Dropped requests are not queued: a request that finds no free capacity is lost \
                 at once."
            };
            ui.label(RichText::new(first).strong());
            for assumption in ASSUMPTIONS {
                ui.label(RichText::new(format!("• {assumption}")).color(theme.strong_text));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scaling::{self, PerModel, Shortfall};
    use crate::ui::scaling::figures::SummaryRow;
    use crate::ui::test_frames::hover_for_two_seconds;
    use crate::ui::theme::ThemeKind;
    use egui::Pos2;

    /// The summary table of a run whose every figure is zero, hovered at `pointer`.
    fn hover_summary(pointer: Pos2) -> Vec<String> {
        let theme = Theme::new(ThemeKind::Light);
        let stats = RunStats {
            summary: PerModel::<()>::default().map(|_, ()| {
                SummaryRow::of(
                    &scaling::ModelSummary::default(),
                    Shortfall::Never,
                    0.0,
                    Trigger::Http,
                )
            }),
            ..RunStats::default()
        };
        hover_for_two_seconds(pointer, |ui| {
            summary_table_ui(ui, &stats, &theme);
        })
    }

    #[test]
    fn summary_titles_explain_themselves_on_hover() {
        // "Model" is the first title, at the top left of the table.
        let texts = hover_summary(pos2(20.0, 15.0));
        assert!(texts.iter().any(|t| t == "Model"), "{texts:?}");
        assert!(
            texts.iter().any(|t| t == "The hosting model"),
            "no tooltip among {texts:?}"
        );
        assert!(texts.iter().any(|t| t == "never fell short"), "{texts:?}");
        // Over a model's row there is no title, so no tooltip.
        let texts = hover_summary(pos2(20.0, 75.0));
        assert!(!texts.iter().any(|t| t == "The hosting model"), "{texts:?}");
    }
}
