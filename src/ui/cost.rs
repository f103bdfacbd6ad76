//! View 4, "Cost": the monthly cost of the four hosting models against requests per month on log
//! axes, the break-even points between serverless and the others in plain words, the four totals
//! at the scenario's own volume, and one model's bill line by line.

use std::fmt::Write as _;

use egui::{
    Align, Align2, Color32, CornerRadius, Layout, Pos2, Rect, RichText, Role, Sense, Shape, Stroke,
    StrokeKind, TextStyle, WidgetInfo, pos2, vec2,
};
use egui_plot::{GridInput, GridMark, HoverPosition, Line, Plot, PlotBounds, PlotPoint};
use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::derived::Derived;
use crate::model::cost::{
    self, ASSUMPTIONS, Bill, BreakEven, CURVE_MAX_REQUESTS, CURVE_MIN_REQUESTS, CostCurves,
    compare_sentence, format_cents, format_requests, format_usd,
};
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::HoverTip;
use crate::ui::theme::Theme;

/// The accessible name of the chart, for screen readers and tests.
pub const CHART_NAME: &str = "Monthly cost of the four hosting models against requests per month";

/// The three models serverless is compared with, in the views' order.
const OTHERS: [HostingModel; 3] = [
    HostingModel::OnPrem,
    HostingModel::Vm,
    HostingModel::Containers,
];

/// Costs below this are drawn on the chart's floor: a log axis cannot reach $0.
const FLOOR_USD: f64 = 0.01;

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
}

impl Default for CostView {
    fn default() -> Self {
        Self {
            breakdown: HostingModel::Lambda,
        }
    }
}

impl CostView {
    /// The accessible name of a headline card, e.g. "Serverless: $5.73 a month".
    pub fn card_label(model: HostingModel, total_cents: i64) -> String {
        format!("{}: {} a month", model.label(), format_cents(total_cents))
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
        } else {
            ui.label(
                RichText::new(format!(
                    "{} requests per month",
                    format_requests(scenario.workload.requests_per_month as f64)
                ))
                .strong(),
            );
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
                ui.vertical(|ui| {
                    ui.set_width(chart_width);
                    let height = (available.y - readout_height).max(260.0);
                    let hover = chart_ui(ui, scenario, derived, theme, vec2(chart_width, height));
                    readout_ui(ui, scenario, derived, theme, (hover, show_controls));
                });
                ui.add_space(20.0);
                ui.vertical(|ui| {
                    ui.set_width(side_width);
                    self.scrolled_details_ui(ui, (scenario, derived), theme, show_controls);
                });
            });
        } else {
            let height = (available.y * 0.58).max(300.0);
            let hover = chart_ui(ui, scenario, derived, theme, vec2(available.x, height));
            readout_ui(ui, scenario, derived, theme, (hover, show_controls));
            ui.separator();
            self.scrolled_details_ui(ui, (scenario, derived), theme, show_controls);
        }
    }

    /// The details in a scroll area filling the space left.
    fn scrolled_details_ui(
        &mut self,
        ui: &mut egui::Ui,
        inputs: (&Scenario, &Derived),
        theme: &Theme,
        show_hints: bool,
    ) {
        egui::ScrollArea::vertical()
            .id_salt("cost_details")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Room for the floating scroll bar, so it never covers an amount.
                egui::Frame::new()
                    .inner_margin(egui::Margin {
                        right: 16,
                        ..egui::Margin::ZERO
                    })
                    .show(ui, |ui| self.details_ui(ui, inputs, theme, show_hints));
            });
    }

    /// Everything beside or below the chart: totals, break-even points, the bill, assumptions.
    fn details_ui(
        &mut self,
        ui: &mut egui::Ui,
        (scenario, derived): (&Scenario, &Derived),
        theme: &Theme,
        show_hints: bool,
    ) {
        self.headline_ui(ui, derived, theme, show_hints);
        ui.add_space(12.0);
        break_evens_ui(ui, &derived.curves, theme);
        ui.add_space(12.0);
        self.bill_ui(ui, scenario, derived, theme);
        ui.add_space(12.0);
        assumptions_ui(ui, theme);
    }

    /// The four monthly totals at the scenario's volume, as clickable cards (and, unless on a
    /// slide, a hint saying so).
    fn headline_ui(&mut self, ui: &mut egui::Ui, derived: &Derived, theme: &Theme, hint: bool) {
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
                    self.card_ui(col, derived, theme, model);
                }
            });
            ui.add_space(4.0);
        }
        if hint {
            ui.label(
                RichText::new("Click a card to see its bill line by line below")
                    .color(theme.weak_text),
            );
        }
    }

    /// One headline card: the model, its total and how it compares with serverless.
    fn card_ui(
        &mut self,
        ui: &mut egui::Ui,
        derived: &Derived,
        theme: &Theme,
        model: HostingModel,
    ) {
        let bills = &derived.bills;
        let total_cents = bills.get(model).total_cents;
        let selected = self.breakdown == model;
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
            .hover_tip(format!(
                "{} ({}), sum of its bill's rounded lines. Click to itemise this bill below.",
                model.label(),
                model.service()
            ));
        let label = Self::card_label(model, total_cents);
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
            self.breakdown = model;
        }
    }

    /// The selected model's bill: lines with their arithmetic in words, total and notes.
    fn bill_ui(&self, ui: &mut egui::Ui, scenario: &Scenario, derived: &Derived, theme: &Theme) {
        let model = self.breakdown;
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
            ui.add(
                egui::Label::new(RichText::new(&line.detail).color(theme.weak_text).small()).wrap(),
            );
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
                .hover_tip("The sum of the rounded lines above");
            });
        });
        if !bill.notes.is_empty() {
            ui.add_space(4.0);
            for note in &bill.notes {
                ui.add(
                    egui::Label::new(RichText::new(format!("• {note}")).color(theme.weak_text))
                        .wrap(),
                );
            }
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "Rates as of {}: USD, AWS us-east-1, on demand",
                scenario.rates.as_of
            ))
            .color(theme.weak_text),
        )
        .hover_tip(format!(
            "Source: {}\nEvery rate can be edited in the scenario.",
            scenario.rates.source
        ));
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
            .hover_tip(
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
            .hover_tip(
                "Save the four models' monthly cost at every volume on the chart as a CSV file",
            )
            .clicked()
        {
            commands.push(Command::ExportCurvesCsv);
        }
    });
}

/// Maps costs and volumes to the chart's log-10 coordinates, in one place.
#[derive(Clone, Copy, Debug)]
struct LogAxes {
    /// Lowest decade of cost shown (log10 of dollars).
    y_min: f64,
    /// Highest decade of cost shown.
    y_max: f64,
    /// Empty room right of the curves for their labels, in decades of volume.
    gutter: f64,
    /// Whether some cost is under [`FLOOR_USD`] and drawn on the floor.
    floored: bool,
}

impl LogAxes {
    /// The axes for `curves`, leaving `gutter_px` of a `plot_px`-wide plot free on the right.
    fn of(curves: &CostCurves, plot_px: f32, gutter_px: f32) -> Self {
        let all = HostingModel::ALL
            .iter()
            .flat_map(|&m| curves.series(m).iter().copied());
        let (low, high) = all.fold((f64::INFINITY, 0.0_f64), |(low, high), usd| {
            (low.min(usd), high.max(usd))
        });
        // Anything under a cent (a free-tier $0 above all) sits on a floor labelled as such,
        // rather than on a decade that would claim it costs that much.
        let floored = low < FLOOR_USD || !low.is_finite();
        let y_min = if floored {
            FLOOR_USD.log10()
        } else {
            low.log10().floor()
        };
        let y_max = high.max(10.0).log10().ceil().max(y_min + 1.0);
        let curve_px = (plot_px - gutter_px).max(plot_px * 0.5);
        let gutter = Self::span() * f64::from(gutter_px / curve_px);
        Self {
            y_min,
            y_max,
            gutter,
            floored,
        }
    }

    /// Decades of volume the curves span.
    fn span() -> f64 {
        (CURVE_MAX_REQUESTS / CURVE_MIN_REQUESTS).log10()
    }

    fn x(requests: f64) -> f64 {
        requests
            .clamp(CURVE_MIN_REQUESTS, CURVE_MAX_REQUESTS)
            .log10()
    }

    fn y(self, usd: f64) -> f64 {
        usd.max(FLOOR_USD).log10().max(self.y_min)
    }

    /// The tick label of a decade of cost: the floor reads "≤ $0.01" when costs lie on it.
    fn cost_tick(self, y: f64) -> String {
        if self.floored && (y - self.y_min).abs() < 1e-9 {
            format!("≤ {}", format_usd(FLOOR_USD))
        } else {
            money_tick(10f64.powf(y))
        }
    }

    fn point(self, requests: f64, usd: f64) -> PlotPoint {
        PlotPoint::new(Self::x(requests), self.y(usd))
    }

    fn requests_at(x: f64) -> f64 {
        10f64.powf(x)
    }

    fn bounds(self) -> PlotBounds {
        let x_pad = 0.02 * Self::span();
        let y_pad = 0.04 * (self.y_max - self.y_min);
        PlotBounds::from_min_max(
            [CURVE_MIN_REQUESTS.log10() - x_pad, self.y_min - y_pad],
            [
                CURVE_MAX_REQUESTS.log10() + x_pad + self.gutter,
                self.y_max + y_pad,
            ],
        )
    }
}

/// Grid marks of a log-10 axis: a strong line at each decade and faint ones at 2× … 9×.
fn log_grid(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let mut marks = Vec::new();
    let first = low.floor() as i64;
    let last = high.ceil() as i64;
    for decade in first..=last {
        let base = decade as f64;
        if (low..=high).contains(&base) {
            marks.push(GridMark {
                value: base,
                step_size: 1.0,
            });
        }
        for k in 2..=9 {
            let value = base + f64::from(k).log10();
            if (low..=high).contains(&value) {
                marks.push(GridMark {
                    value,
                    step_size: 0.1,
                });
            }
        }
    }
    marks
}

/// The x grid: [`log_grid`] over the curves' volumes only, none in the labels' gutter.
fn volume_grid(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    log_grid(&GridInput {
        bounds: (low, high.min(CURVE_MAX_REQUESTS.log10())),
        base_step_size: input.base_step_size,
    })
}

/// Whether a grid mark is a whole decade (the only marks that get a tick label).
fn is_decade(mark: GridMark) -> bool {
    mark.step_size >= 1.0 && (mark.value - mark.value.round()).abs() < 1e-9
}

/// A dollar amount for a tick label: `$0.01`, `$1`, `$100`, `$10 k`, `$1 M`.
fn money_tick(usd: f64) -> String {
    if usd < 1.0 {
        format_usd(usd)
    } else {
        format!("${}", format_requests(usd))
    }
}

/// The chart's frame: fixed log axes with units, no zoom or drag (the view is a comparison,
/// not an explorer), and a tooltip with every model's cost at the pointer's volume.
fn plot_frame<'a>(
    scenario: &'a Scenario,
    axes: LogAxes,
    theme: &Theme,
    size: egui::Vec2,
    y_axis_width: f32,
) -> Plot<'a> {
    let tick_font = theme.font(15.0);
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
                .formatter(|mark, _| {
                    if is_decade(mark) {
                        format_requests(LogAxes::requests_at(mark.value))
                    } else {
                        String::new()
                    }
                }),
        ])
        .custom_y_axes(vec![
            egui_plot::AxisHints::new_y()
                .label(RichText::new("Monthly cost (USD, log scale)").font(theme.font(14.0)))
                .tick_label_font(tick_font)
                .min_thickness(y_axis_width)
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

/// Draws the chart; returns the volume under the pointer, if it is over the chart.
fn chart_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    theme: &Theme,
    size: egui::Vec2,
) -> Option<f64> {
    let curves = &derived.curves;
    legend_ui(ui, theme);
    let legend_height = ui.text_style_height(&TextStyle::Body) + ui.spacing().item_spacing.y;
    let y_axis_width = 64.0 * theme.text_scale;
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
        y_axis_width,
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
    });
    let transform = response.transform;
    response
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Image, true, CHART_NAME));
    let painter = ui.painter_at(*transform.frame());
    let to_screen = |p: PlotPoint| transform.position_from_point(&p);

    let marker_rect = scenario_marker(&painter, theme, derived, axes, &to_screen);
    // The painted label, named for screen readers and tests.
    let marker_name = scenario_marker_name(derived.bills.requests_per_month);
    ui.interact(
        marker_rect,
        ui.scope_id().with("scenario_marker"),
        Sense::hover(),
    )
    .widget_info(|| WidgetInfo::labeled(Role::Label, true, &marker_name));
    let ends = HostingModel::ALL.map(|model| {
        let last = |values: &[f64]| values.last().copied().unwrap_or(0.0);
        to_screen(axes.point(last(&curves.requests_per_month), last(curves.series(model))))
    });
    end_labels_ui(&painter, theme, &ends, end_labels);
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
    }

    let hover = response.response.hover_pos()?;
    let x = transform.value_from_position(hover).x;
    Some(LogAxes::requests_at(x).clamp(CURVE_MIN_REQUESTS, CURVE_MAX_REQUESTS))
}

/// Length of the line from a curve's end to its label, points.
const LEADER_PX: f32 = 14.0;

/// Labels each curve at its right end, in the gutter, nudged apart so none overlap; a line in
/// the model's colour joins each label to its curve.
fn end_labels_ui(
    painter: &egui::Painter,
    theme: &Theme,
    ends: &[Pos2; 4],
    galleys: [std::sync::Arc<egui::Galley>; 4],
) {
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
        painter.galley(
            pos2(label_left, center_y - galley.size().y / 2.0),
            galley.clone(),
            theme.strong_text,
        );
    }
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
fn legend_ui(ui: &mut egui::Ui, theme: &Theme) {
    ui.horizontal_wrapped(|ui| {
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
        ui.label("Break-even point").hover_tip(
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
        ui.label("They cross again").hover_tip(
            "A fleet growing by whole instances, tasks or servers can make two models swap \
             places more than once",
        );
        ui.add_space(8.0);
        ui.label(RichText::new("Each curve is named at its right end").color(theme.weak_text))
            .hover_tip(
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

/// The dashed line at the scenario's volume, its label, and a dot on each model's curve there;
/// returns the label's rectangle.
fn scenario_marker(
    painter: &egui::Painter,
    theme: &Theme,
    derived: &Derived,
    axes: LogAxes,
    to_screen: &impl Fn(PlotPoint) -> Pos2,
) -> Rect {
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
    let off_chart = !(CURVE_MIN_REQUESTS..=CURVE_MAX_REQUESTS).contains(&requests);
    // Two short lines rather than one long one, so the label fits beside the line more often.
    let text = format!(
        "This scenario:\n{} requests/month{}",
        format_requests(requests),
        if off_chart { " (off the chart)" } else { "" }
    );
    let galley = painter.layout_no_wrap(text, theme.font(16.0), theme.strong_text);
    let size = galley.size() + vec2(12.0, 6.0);
    // Right of the line while it fits left of the curves' end labels, else left of the line.
    let curves_right = to_screen(PlotPoint::new(LogAxes::x(CURVE_MAX_REQUESTS), axes.y_min)).x;
    let left = if x + 6.0 + size.x <= curves_right || x - 6.0 - size.x < frame.left() {
        (x + 6.0).min(frame.right() - size.x - 2.0)
    } else {
        x - 6.0 - size.x
    };
    let rect = Rect::from_min_size(pos2(left, frame.top() + 6.0), size);
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

/// A numbered circle marking a break-even point, in the chart and beside its sentence.
fn number_marker(painter: &egui::Painter, theme: &Theme, center: Pos2, number: usize) {
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
fn lambda_pairs(curves: &CostCurves) -> Vec<Vec<&BreakEven>> {
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

/// The line under the chart: in plain words, how serverless compares with the cheapest other
/// model at the pointer's volume (or at the scenario's, when the pointer is elsewhere), and the
/// four costs there (or, unless on a slide, a hint to point at the chart).
fn readout_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    theme: &Theme,
    (hover, hint): (Option<f64>, bool),
) {
    let (requests, costs, prefix) = if let Some(requests) = hover {
        let costs = HostingModel::ALL.map(|m| (m, cost::total_usd(scenario, m, requests)));
        (requests, costs, format!("At {}", format_requests(requests)))
    } else {
        let bills = &derived.bills;
        let requests = bills.requests_per_month as f64;
        let costs = HostingModel::ALL.map(|m| (m, bills.get(m).total_usd()));
        let prefix = format!("At this scenario's {}", format_requests(requests));
        (requests, costs, prefix)
    };
    let lambda_usd = costs
        .iter()
        .find(|(m, _)| *m == HostingModel::Lambda)
        .map_or(0.0, |(_, usd)| *usd);
    let cheapest_other = costs
        .iter()
        .filter(|(m, _)| *m != HostingModel::Lambda)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some(&(other, other_usd)) = cheapest_other {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{prefix} requests a month: {}",
                    compare_sentence(HostingModel::Lambda, lambda_usd, other, other_usd)
                ))
                .font(theme.font(18.0))
                .strong(),
            )
            .wrap(),
        )
        .hover_tip(format!(
            "Compared with the cheapest other model at {} requests a month",
            format_requests(requests)
        ));
    }
    if hover.is_some() {
        let detail = costs
            .iter()
            .map(|(m, usd)| format!("{} {}", m.label(), format_usd(*usd)))
            .collect::<Vec<_>>()
            .join(" · ");
        ui.label(RichText::new(detail).color(theme.weak_text));
    } else if hint {
        ui.label(
            RichText::new("Point at the chart to compare the models at any volume")
                .color(theme.weak_text),
        );
    }
}

/// Where serverless and each other model break even, in plain words, numbered as on the chart;
/// the other pairs' points in a collapsed list.
fn break_evens_ui(ui: &mut egui::Ui, curves: &CostCurves, theme: &Theme) {
    ui.label(
        RichText::new("Break-even points")
            .font(theme.font(20.0))
            .strong(),
    )
    .hover_tip(
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
                .hover_tip(break_even_tooltip(points));
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
                            .hover_tip(break_even_tooltip(points));
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

/// A small square in a model's colour.
fn swatch(ui: &mut egui::Ui, color: Color32, theme: &Theme) {
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
