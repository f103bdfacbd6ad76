//! The cost chart: the four models' monthly cost against requests per month on log axes, each
//! curve named at its right end, the scenario's marker, the numbered break-even markers, the
//! legend above, and a tooltip with every model's cost at the pointer's volume.

use std::fmt::Write as _;

use egui::{
    CornerRadius, Pos2, Rect, RichText, Role, Sense, Shape, Stroke, StrokeKind, TextStyle,
    WidgetInfo, pos2, vec2,
};
use egui_plot::{HoverPosition, Line, Plot, PlotPoint};

use super::break_even::{lambda_pairs, number_marker};
use super::log_axes::{LogAxes, is_decade, log_grid, volume_grid};
use crate::derived::Derived;
use crate::model::cost::{
    self, CURVE_MAX_REQUESTS, CURVE_MIN_REQUESTS, format_requests, format_usd,
};
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::theme::Theme;

/// The accessible name of the chart, for screen readers and tests.
pub const CHART_NAME: &str = "Monthly cost of the four hosting models against requests per month";

/// The chart's frame: fixed log axes with units, no zoom or drag (the view is a comparison,
/// not an explorer), and a tooltip with every model's cost at the pointer's volume.
fn plot_frame<'a>(
    scenario: &'a Scenario,
    axes: LogAxes,
    theme: &Theme,
    size: egui::Vec2,
    (y_axis_width, x_axis_height): (f32, f32),
) -> Plot<'a> {
    let tick_font = theme.font(15.0);
    // The y title runs along the plot; on a short plot (a 1280×720 window with the tour open)
    // the long one would run past its top into the legend.
    let long_title = "Monthly cost (USD, log scale)";
    let title_w = long_title.chars().count() as f32 * theme.font(14.0).size * 0.55;
    let y_title = if title_w <= size.y - x_axis_height {
        long_title
    } else {
        "USD a month (log)"
    };
    Plot::new("cost_chart")
        .width(size.x)
        .height(size.y)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(true)
        .show_y(false)
        .show_crosshair(true)
        .show_background(true)
        .x_grid_spacer(|input| volume_grid(&input))
        .y_grid_spacer(|input| log_grid(&input))
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label(RichText::new("Requests per month (log scale)").font(theme.font(14.0)))
                .tick_label_font(tick_font.clone())
                // Tall enough for the tick labels and the title under them from the first
                // frame: egui_plot otherwise sizes the axis from the frame before, and a frame
                // where it was thinner draws the title over the labels.
                .min_thickness(x_axis_height)
                // egui_plot fades tick labels closer than 80 points and drops them under 60:
                // on a narrow chart (a 1024×768 projector) every volume went faint or missing.
                // Here a label shows in full wherever it fits (egui_plot still skips one wider
                // than its step), in the theme's secondary text colour.
                .label_spacing(30.0..=31.0)
                .tick_label_color(theme.weak_text)
                .formatter(|mark, range| {
                    // The bottom left corner belongs to the y axis's lowest label: a volume
                    // centred on it would run into that label.
                    // (x is log10 of the volume: within a quarter of a decade of the edge.)
                    let at_corner = mark.value - *range.start() < 0.25;
                    if is_decade(mark) && !at_corner {
                        format_requests(LogAxes::requests_at(mark.value))
                    } else {
                        String::new()
                    }
                }),
        ])
        .custom_y_axes(vec![
            egui_plot::AxisHints::new_y()
                .label(RichText::new(y_title).font(theme.font(14.0)))
                .tick_label_font(tick_font)
                .min_thickness(y_axis_width)
                .tick_label_color(theme.weak_text)
                .formatter(move |mark, _| {
                    if is_decade(mark) {
                        axes.cost_tick(mark.value)
                    } else {
                        String::new()
                    }
                }),
        ])
        .label_formatter(move |position: &HoverPosition<'_>| {
            let x = match position {
                HoverPosition::NearDataPoint { position, .. }
                | HoverPosition::Elsewhere { position } => position.x,
            };
            Some(hover_text(scenario, LogAxes::requests_at(x)))
        })
}

/// The models bought ahead, priced on demand instead: faint and dashed, where they differ.
fn on_demand_lines(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    (curves, on_demand): (&cost::CostCurves, &cost::CostCurves),
    axes: LogAxes,
    theme: &Theme,
) {
    for model in HostingModel::ALL {
        let series = on_demand.series(model);
        if series == curves.series(model) {
            continue;
        }
        let points: Vec<[f64; 2]> = on_demand
            .requests_per_month
            .iter()
            .zip(series)
            .map(|(&n, &usd)| {
                let p = axes.point(n, usd);
                [p.x, p.y]
            })
            .collect();
        plot_ui.line(
            Line::new(format!("{} on demand", model.label()), points)
                .color(theme.model(model).gamma_multiply(0.45))
                .width(theme.line_width * 0.8)
                .style(egui_plot::LineStyle::dashed_loose()),
        );
    }
}

/// Draws the chart; returns the volume under the pointer, if it is over the chart.
pub(super) fn chart_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    theme: &Theme,
    (size, on_demand_overlay): (egui::Vec2, bool),
) -> Option<f64> {
    let curves = &derived.curves;
    let overlay = derived
        .on_demand_curves
        .as_ref()
        .filter(|_| on_demand_overlay);
    legend_ui(ui, theme, overlay.is_some());
    let legend_height = ui.text_style_height(&TextStyle::Body) + ui.spacing().item_spacing.y;
    let y_axis_width = 64.0 * theme.text_scale;
    let row = |font: egui::FontId| ui.fonts_mut(|f| f.row_height(&font));
    // egui_plot puts its title a quarter of its height below the tick labels.
    let x_axis_height = row(theme.font(15.0)) + 1.25 * row(theme.font(14.0)) + 2.0;
    let end_labels = HostingModel::ALL.map(|model| {
        ui.painter().layout_no_wrap(
            model.label().to_owned(),
            theme.font(15.0),
            theme.strong_text,
        )
    });
    let widest = end_labels
        .iter()
        .map(|galley| galley.size().x)
        .fold(0.0_f32, f32::max);
    // Room for a short leader line and the widest label; the y axis and its title take the rest.
    let gutter_px = LEADER_PX + widest + 10.0;
    let plot_px = size.x - y_axis_width - ui.text_style_height(&TextStyle::Body) * 1.5;
    let axes = LogAxes::of(curves, plot_px, gutter_px);
    let plot = plot_frame(
        scenario,
        axes,
        theme,
        vec2(size.x, (size.y - legend_height).max(200.0)),
        (y_axis_width, x_axis_height),
    );
    let response = plot.show(ui, |plot_ui| {
        plot_ui.set_plot_bounds(axes.bounds());
        for model in HostingModel::ALL {
            let points: Vec<[f64; 2]> = curves
                .requests_per_month
                .iter()
                .zip(curves.series(model))
                .map(|(&n, &usd)| {
                    let p = axes.point(n, usd);
                    [p.x, p.y]
                })
                .collect();
            plot_ui.line(
                Line::new(model.label(), points)
                    .color(theme.model(model))
                    .width(theme.line_width),
            );
        }
        if let Some(on_demand) = overlay {
            on_demand_lines(plot_ui, (curves, on_demand), axes, theme);
        }
    });
    let transform = response.transform;
    response
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Image, true, CHART_NAME));
    let painter = ui.painter_at(*transform.frame());
    let to_screen = |p: PlotPoint| transform.position_from_point(&p);

    let marker_x = scenario_line(&painter, theme, derived, axes, &to_screen);
    let ends = HostingModel::ALL.map(|model| {
        let last = |values: &[f64]| values.last().copied().unwrap_or(0.0);
        to_screen(axes.point(last(&curves.requests_per_month), last(curves.series(model))))
    });
    // Texts the scenario's callout keeps clear of: the curves' names and the break-even numbers.
    let mut taken = end_labels_ui(&painter, theme, &ends, end_labels);
    // One numbered marker per pair at its first crossing; later crossings of the same pair (a
    // fleet leapfrogging as it grows by whole units) get plain dots.
    let mut placed: Vec<Pos2> = Vec::new();
    for (number, points) in lambda_pairs(curves).iter().enumerate() {
        for be in points.iter().skip(1) {
            let dot = to_screen(axes.point(be.requests_per_month, be.cost_usd));
            painter.circle(dot, 4.0, theme.card, Stroke::new(2.0, theme.strong_text));
        }
        let Some(first) = points.first() else {
            continue;
        };
        let point = to_screen(axes.point(first.requests_per_month, first.cost_usd));
        let center = free_spot(point, &placed, 10.0 * theme.text_scale);
        if center != point {
            // Displaced to stay legible: a dot on the crossing and a line to the number.
            painter.line_segment([point, center], Stroke::new(1.5, theme.strong_text));
            painter.circle_filled(point, 3.5, theme.strong_text);
        }
        number_marker(&painter, theme, center, number + 1);
        placed.push(center);
        taken.push(Rect::from_center_size(
            center,
            egui::Vec2::splat(20.0 * theme.text_scale),
        ));
    }
    let curves_right = to_screen(PlotPoint::new(LogAxes::x(CURVE_MAX_REQUESTS), axes.y_min)).x;
    let marker_rect = scenario_callout(&painter, theme, derived, (marker_x, curves_right), &taken);
    // The painted label, named for screen readers and tests.
    let marker_name = scenario_marker_name(derived.bills.requests_per_month);
    ui.interact(
        marker_rect,
        ui.scope_id().with("scenario_marker"),
        Sense::hover(),
    )
    .widget_info(|| WidgetInfo::labeled(Role::Label, true, &marker_name));

    let hover = response.response.hover_pos()?;
    let x = transform.value_from_position(hover).x;
    Some(LogAxes::requests_at(x).clamp(CURVE_MIN_REQUESTS, CURVE_MAX_REQUESTS))
}

/// Length of the line from a curve's end to its label, points.
const LEADER_PX: f32 = 14.0;

/// Labels each curve at its right end, in the gutter, nudged apart so none overlap; a line in
/// the model's colour joins each label to its curve. Returns where the labels are.
fn end_labels_ui(
    painter: &egui::Painter,
    theme: &Theme,
    ends: &[Pos2; 4],
    galleys: [std::sync::Arc<egui::Galley>; 4],
) -> Vec<Rect> {
    let mut rects = Vec::with_capacity(ends.len());
    let frame = painter.clip_rect();
    let height = galleys.iter().map(|g| g.size().y).fold(0.0_f32, f32::max) + 2.0;
    let mut order: Vec<usize> = (0..ends.len()).collect();
    order.sort_by(|&a, &b| {
        let y = |i: usize| ends.get(i).map_or(0.0, |p| p.y);
        y(a).total_cmp(&y(b))
    });
    // Centres of the labels, top to bottom: pushed down past the previous one, then up off the
    // bottom edge, so they keep their order and never overlap while the chart is tall enough.
    let mut centers: Vec<f32> = order
        .iter()
        .map(|&i| ends.get(i).map_or(frame.center().y, |p| p.y))
        .collect();
    let top = frame.top() + height / 2.0;
    let bottom = frame.bottom() - height / 2.0;
    let mut previous = f32::NEG_INFINITY;
    for center in &mut centers {
        *center = center.max(previous + height).max(top);
        previous = *center;
    }
    let mut next = f32::INFINITY;
    for center in centers.iter_mut().rev() {
        *center = center.min(next - height).min(bottom);
        next = *center;
    }
    let galleys: Vec<std::sync::Arc<egui::Galley>> = galleys.into_iter().collect();
    for (&i, &center_y) in order.iter().zip(&centers) {
        let (Some(&end), Some(galley), Some(&model)) =
            (ends.get(i), galleys.get(i), HostingModel::ALL.get(i))
        else {
            continue;
        };
        let color = theme.model(model);
        let label_left = end.x + LEADER_PX;
        painter.line_segment(
            [end, pos2(label_left - 3.0, center_y)],
            Stroke::new(theme.line_width * 0.75, color),
        );
        let at = pos2(label_left, center_y - galley.size().y / 2.0);
        rects.push(Rect::from_min_size(at, galley.size()));
        painter.galley(at, galley.clone(), theme.strong_text);
    }
    rects
}

/// The first spot at or near `point` where a marker of `radius` overlaps none already `placed`.
fn free_spot(point: Pos2, placed: &[Pos2], radius: f32) -> Pos2 {
    let step = radius * 2.3;
    let candidates = [
        vec2(0.0, 0.0),
        vec2(0.0, step),
        vec2(0.0, -step),
        vec2(step, step),
        vec2(-step, -step),
        vec2(step, -step),
        vec2(-step, step),
        vec2(0.0, 2.0 * step),
        vec2(0.0, -2.0 * step),
    ];
    let clear = |spot: Pos2| {
        placed
            .iter()
            .all(|p| p.distance(spot) >= 2.0 * radius + 2.0)
    };
    candidates
        .iter()
        .map(|offset| point + *offset)
        .find(|spot| clear(*spot))
        .unwrap_or(point)
}

/// The legend above the chart: the scenario's marker and the break-even markers (the curves
/// carry their own labels, at their right ends).
fn legend_ui(ui: &mut egui::Ui, theme: &Theme, on_demand_overlay: bool) {
    ui.horizontal_wrapped(|ui| {
        if on_demand_overlay {
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
            ui.painter().extend(Shape::dashed_line(
                &[rect.left_center(), rect.right_center()],
                Stroke::new(2.0, theme.strong_text.gamma_multiply(0.45)),
                6.0,
                5.0,
            ));
            ui.label("Bought on demand").on_hover_text(
                "The faint dashed curves are the models with a Savings Plan or Spot, priced on \
                 demand instead: the gap is what buying ahead saves (or wastes)",
            );
            ui.add_space(8.0);
        }
        let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
        ui.painter().extend(Shape::dashed_line(
            &[rect.left_center(), rect.right_center()],
            Stroke::new(2.0, theme.highlight),
            5.0,
            4.0,
        ));
        ui.label("This scenario");
        ui.add_space(8.0);
        let (rect, _) = ui.allocate_exact_size(vec2(20.0, 20.0), Sense::hover());
        number_marker(ui.painter(), theme, rect.center(), 1);
        ui.label("Break-even point").on_hover_text(
            "Where serverless and another model cost the same, numbered as in the list of \
             break-even points",
        );
        ui.add_space(8.0);
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 20.0), Sense::hover());
        ui.painter().circle(
            rect.center(),
            4.0,
            theme.card,
            Stroke::new(2.0, theme.strong_text),
        );
        ui.label("They cross again").on_hover_text(
            "A fleet growing by whole instances, tasks or servers can make two models swap \
             places more than once",
        );
        ui.add_space(8.0);
        ui.label(RichText::new("Each curve is named at its right end").color(theme.weak_text))
            .on_hover_text(
                "On-premises (your own servers), virtual machines (EC2), containers (ECS / EKS) \
                 and serverless (Lambda), each in its own colour",
            );
    });
}

/// The accessible name of the scenario's marker: "This scenario: 3 M requests/month".
pub fn scenario_marker_name(requests_per_month: u64) -> String {
    format!(
        "This scenario: {} requests/month",
        format_requests(requests_per_month as f64)
    )
}

/// The dashed line at the scenario's volume and a dot on each model's curve there; returns the
/// line's x.
fn scenario_line(
    painter: &egui::Painter,
    theme: &Theme,
    derived: &Derived,
    axes: LogAxes,
    to_screen: &impl Fn(PlotPoint) -> Pos2,
) -> f32 {
    let frame = painter.clip_rect();
    let requests = derived.bills.requests_per_month as f64;
    let x = to_screen(PlotPoint::new(LogAxes::x(requests), axes.y_min)).x;
    painter.extend(Shape::dashed_line(
        &[pos2(x, frame.top()), pos2(x, frame.bottom())],
        Stroke::new(2.0, theme.highlight),
        8.0,
        6.0,
    ));
    for model in HostingModel::ALL {
        let usd = derived.bills.get(model).total_usd();
        let center = to_screen(axes.point(requests, usd));
        painter.circle(
            center,
            theme.line_width * 2.2,
            theme.model(model),
            Stroke::new(1.5, theme.card),
        );
    }
    x
}

/// The scenario's label beside its line at `x`: at the top right of the line while it fits left
/// of the curves' end labels, else at its left; and where that covers a curve's name or a
/// break-even number (`taken`, as on a narrow chart), at the bottom. Returns the label's
/// rectangle.
fn scenario_callout(
    painter: &egui::Painter,
    theme: &Theme,
    derived: &Derived,
    (x, curves_right): (f32, f32),
    taken: &[Rect],
) -> Rect {
    let frame = painter.clip_rect();
    let requests = derived.bills.requests_per_month as f64;
    let off_chart = !(CURVE_MIN_REQUESTS..=CURVE_MAX_REQUESTS).contains(&requests);
    // Two short lines rather than one long one, so the label fits beside the line more often.
    let text = format!(
        "This scenario:\n{} requests/month{}",
        format_requests(requests),
        if off_chart { " (off the chart)" } else { "" }
    );
    let galley = painter.layout_no_wrap(text, theme.font(16.0), theme.strong_text);
    let size = galley.size() + vec2(12.0, 6.0);
    let right_of_line = (x + 6.0).min(frame.right() - size.x - 2.0);
    let left_of_line = x - 6.0 - size.x;
    let (first, second) = if x + 6.0 + size.x <= curves_right || left_of_line < frame.left() {
        (right_of_line, left_of_line)
    } else {
        (left_of_line, right_of_line)
    };
    let top = frame.top() + 6.0;
    let bottom = frame.bottom() - size.y - 6.0;
    let candidates = [
        (first, top),
        (second, top),
        (first, bottom),
        (second, bottom),
    ]
    .map(|(left, y)| Rect::from_min_size(pos2(left, y), size));
    let clear = |rect: &Rect| {
        frame.contains_rect(*rect) && taken.iter().all(|t| !t.expand(2.0).intersects(*rect))
    };
    let [fallback, ..] = candidates;
    let rect = candidates.into_iter().find(clear).unwrap_or(fallback);
    painter.rect_filled(rect, CornerRadius::same(4), theme.card);
    painter.rect_stroke(
        rect,
        CornerRadius::same(4),
        Stroke::new(1.0, theme.grid),
        StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(6.0, 3.0), galley, theme.strong_text);
    rect
}

/// The tooltip at the pointer: each model's cost at that volume and the comparison.
fn hover_text(scenario: &Scenario, requests: f64) -> String {
    let requests = requests.clamp(CURVE_MIN_REQUESTS, CURVE_MAX_REQUESTS);
    let mut text = format!("{} requests a month", format_requests(requests));
    for model in HostingModel::ALL {
        let usd = cost::total_usd(scenario, model, requests);
        // Writing to a String cannot fail.
        let _ = write!(text, "\n{}: {}/month", model.label(), format_usd(usd));
    }
    text
}
