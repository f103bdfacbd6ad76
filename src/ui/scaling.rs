//! View 2, "Scaling": one traffic timeline played through all four hosting models at once. The run
//! is precomputed when the scenario changes (`derived.scaling`); this view only moves a playhead
//! over it. Four lanes show each model's units, the requests flowing in and the ones shed, idle
//! capacity and money spent; a chart below shows demand against every model's capacity over the
//! whole timeline; a summary says what happened in plain words.

use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Key, Mesh, Modifiers, Pos2, Rect, RichText,
    Role, Sense, Shape, Stroke, StrokeKind, Vec2, WidgetInfo, pos2, vec2,
};
use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::derived::Derived;
use crate::model::cost::format_usd;
use crate::model::format::{self, clock, nice_step};
use crate::model::rng::SplitMix64;
use crate::model::scaling::{self, ASSUMPTIONS, PerModel, Sample, ScalingRun, Shortfall};
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::theme::{Theme, ThemeKind};

/// Playback speeds offered, in simulated seconds per second.
pub const SPEEDS: [f64; 7] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];

/// The slowest and fastest speeds in [`SPEEDS`].
const MIN_SPEED: f64 = 1.0;
const MAX_SPEED: f64 = 100.0;

/// The speed a fresh view plays at: a 10-minute spike then takes one minute to watch.
const DEFAULT_SPEED: f64 = 10.0;

/// Longest frame time the playhead trusts, s: after a stall it slows down instead of jumping.
const MAX_FRAME_S: f32 = 0.1;

/// Request dots: slots per second of playback at the timeline's peak demand, and the seconds of
/// playback a dot takes to cross its lane. Both are in wall time so dots stay visible at 100×.
const DOT_SLOTS_PER_S: f64 = 14.0;
const DOT_TRAVEL_S: f64 = 1.6;

/// Where along the flow band requests meet the model's capacity (the gate), as a fraction.
const GATE_AT: f32 = 0.58;

/// Unit squares: the largest and smallest side, points.
const MAX_SQUARE: f32 = 34.0;
const MIN_SQUARE: f32 = 10.0;

/// View state of the scaling animation.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct ScalingView {
    /// Playhead, simulated seconds on the scenario's timeline.
    #[serde(skip)]
    pub t_s: f64,
    /// Whether the playhead is moving.
    #[serde(skip)]
    pub playing: bool,
    /// Simulated seconds per second of playback (one of [`SPEEDS`]); kept between runs.
    pub speed: f64,
    /// Show the time but no transport controls (exported slides).
    #[serde(skip)]
    pub hide_controls: bool,
    /// Figures and shapes kept between frames.
    #[serde(skip)]
    cache: ViewCache,
}

impl Default for ScalingView {
    fn default() -> Self {
        Self {
            t_s: 0.0,
            playing: false,
            speed: DEFAULT_SPEED,
            hide_controls: false,
            cache: ViewCache::default(),
        }
    }
}

impl ScalingView {
    /// The playhead, simulated seconds.
    pub fn t_s(&self) -> f64 {
        self.t_s
    }

    /// Moves the playhead (clamped to the timeline on the next frame).
    pub fn set_time(&mut self, t_s: f64) {
        self.t_s = t_s;
    }

    /// Whether the playhead is moving.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// Puts the view in the state a slide should show: paused at the moment the models differ
    /// most ([`ScalingRun::telling_moment_s`]), the time shown but no controls.
    pub fn prepare_export(&mut self, run: &ScalingRun) {
        self.playing = false;
        self.t_s = run.telling_moment_s();
        self.hide_controls = true;
    }

    /// The speed in force: the stored one if it is usable, else the default.
    fn speed(&self) -> f64 {
        if self.speed.is_finite() && self.speed > 0.0 {
            self.speed.clamp(MIN_SPEED, MAX_SPEED)
        } else {
            DEFAULT_SPEED
        }
    }

    /// Play or pause; playing from the end starts again from the beginning.
    fn toggle(&mut self, run: &ScalingRun) {
        if !self.playing && self.t_s >= run.end_s {
            self.t_s = run.start_s;
        }
        self.playing = !self.playing;
    }

    /// Keeps the playhead on the timeline, which changes with the scenario.
    fn follow_run(&mut self, run: &ScalingRun) {
        self.t_s = if self.t_s.is_finite() {
            self.t_s.clamp(run.start_s, run.end_s.max(run.start_s))
        } else {
            run.start_s
        };
    }

    /// Advances the playhead by this frame's time; stops at the end.
    fn advance(&mut self, ui: &egui::Ui, run: &ScalingRun) {
        if !self.playing {
            return;
        }
        let dt_s = f64::from(ui.input(|i| i.stable_dt).clamp(0.0, MAX_FRAME_S));
        self.t_s = (self.t_s + dt_s * self.speed()).min(run.end_s);
        if self.t_s >= run.end_s {
            self.playing = false;
        }
    }

    /// Shows the whole view: transport controls, lanes, chart, summary and assumptions.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        derived: &Derived,
        theme: &Theme,
        _commands: &mut Vec<Command>,
    ) {
        let run = &derived.scaling;
        if let Some(error) = &run.traffic_error {
            ui.label(
                RichText::new(format!("No timeline to play: {error}"))
                    .color(theme.dropped)
                    .strong(),
            );
            return;
        }
        self.follow_run(run);
        self.cache.refresh(scenario, run);
        // Space plays and pauses, unless a text field (or a focused widget) wants the key.
        if !ui.ctx().egui_wants_keyboard_input()
            && ui
                .ctx()
                .input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space))
        {
            self.toggle(run);
        }
        self.advance(ui, run);

        if self.hide_controls {
            ui.label(
                RichText::new(time_text(self.t_s, run))
                    .font(theme.font(22.0))
                    .strong(),
            );
        } else {
            self.transport_ui(ui, run, theme);
        }
        ui.add_space(4.0);

        let available = ui.available_size();
        // Lanes and chart share the first screen; the summary may need a scroll on a laptop.
        let lanes_h = (available.y * 0.37).clamp(320.0, 430.0);
        let chart_h = (available.y * 0.21).clamp(180.0, 300.0);
        let dots = DotClock::new(run, &self.cache.stats, self.t_s, self.speed());
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                lane_legend_ui(ui, theme, &dots);
                ui.add_space(4.0);
                let lanes = Lanes {
                    scenario,
                    run,
                    stats: &self.cache.stats,
                    t_s: self.t_s,
                    dots: &dots,
                };
                let hovered = lanes.ui(ui, theme, lanes_h);
                ui.add_space(10.0);
                chart_legend_ui(ui, theme);
                let chart = ChartInput {
                    run,
                    t_s: self.t_s,
                    focus: hovered,
                    height: chart_h,
                };
                if let Some(t_s) = chart_ui(ui, &chart, theme, &mut self.cache) {
                    self.t_s = t_s;
                }
                ui.add_space(12.0);
                summary_ui(ui, &self.cache.stats, theme);
                ui.add_space(8.0);
                assumptions_ui(ui, theme);
            });

        if self.playing {
            ui.ctx().request_repaint();
        }
    }

    /// Play/Pause, Restart, speed, the time slider and the current time.
    fn transport_ui(&mut self, ui: &mut egui::Ui, run: &ScalingRun, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            let label = if self.playing { "Pause" } else { "Play" };
            let play = egui::Button::new(RichText::new(label).font(theme.font(18.0)).strong())
                .min_size(vec2(92.0, 34.0) * theme.text_scale);
            if ui
                .add(play)
                .on_hover_text("Play or pause the timeline (Space)")
                .clicked()
            {
                self.toggle(run);
            }
            let restart = egui::Button::new(RichText::new("Restart").font(theme.font(16.0)))
                .min_size(vec2(0.0, 34.0) * theme.text_scale);
            if ui
                .add(restart)
                .on_hover_text("Back to the start of the timeline")
                .clicked()
            {
                self.t_s = run.start_s;
            }
            let speed = self.speed();
            egui::ComboBox::from_label("Speed")
                .selected_text(speed_label(speed))
                .show_ui(ui, |ui| {
                    for option in SPEEDS {
                        ui.selectable_value(&mut self.speed, option, speed_label(option))
                            .on_hover_text(format!(
                                "One second of playback shows {} of the timeline",
                                duration(option)
                            ));
                    }
                })
                .response
                .on_hover_text("Simulated seconds per second of playback");

            let time_text = time_text(self.t_s, run);
            let time_font = theme.font(22.0);
            let text_w = ui
                .painter()
                .layout_no_wrap(time_text.clone(), time_font.clone(), theme.strong_text)
                .size()
                .x;
            // The slider takes what the row has left; on a narrow window it gets a row of its own.
            let label_w = 48.0 * theme.text_scale;
            let others = text_w + label_w + 4.0 * ui.spacing().item_spacing.x;
            if ui.available_size_before_wrap().x - others < 240.0 {
                ui.end_row();
            }
            ui.spacing_mut().slider_width =
                (ui.available_size_before_wrap().x - others).clamp(120.0, 1200.0);
            let mut t_s = self.t_s;
            let slider = egui::Slider::new(&mut t_s, run.start_s..=run.end_s.max(run.start_s))
                .text("Time")
                .show_value(false);
            if ui
                .add(slider)
                .on_hover_text("Drag to move through the timeline, in seconds")
                .changed()
            {
                self.t_s = t_s;
            }
            ui.label(RichText::new(time_text).font(time_font).strong())
                .on_hover_text("Playhead / end of the timeline, minutes:seconds");
        });
    }
}

// ---------------------------------------------------------------------------------------------
// What frames reuse

/// What the view keeps between frames so that a frame only draws: figures of the run, computed
/// when the scenario changes, and the chart's shapes, rebuilt when the run, the chart's size,
/// the theme or the highlighted model change.
#[derive(Clone, Debug, Default)]
struct ViewCache {
    /// The scenario the figures were computed for.
    scenario: Option<Scenario>,
    /// Counts scenario changes, so shapes built for an older run are rebuilt.
    version: u64,
    stats: RunStats,
    chart_key: Option<ChartKey>,
    chart_shapes: Vec<Shape>,
}

impl ViewCache {
    /// Recomputes the figures if the scenario (and so the run derived from it) changed.
    fn refresh(&mut self, scenario: &Scenario, run: &ScalingRun) {
        if self.scenario.as_ref() == Some(scenario) {
            return;
        }
        self.scenario = Some(scenario.clone());
        self.version += 1;
        self.stats = RunStats::of(scenario, run);
        self.chart_key = None;
        self.chart_shapes.clear();
    }
}

/// Figures of the run that every frame needs.
#[derive(Clone, Debug, Default)]
struct RunStats {
    /// Top of the chart: the most demand or capacity of any model, requests per second.
    max_rps: f64,
    /// The most demand, requests per second (it sets how many dots a lane shows).
    peak_demand_rps: f64,
    /// The most units each lane ever needs (it sets what a square stands for).
    peak_units: PerModel<f64>,
    /// The summary table's figures.
    summary: PerModel<SummaryRow>,
    /// The summary's plain sentences.
    stories: PerModel<String>,
}

impl RunStats {
    fn of(scenario: &Scenario, run: &ScalingRun) -> Self {
        let max_rps = HostingModel::ALL
            .into_iter()
            .flat_map(|m| run.model(m).samples.iter())
            .map(|x| x.demand_rps.max(x.capacity_rps))
            .fold(1.0, f64::max);
        let peak_demand_rps = run
            .model(HostingModel::Lambda)
            .samples
            .iter()
            .map(|x| x.demand_rps)
            .fold(0.0, f64::max);
        Self {
            max_rps,
            peak_demand_rps,
            peak_units: run.models.map(|model, m| {
                peak_units(
                    &m.samples,
                    scaling::rps_per_unit(scenario, model).max(f64::MIN_POSITIVE),
                )
            }),
            summary: run
                .models
                .map(|model, m| SummaryRow::of(&m.summary, run.shortfall(model))),
            stories: run.models.map(|model, _| story(model, scenario, run)),
        }
    }
}

/// A model's row of the summary table, in words: served, dropped, peak capacity, catch-up time
/// and cost, as [`SUMMARY_COLUMNS`] title them after the model's name (the units of the request
/// counts are in their titles).
#[derive(Clone, Debug, Default)]
struct SummaryRow {
    cells: [String; 5],
    /// Whether any request was dropped (the dropped figure is then in red).
    dropped_any: bool,
}

impl SummaryRow {
    fn of(summary: &scaling::ModelSummary, shortfall: Shortfall) -> Self {
        Self {
            cells: [
                group(summary.served_requests),
                group(summary.dropped_requests),
                format!("{} at once", group(summary.peak_capacity)),
                catch_up_text(shortfall),
                money(summary.cost_usd),
            ],
            dropped_any: summary.dropped_requests >= 0.5,
        }
    }

    /// The row as a screen reader says it.
    fn spoken(&self, model: HostingModel) -> String {
        let [served, dropped, peak, catch_up, cost] = &self.cells;
        format!(
            "{}: served {served} requests, dropped {dropped} requests, peak capacity {peak}, \
             {catch_up}, cost {cost}",
            model.label()
        )
    }
}

/// What the chart's cached shapes were built for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ChartKey {
    version: u64,
    plot: Rect,
    theme: ThemeKind,
    focus: Option<HostingModel>,
}

// ---------------------------------------------------------------------------------------------
// Lanes

/// Text sizes of a lane, from its width: large where there is room, never below legible.
#[derive(Clone, Debug)]
struct LaneFonts {
    title: FontId,
    big: FontId,
    medium: FontId,
    small: FontId,
}

impl LaneFonts {
    fn new(theme: &Theme, lane_w: f32) -> Self {
        Self {
            title: theme.font((lane_w / 13.0).clamp(17.0, 26.0)),
            big: theme.font((lane_w / 12.0).clamp(17.0, 30.0)),
            medium: theme.font((lane_w / 17.0).clamp(14.5, 21.0)),
            small: theme.font((lane_w / 21.0).clamp(13.0, 17.0)),
        }
    }
}

impl LaneFonts {
    /// Height of the request flow band, points.
    fn band_h(&self) -> f32 {
        (self.small.size * 2.5).clamp(30.0, 50.0)
    }

    /// Height of the counters under the unit squares, points.
    fn footer_h(&self) -> f32 {
        line_h(&self.small) + line_h(&self.medium) * 2.0 + 6.0
    }

    /// Height a lane needs for everything but its unit squares, points: the colour band, the
    /// margins, the text lines and the flow band, as [`paint_lane`] lays them out.
    fn fixed_h(&self) -> f32 {
        LANE_TOP_H
            + 2.0 * LANE_MARGIN.y
            + line_h(&self.title)
            + 2.0
            + line_h(&self.big)
            + line_h(&self.small)
            + 4.0
            + self.band_h()
            + 4.0
            + line_h(&self.small)
            + 2.0
            + self.footer_h()
    }
}

/// Inner margins of a lane, points.
const LANE_MARGIN: Vec2 = vec2(12.0, 10.0);

/// Height of the model-coloured band at the top of a lane, points.
const LANE_TOP_H: f32 = 6.0;

/// Height kept for the unit squares at the least: three rows.
const MIN_GRID_H: f32 = 3.0 * (MIN_SQUARE + 2.5);

/// Line height of a font, points.
fn line_h(font: &FontId) -> f32 {
    font.size * 1.3
}

/// What the four lanes draw.
struct Lanes<'a> {
    scenario: &'a Scenario,
    run: &'a ScalingRun,
    stats: &'a RunStats,
    t_s: f64,
    dots: &'a DotClock,
}

impl Lanes<'_> {
    /// The four lanes side by side; returns the model whose lane the pointer is over.
    fn ui(&self, ui: &mut egui::Ui, theme: &Theme, height: f32) -> Option<HostingModel> {
        let width = ui.available_width();
        let gap = 12.0;
        let lane_w = ((width - 3.0 * gap) / 4.0).max(120.0);
        // Large text (the projector theme) needs taller lanes rather than squashed squares.
        let height = height.max(LaneFonts::new(theme, lane_w).fixed_h() + MIN_GRID_H);
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        let mut hovered = None;
        for (i, model) in HostingModel::ALL.into_iter().enumerate() {
            let lane = Rect::from_min_size(
                pos2(rect.left() + i as f32 * (lane_w + gap), rect.top()),
                vec2(lane_w, height),
            );
            let Some(sample) = self.run.sample_at(model, self.t_s) else {
                continue;
            };
            let response = ui.interact(lane, ui.scope_id().with(("lane", i)), Sense::hover());
            let is_hovered = response.contains_pointer();
            if is_hovered {
                hovered = Some(model);
            }
            response
                .widget_info(|| WidgetInfo::labeled(Role::Image, true, lane_label(model, sample)));
            let accessible = ui.ctx().has_accesskit_node(response.id);
            let input = LaneInput {
                model,
                sample,
                stats: self.stats,
                unit_rps: scaling::rps_per_unit(self.scenario, model).max(f64::MIN_POSITIVE),
                dots: self.dots,
            };
            paint_lane(ui, &input, theme, lane, (is_hovered, accessible));
        }
        hovered
    }
}

/// What one lane draws.
struct LaneInput<'a> {
    model: HostingModel,
    sample: &'a Sample,
    stats: &'a RunStats,
    unit_rps: f64,
    dots: &'a DotClock,
}

/// The accessible name of a lane: its numbers in one sentence, so tests and screen readers see them.
fn lane_label(model: HostingModel, x: &Sample) -> String {
    format!(
        "{} lane: capacity {} of {} requests per second, {} {} serving, {} booting, {} requests \
         dropped, {} so far",
        model.label(),
        group(x.capacity_rps),
        group(x.demand_rps),
        group(x.serving_units),
        unit_name(model, true),
        group(x.booting_units),
        group(x.cumulative_dropped),
        money(x.cumulative_cost_usd),
    )
}

/// The word for one model's units.
fn unit_name(model: HostingModel, plural: bool) -> &'static str {
    match (model, plural) {
        (HostingModel::OnPrem, false) => "server",
        (HostingModel::OnPrem, true) => "servers",
        (HostingModel::Vm, false) => "instance",
        (HostingModel::Vm, true) => "instances",
        (HostingModel::Containers, false) => "task",
        (HostingModel::Containers, true) => "tasks",
        (HostingModel::Lambda, false) => "environment",
        (HostingModel::Lambda, true) => "environments",
    }
}

/// Paints one lane: title, numbers, the request flow, the unit grid and the counters.
fn paint_lane(
    ui: &egui::Ui,
    input: &LaneInput<'_>,
    theme: &Theme,
    lane: Rect,
    (hovered, accessible): (bool, bool),
) {
    let color = theme.model(input.model);
    let painter = ui.painter_at(lane);
    painter.rect(
        lane,
        CornerRadius::same(8),
        theme.card,
        Stroke::new(
            if hovered { 2.5 } else { 1.0 },
            if hovered { color } else { theme.grid },
        ),
        StrokeKind::Inside,
    );
    // A band of the model's colour on top, so the lane is recognisable from afar.
    painter.rect_filled(
        Rect::from_min_size(lane.min, vec2(lane.width(), LANE_TOP_H)),
        CornerRadius {
            nw: 8,
            ne: 8,
            sw: 0,
            se: 0,
        },
        color,
    );
    let inner = lane.shrink2(LANE_MARGIN);
    let canvas = LaneCanvas {
        ui,
        painter,
        theme,
        fonts: LaneFonts::new(theme, lane.width()),
        inner: Rect::from_min_max(pos2(inner.left(), inner.top() + LANE_TOP_H), inner.max),
        model: input.model,
        tips: hovered || accessible,
    };
    let mut y = canvas.inner.top();
    y = canvas.header(y);
    y = canvas.numbers(input.sample, y);
    y = canvas.flow(input.sample, input.dots, y);
    y = canvas.units_line(input.sample, y);
    let footer_h = canvas.fonts.footer_h();
    let grid_rect = Rect::from_min_max(
        pos2(canvas.inner.left(), y),
        pos2(
            canvas.inner.right(),
            (canvas.inner.bottom() - footer_h).max(y + 10.0),
        ),
    );
    canvas.units(input, grid_rect);
    canvas.counters(input.sample, grid_rect.bottom() + 4.0);
}

/// Where and with what one lane paints; each method paints one block from `y` down and
/// returns where the next block starts.
struct LaneCanvas<'a> {
    ui: &'a egui::Ui,
    painter: egui::Painter,
    theme: &'a Theme,
    fonts: LaneFonts,
    inner: Rect,
    model: HostingModel,
    /// Whether the lane's parts get their tooltips: while the pointer is over the lane, or a
    /// screen reader reads them. Elsewhere no tooltip can show.
    tips: bool,
}

impl LaneCanvas<'_> {
    /// Width of a text on one line, points.
    fn width_of(&self, text: &str, font: &FontId, color: Color32) -> f32 {
        self.painter
            .layout_no_wrap(text.to_owned(), font.clone(), color)
            .size()
            .x
    }

    /// Paints the first of `candidates` that fits the lane at its left edge; returns its rect.
    fn text(&self, y: f32, candidates: &[Candidate<'_>], font: &FontId, color: Color32) -> Rect {
        let laid_out = fit(&self.painter, candidates, font, color, self.inner.width());
        let rect = Rect::from_min_size(pos2(self.inner.left(), y), laid_out.size());
        self.painter.galley(rect.min, laid_out, color);
        rect
    }

    /// A tooltip over part of the lane.
    fn tip<T: Into<egui::WidgetText>>(&self, rect: Rect, key: &str, text: impl FnOnce() -> T) {
        if !self.tips {
            return;
        }
        self.ui
            .interact(
                rect,
                self.ui.scope_id().with((key, self.model)),
                Sense::hover(),
            )
            .on_hover_ui(|ui| {
                ui.label(text());
            });
    }

    /// The model's name, and its service where there is room.
    fn header(&self, y: f32) -> f32 {
        let fonts = &self.fonts;
        let label = self.model.label();
        let service = self.model.service();
        let title = self.text(
            y,
            &[&|| label.to_owned()],
            &fonts.title,
            self.theme.strong_text,
        );
        let service_w = self.width_of(service, &fonts.small, self.theme.weak_text);
        if title.width() + service_w + 10.0 < self.inner.width() {
            self.painter.text(
                pos2(
                    self.inner.right(),
                    y + line_h(&fonts.title) - line_h(&fonts.small),
                ),
                Align2::RIGHT_TOP,
                service,
                fonts.small.clone(),
                self.theme.weak_text,
            );
        }
        y + line_h(&fonts.title) + 2.0
    }

    /// Capacity against demand, the lane's headline number, red while it falls short.
    fn numbers(&self, x: &Sample, y: f32) -> f32 {
        let fonts = &self.fonts;
        let short = x.dropped_rps > 1e-9 * x.demand_rps.max(1.0);
        let color = if short {
            self.theme.dropped
        } else {
            self.theme.strong_text
        };
        let candidates: [Candidate<'_>; 2] = [
            &|| {
                format!(
                    "{} / {} rps",
                    group(x.capacity_rps.min(1e12)),
                    group(x.demand_rps)
                )
            },
            &|| {
                format!(
                    "{} / {} rps",
                    short_number(x.capacity_rps),
                    short_number(x.demand_rps)
                )
            },
        ];
        let rect = self.text(y, &candidates, &fonts.big, color);
        self.tip(rect, "numbers", || {
            format!(
                "Capacity: the requests per second {} could serve now. Demand: the requests per \
                 second arriving now. Red while demand is above capacity.",
                self.model.label()
            )
        });
        let y = y + line_h(&fonts.big);
        let caption: [Candidate<'_>; 2] = [
            &|| "capacity / demand, requests per second".to_owned(),
            &|| "capacity / demand".to_owned(),
        ];
        self.text(y, &caption, &fonts.small, self.theme.weak_text);
        y + line_h(&fonts.small) + 4.0
    }

    /// Requests flowing in.
    fn flow(&self, x: &Sample, dots: &DotClock, y: f32) -> f32 {
        let band_h = self.fonts.band_h();
        let band =
            Rect::from_min_size(pos2(self.inner.left(), y), vec2(self.inner.width(), band_h));
        paint_flow(&self.painter, self.theme, self.model, x, dots, band);
        self.tip(band, "flow", || {
            format!(
                "Requests arriving, left to right, at a rate proportional to demand (each dot ≈ \
                 {} requests at this speed). At the gate they meet {}'s capacity: the ones it \
                 cannot serve fall away in red, dropped and not queued.",
                group(dots.requests_per_dot),
                self.model.label()
            )
        });
        y + band_h + 4.0
    }

    /// Units serving and booting.
    fn units_line(&self, x: &Sample, y: f32) -> f32 {
        let (serving, booting) = (x.serving_units, x.booting_units);
        let candidates: [Candidate<'_>; 3] = [
            &|| {
                format!(
                    "{} {} serving · {} booting",
                    group(serving),
                    unit_name(self.model, group(serving) != "1"),
                    group(booting)
                )
            },
            &|| format!("{} serving · {} booting", group(serving), group(booting)),
            &|| {
                format!(
                    "{} + {} booting",
                    short_number(serving),
                    short_number(booting)
                )
            },
        ];
        self.text(y, &candidates, &self.fonts.small, self.theme.strong_text);
        y + line_h(&self.fonts.small) + 2.0
    }

    /// The unit squares and what each stands for.
    fn units(&self, input: &LaneInput<'_>, area: Rect) {
        let max_units = *input.stats.peak_units.get(self.model);
        let grid = UnitGrid::fit(area.size(), max_units);
        paint_units(
            &self.painter,
            self.theme,
            (self.model, input.sample, input.unit_rps),
            &grid,
            area,
        );
        self.tip(area, "grid", || {
            grid_tooltip(self.model, input.sample, input.unit_rps, &grid)
        });
        let unit = unit_name(self.model, grid.per_square > 1.0);
        let caption: [Candidate<'_>; 3] = [
            &|| format!("each square = {} {unit}", group(grid.per_square)),
            &|| format!("1 square = {} {unit}", group(grid.per_square)),
            &|| format!("1 square = {}", group(grid.per_square)),
        ];
        self.text(
            area.bottom() + 4.0,
            &caption,
            &self.fonts.small,
            self.theme.weak_text,
        );
    }

    /// Dropped requests, money spent and idle capacity.
    fn counters(&self, x: &Sample, y: f32) {
        let fonts = &self.fonts;
        let theme = self.theme;
        let mut y = y + line_h(&fonts.small);
        let any_dropped = x.cumulative_dropped >= 0.5;
        let dropped = x.cumulative_dropped;
        let some: [Candidate<'_>; 3] = [
            &|| format!("dropped: {} requests", group(dropped)),
            &|| format!("dropped: {}", group(dropped)),
            &|| format!("dropped: {}", short_number(dropped)),
        ];
        let none: [Candidate<'_>; 1] = [&|| "dropped: none".to_owned()];
        let (dropped_text, color): (&[Candidate<'_>], _) = if any_dropped {
            (&some, theme.dropped)
        } else {
            (&none, theme.weak_text)
        };
        let rect = self.text(y, dropped_text, &fonts.medium, color);
        self.tip(rect, "dropped", || {
            "Requests turned away since the start because no capacity was free. They are not \
             queued or retried: those users saw an error (Lambda: HTTP 429, throttled)."
        });
        y += line_h(&fonts.medium);

        // Money spent on the left, idle capacity on the right of the same line; in a narrow lane
        // the cost drops its "so far" before the idle share goes.
        let paid_rps = x.served_rps + x.idle_rps;
        let share = if x.idle_rps > 1e-9 && paid_rps > 0.0 {
            percent((x.idle_rps / paid_rps).clamp(0.0, 1.0))
        } else if self.model == HostingModel::Lambda {
            "none".to_owned()
        } else {
            "0%".to_owned()
        };
        let side = fonts.small.size;
        let shortest_idle =
            self.width_of(&format!("idle {share}"), &fonts.small, theme.strong_text);
        let cost = money(x.cumulative_cost_usd);
        let cost_room = self.inner.width() - shortest_idle - side - 18.0;
        let cost_galley = fit(
            &self.painter,
            &[&|| format!("{cost} so far"), &|| cost.clone()],
            &fonts.medium,
            theme.strong_text,
            cost_room,
        );
        let cost_rect = Rect::from_min_size(pos2(self.inner.left(), y), cost_galley.size());
        self.painter
            .galley(cost_rect.min, cost_galley, theme.strong_text);
        self.tip(cost_rect, "cost", || cost_tooltip(self.model));

        let room = self.inner.right() - cost_rect.right() - side - 18.0;
        let candidates: [Candidate<'_>; 2] = [&|| format!("idle, paid for: {share}"), &|| {
            format!("idle {share}")
        }];
        let laid_out = fit(
            &self.painter,
            &candidates,
            &fonts.small,
            theme.strong_text,
            room,
        );
        if laid_out.size().x > room {
            return;
        }
        let baseline = y + line_h(&fonts.medium) - line_h(&fonts.small);
        let rect =
            Align2::RIGHT_TOP.anchor_size(pos2(self.inner.right(), baseline), laid_out.size());
        self.painter.galley(rect.min, laid_out, theme.strong_text);
        let swatch = Rect::from_min_size(
            pos2(
                rect.left() - side - 6.0,
                baseline + (line_h(&fonts.small) - side) / 2.0,
            ),
            Vec2::splat(side),
        );
        self.painter.rect(
            swatch,
            CornerRadius::same(2),
            theme.idle,
            Stroke::new(1.0, theme.model(self.model)),
            StrokeKind::Inside,
        );
        self.tip(rect.union(swatch), "idle", || idle_tooltip(self.model));
    }
}

/// A text to show, written only when asked for: most lanes take their first choice, so the
/// shorter fallbacks are never formatted.
type Candidate<'a> = &'a dyn Fn() -> String;

/// The first of `candidates` that fits in `width`, laid out; else the last (clipped).
fn fit(
    painter: &egui::Painter,
    candidates: &[Candidate<'_>],
    font: &FontId,
    color: Color32,
    width: f32,
) -> Arc<Galley> {
    let mut last = None;
    for text in candidates {
        let laid_out = painter.layout_no_wrap(text(), font.clone(), color);
        if laid_out.size().x <= width {
            return laid_out;
        }
        last = Some(laid_out);
    }
    last.unwrap_or_else(|| painter.layout_no_wrap(String::new(), font.clone(), color))
}

fn cost_tooltip(model: HostingModel) -> &'static str {
    match model {
        HostingModel::OnPrem => {
            "Money spent since the start: the servers' monthly cost (amortisation, power, \
             colocation, administration) spread over the month's seconds. Paid whether they \
             serve or not."
        }
        HostingModel::Vm => {
            "Money spent since the start on instances, billed per second from launch, booting \
             ones included. Load balancer and data transfer are in the cost view."
        }
        HostingModel::Containers => {
            "Money spent since the start on tasks (Fargate vCPU and memory) or nodes, billed per \
             second from launch. Load balancer and control plane are in the cost view."
        }
        HostingModel::Lambda => {
            "Money spent since the start: requests, duration, billed cold-start INIT and any \
             provisioned concurrency, with no free tier. API Gateway is in the cost view."
        }
    }
}

fn idle_tooltip(model: HostingModel) -> &'static str {
    match model {
        HostingModel::Lambda => {
            "Share of paid capacity doing nothing right now. Lambda bills only requests and \
             their duration, so idle environments cost nothing; only provisioned concurrency is \
             paid for while idle."
        }
        HostingModel::OnPrem | HostingModel::Vm | HostingModel::Containers => {
            "Share of paid capacity doing nothing right now: money spent for nothing. Squares \
             shaded this way are paid for but idle."
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Request dots

/// Where the dots are: a function of the playhead and the speed only, so a paused frame (and a
/// snapshot) is always the same.
#[derive(Clone, Debug)]
struct DotClock {
    /// Playback time, s: simulated time since the start divided by the speed.
    tau_s: f64,
    peak_rps: f64,
    /// Requests one dot stands for at the peak.
    requests_per_dot: f64,
}

impl DotClock {
    fn new(run: &ScalingRun, stats: &RunStats, t_s: f64, speed: f64) -> Self {
        let peak_rps = stats.peak_demand_rps;
        Self {
            tau_s: (t_s - run.start_s) / speed,
            peak_rps,
            requests_per_dot: peak_rps * speed / DOT_SLOTS_PER_S,
        }
    }
}

/// One dot: how far it has travelled (0..1), its height in the band (0..1), whether it is
/// dropped at the gate.
struct Dot {
    progress: f32,
    lane_y: f32,
    dropped: bool,
}

/// The dots of one model at the clock's time. Dots move with the playhead, but how many there
/// are and which are dropped follow the current sample, so the band always shows "now".
fn dots_of(x: &Sample, clock: &DotClock) -> impl Iterator<Item = Dot> {
    let first = ((clock.tau_s - DOT_TRAVEL_S) * DOT_SLOTS_PER_S).floor() as i64;
    let last = (clock.tau_s * DOT_SLOTS_PER_S).floor() as i64;
    // Even at low demand about one dot shows, so a trickle of requests stays visible.
    let floor_share = 1.0 / (DOT_SLOTS_PER_S * DOT_TRAVEL_S);
    let share = if x.demand_rps > 0.0 && clock.peak_rps > 0.0 {
        (x.demand_rps / clock.peak_rps).max(floor_share)
    } else {
        0.0
    };
    let dropped_share = if x.demand_rps > 0.0 {
        x.dropped_rps / x.demand_rps
    } else {
        0.0
    };
    (first..=last).filter_map(move |k| {
        let progress = (clock.tau_s - k as f64 / DOT_SLOTS_PER_S) / DOT_TRAVEL_S;
        // The slot number seeds the dot's draws (wrapping negative ones is fine), so a dot keeps
        // its height and fate from frame to frame.
        let mut rng = SplitMix64(k as u64);
        let (keep, fate, height) = (rng.unit(), rng.unit(), rng.unit());
        if !(0.0..1.0).contains(&progress) || keep >= share {
            return None;
        }
        Some(Dot {
            progress: progress as f32,
            lane_y: height as f32,
            dropped: fate < dropped_share,
        })
    })
}

/// Paints the flow band: dots travel to the gate; served ones pass, dropped ones fall away.
fn paint_flow(
    painter: &egui::Painter,
    theme: &Theme,
    model: HostingModel,
    x: &Sample,
    clock: &DotClock,
    band: Rect,
) {
    let color = theme.model(model);
    let painter = painter.with_clip_rect(band.expand(2.0));
    painter.rect_filled(band, CornerRadius::same(4), theme.background);
    let gate_x = band.left() + GATE_AT * band.width();
    let radius = (band.height() / 9.0).clamp(2.5, 5.0);
    let lane_top = band.top() + radius + 2.0;
    let lane_h = band.height() * 0.5 - radius;
    for dot in dots_of(x, clock) {
        let x = band.left() + dot.progress * band.width();
        let y = lane_top + dot.lane_y * lane_h;
        if dot.dropped && x > gate_x {
            // Past the gate a dropped request slows, falls and fades.
            let v = (dot.progress - GATE_AT) / (1.0 - GATE_AT);
            let fx = gate_x + v * 0.35 * (band.right() - gate_x);
            let fy = y + v * v * (band.bottom() - y + radius * 2.0);
            painter.circle_filled(
                pos2(fx, fy),
                radius,
                theme.dropped.gamma_multiply(1.0 - 0.7 * v),
            );
        } else {
            // Served requests keep their colour: only the dropped ones change, so the two can
            // never be confused (on-premises' colour is close to the dropped colour).
            painter.circle_filled(pos2(x, y), radius, theme.demand);
        }
    }
    painter.line_segment(
        [pos2(gate_x, band.top()), pos2(gate_x, band.bottom())],
        Stroke::new(theme.line_width + 1.0, color),
    );
}

// ---------------------------------------------------------------------------------------------
// Unit squares

/// How the unit squares of a lane are laid out: how many units each stands for, and their size.
#[derive(Clone, Copy, Debug, PartialEq)]
struct UnitGrid {
    per_square: f64,
    side: f32,
    gap: f32,
    cols: usize,
    rows: usize,
}

impl UnitGrid {
    /// The smallest round number of units per square (1, 2, 5, 10, 20, 50…) whose squares,
    /// `max_units` of them at most, fit `area` at a legible size; then the largest such size.
    fn fit(area: Vec2, max_units: f64) -> Self {
        let max_units = if max_units.is_finite() {
            max_units.max(1.0)
        } else {
            1.0
        };
        let mut per_square = 1.0;
        loop {
            let squares = (max_units / per_square).ceil() as usize;
            let mut side = MAX_SQUARE;
            while side >= MIN_SQUARE {
                let gap = (side * 0.22).clamp(1.5, 5.0);
                let cols = ((area.x + gap) / (side + gap)).floor().max(0.0) as usize;
                let rows = ((area.y + gap) / (side + gap)).floor().max(0.0) as usize;
                if cols * rows >= squares {
                    return Self {
                        per_square,
                        side,
                        gap,
                        cols,
                        rows,
                    };
                }
                side -= 1.0;
            }
            if per_square >= 1e12 {
                // Nothing fits (a lane too small): one square for everything.
                return Self {
                    per_square: max_units,
                    side: MIN_SQUARE,
                    gap: 1.5,
                    cols: 1,
                    rows: 1,
                };
            }
            per_square = next_round(per_square);
        }
    }

    fn capacity(&self) -> usize {
        self.cols * self.rows
    }

    /// The rect of square `i`, row by row from the top left.
    fn square(&self, area: Rect, i: usize) -> Rect {
        let col = (i % self.cols.max(1)) as f32;
        let row = (i / self.cols.max(1)) as f32;
        Rect::from_min_size(
            pos2(
                area.left() + col * (self.side + self.gap),
                area.top() + row * (self.side + self.gap),
            ),
            Vec2::splat(self.side),
        )
    }
}

/// The round number after `x` in 1, 2, 5, 10, 20, 50…
fn next_round(x: f64) -> f64 {
    let magnitude = 10f64.powf(x.log10().floor());
    let mantissa = (x / magnitude).round();
    if mantissa < 2.0 {
        2.0 * magnitude
    } else if mantissa < 5.0 {
        5.0 * magnitude
    } else {
        10.0 * magnitude
    }
}

/// The most squares' worth of units a lane ever needs: what it runs and boots, or what demand
/// needs when that is more.
fn peak_units(samples: &[Sample], unit_rps: f64) -> f64 {
    samples
        .iter()
        .map(|x| (x.serving_units + x.booting_units).max(x.demand_rps / unit_rps))
        .fold(1.0, f64::max)
}

/// Units in each state a square can show, in drawing order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct UnitStates {
    /// Serving requests right now.
    busy: f64,
    /// Paid for and up, but with nothing to do.
    idle_paid: f64,
    /// Up but not billed while idle (warm Lambda environments).
    warm: f64,
    /// Launched but not serving yet.
    booting: f64,
    /// Needed by demand but not there at all.
    missing: f64,
}

impl UnitStates {
    fn of(x: &Sample, unit_rps: f64) -> Self {
        let serving = x.serving_units.max(0.0);
        let booting = x.booting_units.max(0.0);
        let busy = (x.served_rps / unit_rps).clamp(0.0, serving);
        let idle_paid = (x.idle_rps / unit_rps).clamp(0.0, serving - busy);
        Self {
            busy,
            idle_paid,
            warm: (serving - busy - idle_paid).max(0.0),
            booting,
            missing: (x.demand_rps / unit_rps - serving - booting).max(0.0),
        }
    }

    /// Where each state's squares end, counted from the first square: rounded to whole squares,
    /// and at least one square for a state holding half a unit or more.
    fn edges(&self, per_square: f64) -> [usize; 5] {
        let counts = [
            self.busy,
            self.idle_paid,
            self.warm,
            self.booting,
            self.missing,
        ];
        let mut edges = [0; 5];
        let mut total = 0.0;
        let mut previous = 0;
        for (edge, count) in edges.iter_mut().zip(counts) {
            total += count;
            let mut end = ((total / per_square).round() as usize).max(previous);
            if count >= 0.5 && end == previous {
                end += 1;
            }
            *edge = end;
            previous = end;
        }
        edges
    }
}

/// Paints the squares of a lane (busy, idle but paid, warm, booting, missing) as one mesh:
/// hundreds of squares cost one shape.
fn paint_units(
    painter: &egui::Painter,
    theme: &Theme,
    (model, x, unit_rps): (HostingModel, &Sample, f64),
    grid: &UnitGrid,
    area: Rect,
) {
    let edges = UnitStates::of(x, unit_rps).edges(grid.per_square);
    let mesh = units_mesh(theme, model, edges, grid, area);
    painter
        .with_clip_rect(area.expand(1.0))
        .add(Shape::mesh(mesh));
}

/// The unit squares of a lane as one mesh: squares `..busy` busy, then idle and paid for, warm,
/// booting and missing up to the last edge.
fn units_mesh(
    theme: &Theme,
    model: HostingModel,
    [busy, idle, warm, booting, missing]: [usize; 5],
    grid: &UnitGrid,
    area: Rect,
) -> Mesh {
    let color = theme.model(model);
    let line = 1.5;
    let mut mesh = Mesh::default();
    for i in 0..missing.min(grid.capacity()) {
        let square = grid.square(area, i);
        if i < busy {
            mesh.add_colored_rect(square, color);
        } else if i < idle {
            mesh.add_colored_rect(square, theme.idle);
            add_outline(&mut mesh, square, line, color);
        } else if i < warm {
            // Smaller and paler: up, but asleep and not billed.
            mesh.add_colored_rect(square.shrink(grid.side * 0.15), color.gamma_multiply(0.45));
        } else if i < booting {
            mesh.add_colored_rect(square, theme.booting.gamma_multiply(0.3));
            add_outline(&mut mesh, square, line, theme.booting);
            let inner = square.shrink(2.0);
            add_segment(
                &mut mesh,
                inner.left_bottom(),
                inner.right_top(),
                line,
                theme.booting,
            );
        } else {
            add_outline(&mut mesh, square, line, theme.dropped);
        }
    }
    mesh
}

/// Adds the outline of `rect`, `width` thick and inside it, to a mesh: a ring of eight
/// vertices (the outer and the inner corners) and eight triangles, the same pixels as four side
/// rectangles for half the vertices; a lane at a traffic peak outlines hundreds of squares.
fn add_outline(mesh: &mut Mesh, rect: Rect, width: f32, color: Color32) {
    let thick = width.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let inner = rect.shrink(thick);
    let base = mesh.vertices.len() as u32;
    let corners = |r: Rect| {
        [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
        ]
    };
    for p in corners(rect).into_iter().chain(corners(inner)) {
        mesh.colored_vertex(p, color);
    }
    // Side k runs from corner k to corner k + 1, outer (k) to inner (4 + k).
    for k in 0..4 {
        let next = (k + 1) % 4;
        mesh.add_triangle(base + k, base + next, base + 4 + next);
        mesh.add_triangle(base + k, base + 4 + next, base + 4 + k);
    }
}

/// Adds a straight segment from `a` to `b`, `width` thick, to a mesh.
fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let normal = (b - a).normalized().rot90() * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for p in [a + normal, a - normal, b + normal, b - normal] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base + 1, base + 3, base + 2);
}

fn grid_tooltip(model: HostingModel, x: &Sample, unit_rps: f64, grid: &UnitGrid) -> String {
    let states = UnitStates::of(x, unit_rps);
    let warm = if model == HostingModel::Lambda {
        format!(
            "Pale: {} warm and waiting, not billed.\n",
            group(states.warm.floor())
        )
    } else {
        String::new()
    };
    format!(
        "Each square is {} {}.\nFilled: {} busy serving requests.\n{warm}\
         Shaded: {} idle but paid for.\nHatched grey: {} booting, paid for but not serving yet.\n\
         Red outline: {} more {} that demand needs but that do not exist.",
        group(grid.per_square),
        unit_name(model, grid.per_square > 1.0),
        group(states.busy.ceil()),
        group(states.idle_paid.floor()),
        group(states.booting),
        group(states.missing.ceil()),
        unit_name(model, true),
    )
}

// ---------------------------------------------------------------------------------------------
// Legends

/// What a legend swatch shows.
#[derive(Clone, Copy)]
enum Swatch {
    Busy,
    IdlePaid,
    Warm,
    Booting,
    Missing,
    Dot(Color32),
    Line(Color32, f32),
    Area(Color32),
}

/// A painted swatch followed by its label, with a tooltip.
fn legend_item(ui: &mut egui::Ui, theme: &Theme, swatch: Swatch, label: &str, tip: &str) {
    // Swatch and label are allocated as one item, so a wrapping legend never parts them.
    let size = 16.0 * theme.text_scale;
    let font = theme.font(16.0);
    let text = ui
        .painter()
        .layout_no_wrap(label.to_owned(), font, theme.strong_text);
    let gap = 6.0;
    let item = vec2(
        size * 1.4 + gap + text.size().x + 10.0,
        text.size().y.max(size),
    );
    let (item_rect, response) = ui.allocate_exact_size(item, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, label));
    response.on_hover_text(tip);
    let rect = Rect::from_min_size(
        pos2(item_rect.left(), item_rect.center().y - size / 2.0),
        vec2(size * 1.4, size),
    );
    let painter = ui.painter();
    painter.galley(
        pos2(
            rect.right() + gap,
            item_rect.center().y - text.size().y / 2.0,
        ),
        text,
        theme.strong_text,
    );
    let square = Rect::from_center_size(rect.center(), Vec2::splat(size * 0.9));
    let radius = CornerRadius::same(2);
    match swatch {
        Swatch::Busy => {
            // One stripe per model colour: busy squares take their lane's colour.
            let w = square.width() / 4.0;
            for (i, model) in HostingModel::ALL.into_iter().enumerate() {
                let stripe = Rect::from_min_size(
                    pos2(square.left() + i as f32 * w, square.top()),
                    vec2(w, square.height()),
                );
                painter.rect_filled(stripe, 0, theme.model(model));
            }
        }
        Swatch::IdlePaid => {
            painter.rect(
                square,
                radius,
                theme.idle,
                Stroke::new(1.5, theme.weak_text),
                StrokeKind::Inside,
            );
        }
        Swatch::Warm => {
            painter.rect_filled(
                square.shrink(square.width() * 0.15),
                radius,
                theme.model(HostingModel::Lambda).gamma_multiply(0.45),
            );
        }
        Swatch::Booting => {
            painter.rect(
                square,
                radius,
                theme.booting.gamma_multiply(0.3),
                Stroke::new(1.5, theme.booting),
                StrokeKind::Inside,
            );
            let s = square.shrink(2.0);
            painter.line_segment(
                [s.left_bottom(), s.right_top()],
                Stroke::new(1.5, theme.booting),
            );
        }
        Swatch::Missing => {
            painter.rect_stroke(
                square,
                radius,
                Stroke::new(1.5, theme.dropped),
                StrokeKind::Inside,
            );
        }
        Swatch::Dot(color) => {
            painter.circle_filled(rect.center(), size * 0.25, color);
        }
        Swatch::Line(color, width) => {
            painter.line_segment(
                [
                    pos2(rect.left(), rect.center().y),
                    pos2(rect.right(), rect.center().y),
                ],
                Stroke::new(width, color),
            );
        }
        Swatch::Area(color) => {
            painter.rect_filled(square, radius, color);
        }
    }
}

/// The legend of the lanes' squares and dots.
fn lane_legend_ui(ui: &mut egui::Ui, theme: &Theme, clock: &DotClock) {
    ui.horizontal_wrapped(|ui| {
        legend_item(
            ui,
            theme,
            Swatch::Busy,
            "busy",
            "Units serving requests right now, in their model's colour",
        );
        legend_item(
            ui,
            theme,
            Swatch::IdlePaid,
            "idle, paid for",
            "Capacity that is up and billed but has nothing to do: money spent for nothing",
        );
        legend_item(
            ui,
            theme,
            Swatch::Warm,
            "warm, not billed",
            "Lambda environments kept warm between requests; AWS bills nothing while they wait",
        );
        legend_item(
            ui,
            theme,
            Swatch::Booting,
            "booting",
            "Launched but not serving yet: instances booting, tasks starting, Lambda cold starts",
        );
        legend_item(
            ui,
            theme,
            Swatch::Missing,
            "missing",
            "Units that demand needs right now but that do not exist",
        );
        legend_item(
            ui,
            theme,
            Swatch::Dot(theme.demand),
            "request",
            &format!(
                "Requests arriving at a rate proportional to demand; each dot ≈ {} requests at \
                 this speed",
                group(clock.requests_per_dot)
            ),
        );
        legend_item(
            ui,
            theme,
            Swatch::Dot(theme.dropped),
            "dropped, not queued",
            "Requests that found no free capacity: turned away at once, never queued or retried",
        );
    });
}

/// The legend of the chart's lines.
fn chart_legend_ui(ui: &mut egui::Ui, theme: &Theme) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Demand and capacity, requests per second").strong());
        ui.add_space(8.0);
        legend_item(
            ui,
            theme,
            Swatch::Line(theme.demand, theme.line_width + 1.5),
            "demand",
            "Requests per second arriving (the scenario's traffic)",
        );
        for model in HostingModel::ALL {
            legend_item(
                ui,
                theme,
                Swatch::Line(theme.model(model), theme.line_width),
                model.label(),
                &format!(
                    "Requests per second {} could serve at each moment",
                    model.label()
                ),
            );
        }
        legend_item(
            ui,
            theme,
            Swatch::Area(theme.dropped.gamma_multiply(0.4)),
            "dropped",
            "Demand above a model's capacity: requests dropped. Point at a lane to see only its \
             model's.",
        );
    });
}

// ---------------------------------------------------------------------------------------------
// Chart

/// Maps the timeline and request rates to the chart's plot rect: the one place model space
/// becomes screen space.
#[derive(Clone, Copy, Debug)]
struct ChartMap {
    plot: Rect,
    t0_s: f64,
    t1_s: f64,
    max_rps: f64,
    /// Round step between the horizontal grid lines, requests per second.
    y_step: f64,
}

impl ChartMap {
    fn x_from_secs(&self, t_s: f64) -> f32 {
        let span = (self.t1_s - self.t0_s).max(f64::MIN_POSITIVE);
        self.plot.left() + ((t_s - self.t0_s) / span) as f32 * self.plot.width()
    }

    fn secs_from_x(&self, x: f32) -> f64 {
        let share = f64::from((x - self.plot.left()) / self.plot.width().max(1.0));
        (self.t0_s + share * (self.t1_s - self.t0_s)).clamp(self.t0_s, self.t1_s)
    }

    fn y_from_rps(&self, rps: f64) -> f32 {
        let share = (rps / self.max_rps.max(f64::MIN_POSITIVE)).clamp(0.0, 1.05);
        self.plot.bottom() - share as f32 * self.plot.height()
    }

    fn pos(&self, t_s: f64, rps: f64) -> Pos2 {
        pos2(self.x_from_secs(t_s), self.y_from_rps(rps))
    }
}

/// The chart: every model's capacity and the demand over the whole timeline, dropped areas and
/// What the chart draws.
struct ChartInput<'a> {
    run: &'a ScalingRun,
    t_s: f64,
    /// The model whose lane the pointer is over: its dropped area alone, its line thicker.
    focus: Option<HostingModel>,
    height: f32,
}

/// The chart: every model's capacity and the demand over the whole timeline, dropped areas and
/// the playhead. Returns a new playhead time when the chart is clicked or dragged.
fn chart_ui(
    ui: &mut egui::Ui,
    input: &ChartInput<'_>,
    theme: &Theme,
    cache: &mut ViewCache,
) -> Option<f64> {
    let ChartInput {
        run,
        t_s,
        focus,
        height,
    } = *input;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click_and_drag());
    response.widget_info(|| {
        WidgetInfo::labeled(
            Role::Image,
            true,
            "Demand and capacity over time; click or drag to move the playhead",
        )
    });
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::same(8), theme.card);

    let small = theme.font(14.0);
    let axis_w = painter
        .layout_no_wrap("100,000".to_owned(), small.clone(), theme.weak_text)
        .size()
        .x
        + 14.0;
    let plot = Rect::from_min_max(
        pos2(rect.left() + axis_w, rect.top() + 12.0),
        pos2(rect.right() - 14.0, rect.bottom() - line_h(&small) - 8.0),
    );
    let max_rps = cache.stats.max_rps;
    // About four steps up to the highest rate.
    let y_step = nice_step(max_rps * 1.02 / 4.0);
    let map = ChartMap {
        plot,
        t0_s: run.start_s,
        t1_s: run.end_s.max(run.start_s + 1.0),
        max_rps: (max_rps * 1.02 / y_step).ceil() * y_step,
        y_step,
    };

    paint_axes(&painter, theme, &map, &small);
    let key = ChartKey {
        version: cache.version,
        plot,
        theme: theme.kind,
        focus,
    };
    if cache.chart_key != Some(key) {
        cache.chart_shapes = series_shapes(run, theme, &map, focus);
        cache.chart_key = Some(key);
    }
    painter
        .with_clip_rect(plot.expand(theme.line_width))
        .extend(cache.chart_shapes.iter().cloned());

    // The playhead.
    let x = map.x_from_secs(t_s);
    painter.line_segment(
        [pos2(x, plot.top() - 4.0), pos2(x, plot.bottom())],
        Stroke::new(theme.line_width.max(2.0), theme.highlight),
    );
    let head = Shape::convex_polygon(
        vec![
            pos2(x - 7.0, plot.top() - 10.0),
            pos2(x + 7.0, plot.top() - 10.0),
            pos2(x, plot.top() - 1.0),
        ],
        theme.highlight,
        Stroke::NONE,
    );
    painter.add(head);

    let mut scrubbed = None;
    if let Some(pointer) = response.interact_pointer_pos()
        && (response.is_pointer_button_down_on() || response.clicked() || response.dragged())
    {
        scrubbed = Some(map.secs_from_x(pointer.x));
    }
    if let Some(hover) = response.hover_pos()
        && plot.x_range().contains(hover.x)
        && !response.dragged()
    {
        let hover_t = map.secs_from_x(hover.x);
        painter.line_segment(
            [pos2(hover.x, plot.top()), pos2(hover.x, plot.bottom())],
            Stroke::new(1.0, theme.weak_text),
        );
        response.on_hover_ui_at_pointer(|ui| chart_tooltip(ui, run, theme, hover_t));
    }
    scrubbed
}

/// Horizontal lines at round request rates and vertical ones at round times, labelled.
fn paint_axes(painter: &egui::Painter, theme: &Theme, map: &ChartMap, small: &FontId) {
    let label = |text: &str, place: &dyn Fn(Vec2) -> (Pos2, Align2)| {
        let galley = painter.layout_no_wrap(text.to_owned(), small.clone(), theme.weak_text);
        let (pos, align) = place(galley.size());
        painter.galley(
            align.anchor_size(pos, galley.size()).min,
            galley,
            theme.weak_text,
        );
    };
    let plot = map.plot;
    let lines = (map.max_rps / map.y_step).round().clamp(1.0, 20.0) as usize;
    for i in 0..=lines {
        let rps = i as f64 * map.y_step;
        let y = map.y_from_rps(rps);
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0, theme.grid),
        );
        label(&group(rps), &|_| {
            (pos2(plot.left() - 6.0, y), Align2::RIGHT_CENTER)
        });
    }
    let t_step = time_step(map.t1_s - map.t0_s, plot.width());
    let first = (map.t0_s / t_step).ceil() as i64;
    let last = (map.t1_s / t_step + 1e-9).floor() as i64;
    for i in first..=last {
        let t = i as f64 * t_step;
        let x = map.x_from_secs(t);
        painter.line_segment(
            [pos2(x, plot.top()), pos2(x, plot.bottom())],
            Stroke::new(1.0, theme.grid.gamma_multiply(0.5)),
        );
        // The last label moves left rather than being cut at the chart's edge.
        label(&clock(t), &|size| {
            let half = size.x / 2.0;
            (
                pos2(x.min(plot.right() + 12.0 - half), plot.bottom() + 4.0),
                Align2::CENTER_TOP,
            )
        });
    }
}

/// Dropped areas under everything, then every model's capacity, then demand on top.
fn series_shapes(
    run: &ScalingRun,
    theme: &Theme,
    map: &ChartMap,
    focus: Option<HostingModel>,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for model in HostingModel::ALL {
        let alpha = match focus {
            None => 0.22,
            Some(m) if m == model => 0.5,
            Some(_) => continue,
        };
        let mesh = dropped_mesh(
            &run.model(model).samples,
            map,
            theme.dropped.gamma_multiply(alpha),
        );
        if !mesh.is_empty() {
            shapes.push(Shape::mesh(mesh));
        }
    }
    for model in HostingModel::ALL {
        let width = if focus == Some(model) {
            theme.line_width * 2.0
        } else {
            theme.line_width
        };
        let points = polyline(&run.model(model).samples, map, |x| x.capacity_rps);
        shapes.push(Shape::line(points, Stroke::new(width, theme.model(model))));
    }
    let demand = polyline(&run.model(HostingModel::Lambda).samples, map, |x| {
        x.demand_rps
    });
    shapes.push(Shape::line(
        demand,
        Stroke::new(theme.line_width + 1.5, theme.demand),
    ));
    shapes
}

/// The numbers under the pointer.
fn chart_tooltip(ui: &mut egui::Ui, run: &ScalingRun, theme: &Theme, t_s: f64) {
    let Some(first) = run.sample_at(HostingModel::Lambda, t_s) else {
        return;
    };
    ui.label(
        RichText::new(format!(
            "t = {}: demand {} requests per second (rps)",
            clock(t_s),
            group(first.demand_rps)
        ))
        .strong(),
    );
    for model in HostingModel::ALL {
        if let Some(x) = run.sample_at(model, t_s) {
            let dropped = if x.dropped_rps >= 0.5 {
                format!(", {} rps dropped", group(x.dropped_rps))
            } else {
                String::new()
            };
            ui.label(
                RichText::new(format!(
                    "{}: capacity {} rps{dropped}",
                    model.label(),
                    group(x.capacity_rps)
                ))
                .color(theme.model(model)),
            );
        }
    }
    ui.label(RichText::new("Click or drag to move the playhead here").color(theme.weak_text));
}

/// A series as a polyline with at most a few points per pixel column (the column's first,
/// extreme and last value), and straight stretches merged into one segment, so long runs and
/// flat plateaus stay cheap to draw while spikes stay visible.
fn polyline(samples: &[Sample], map: &ChartMap, value: impl Fn(&Sample) -> f64) -> Vec<Pos2> {
    let mut points = Vec::new();
    // The column being gathered: its index, x, and its first, lowest, highest and last y.
    let mut column: Option<(i64, f32, [f32; 4])> = None;
    let flush = |points: &mut Vec<Pos2>, (_, x, [first, low, high, last]): (i64, f32, [f32; 4])| {
        push_point(points, pos2(x, first));
        if high - low > 0.5 {
            let extreme = if (first - low).abs() < (first - high).abs() {
                high
            } else {
                low
            };
            push_point(points, pos2(x, extreme));
        }
        push_point(points, pos2(x, last));
    };
    for sample in samples {
        let p = map.pos(sample.t_s, value(sample));
        let col = p.x.floor() as i64;
        match &mut column {
            Some((c, _, ys)) if *c == col => {
                ys[1] = ys[1].min(p.y);
                ys[2] = ys[2].max(p.y);
                ys[3] = p.y;
            }
            _ => {
                if let Some(c) = column {
                    flush(&mut points, c);
                }
                column = Some((col, p.x, [p.y; 4]));
            }
        }
    }
    if let Some(c) = column {
        flush(&mut points, c);
    }
    points
}

/// Appends a point, or moves the last one there when the last two and the new one lie on one
/// straight line in the same direction (within a quarter point).
fn push_point(points: &mut Vec<Pos2>, p: Pos2) {
    let n = points.len();
    if let (Some(&a), Some(&b)) = (points.get(n.wrapping_sub(2)), points.get(n.wrapping_sub(1)))
        && collinear(a, b, p)
        && let Some(last) = points.last_mut()
    {
        *last = p;
        return;
    }
    if points.last() != Some(&p) {
        points.push(p);
    }
}

/// Whether `b` lies on the segment from `a` to `c`, within a quarter point.
fn collinear(a: Pos2, b: Pos2, c: Pos2) -> bool {
    let (ab, bc, ac) = (b - a, c - b, c - a);
    let cross = ab.x * ac.y - ab.y * ac.x;
    cross.abs() <= 0.25 * ac.length().max(1.0) && ab.dot(bc) >= 0.0
}

/// The dropped requests of one model as a filled band between the served and the offered rate,
/// straight stretches merged into one quad.
fn dropped_mesh(samples: &[Sample], map: &ChartMap, color: Color32) -> Mesh {
    // Edge pairs (offered on top, served below) along the band; a pair whose two edges both
    // continue the previous segments in a straight line replaces the previous pair.
    let mut edges: Vec<[Pos2; 2]> = Vec::new();
    for sample in samples {
        let x = map.x_from_secs(sample.t_s);
        let pair = [
            pos2(x, map.y_from_rps(sample.served_rps + sample.dropped_rps)),
            pos2(x, map.y_from_rps(sample.served_rps)),
        ];
        let n = edges.len();
        if let (Some(a), Some(b)) = (edges.get(n.wrapping_sub(2)), edges.get(n.wrapping_sub(1)))
            && collinear(a[0], b[0], pair[0])
            && collinear(a[1], b[1], pair[1])
            && let Some(last) = edges.last_mut()
        {
            *last = pair;
        } else {
            edges.push(pair);
        }
    }
    let mut mesh = Mesh::default();
    for window in edges.windows(2) {
        let [[top0, bottom0], [top1, bottom1]] = window else {
            continue;
        };
        if bottom0.y - top0.y <= 0.1 && bottom1.y - top1.y <= 0.1 {
            continue;
        }
        let base = mesh.vertices.len() as u32;
        for p in [top0, bottom0, top1, bottom1] {
            mesh.colored_vertex(*p, color);
        }
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base + 1, base + 3, base + 2);
    }
    mesh
}

/// A round time step for the axis: labels at least ~90 points apart.
fn time_step(span_s: f64, width: f32) -> f64 {
    const STEPS: [f64; 16] = [
        1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0,
        21_600.0, 43_200.0,
    ];
    let most = (f64::from(width) / 90.0).max(1.0);
    STEPS
        .into_iter()
        .find(|step| span_s / step <= most)
        .unwrap_or(86_400.0)
}

// ---------------------------------------------------------------------------------------------
// Summary

/// The summary's column titles and what each means.
const SUMMARY_COLUMNS: [(&str, &str); 6] = [
    ("Model", "The hosting model"),
    ("Served (requests)", "Requests served over the timeline"),
    (
        "Dropped (requests)",
        "Requests dropped or throttled over the timeline; not queued, not retried",
    ),
    (
        "Peak capacity",
        "The most requests it could serve at once: for Lambda its most execution environments; \
         for the others the most requests per second they could serve times the average duration",
    ),
    (
        "Catch-up time",
        "From the first moment demand exceeds capacity until capacity meets demand again; \
         \"until demand fell\" when capacity never reached the peak of demand",
    ),
    (
        "Cost",
        "Compute cost over the timeline, USD; load balancers and gateways are in the cost view",
    ),
];

/// One row per model over the whole timeline, and one plain sentence each.
fn summary_ui(ui: &mut egui::Ui, stats: &RunStats, theme: &Theme) {
    ui.label(
        RichText::new("Over the whole timeline")
            .font(theme.font(20.0))
            .strong(),
    );
    ui.add_space(4.0);
    summary_table_ui(ui, stats, theme);
    ui.add_space(6.0);
    for model in HostingModel::ALL {
        story_ui(ui, theme, model, stats.stories.get(model));
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
    rows.push(SUMMARY_COLUMNS.map(|(title, _)| layout(title, strong_color)));
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
            .zip(SUMMARY_COLUMNS)
            .zip(SUMMARY_AMOUNTS)
            .enumerate()
        {
            let cell_rect = Rect::from_min_size(pos2(x, top), vec2(w, row_h));
            if i == 0 && (accessible || (pointer_in && ui.rect_contains_pointer(cell_rect))) {
                let title_response =
                    ui.interact(cell_rect, response.id.with(("title", col)), Sense::hover());
                title_response.widget_info(|| WidgetInfo::labeled(Role::Label, true, title));
                title_response.on_hover_text(tip);
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

/// The catch-up column in words.
fn catch_up_text(shortfall: Shortfall) -> String {
    match shortfall {
        Shortfall::Never => "never fell short".to_owned(),
        Shortfall::CaughtUp { after_s } => format!("caught up in {}", duration(after_s)),
        Shortfall::UntilDemandFell { after_s } => {
            format!("short {} until demand fell", duration(after_s))
        }
        Shortfall::ToTheEnd { after_s } => format!("still short after {}", duration(after_s)),
    }
}

/// One plain sentence of what happened to a model over the timeline.
fn story(model: HostingModel, scenario: &Scenario, run: &ScalingRun) -> String {
    let summary = &run.model(model).summary;
    let growth = run.growth(model);
    let shortfall = run.shortfall(model);
    let offered = summary.offered_requests.max(f64::MIN_POSITIVE);
    let dropped = format!(
        "{} requests dropped ({})",
        group(summary.dropped_requests),
        percent(summary.dropped_requests / offered)
    );
    let added = growth.peak_units - growth.start_units;
    let label = model.label();
    let kept = format!(
        "{label} kept {} {}",
        group(growth.start_units),
        unit_name(model, growth.start_units > 1.0)
    );
    let grew = growth.first_added_s.filter(|_| added >= 0.5).map(|from_s| {
        format!(
            "{label} added {} {} in {}",
            group(added),
            unit_name(model, added > 1.0),
            duration(growth.peak_s - from_s)
        )
    });
    match model {
        HostingModel::OnPrem => {
            if shortfall == Shortfall::Never {
                format!(
                    "{kept}: they covered every request, and {} of what they could serve sat \
                     idle, paid for anyway",
                    percent(summary.idle_capacity_share)
                )
            } else {
                format!(
                    "{kept} and shed the rest: {dropped}; another server takes {} days to arrive",
                    group(scenario.on_prem.procurement_days)
                )
            }
        }
        HostingModel::Vm | HostingModel::Containers => {
            let (max, chores) = if model == HostingModel::Vm {
                (
                    f64::from(scenario.vm.max_instances),
                    "you chose the instance size, the limits and the scaling policy",
                )
            } else {
                (
                    f64::from(scenario.containers.max_tasks),
                    "you chose the task size, the limits and the scaling policy",
                )
            };
            let growth_text = match (grew, growth.first_added_s) {
                (Some(grew), Some(from_s)) => {
                    format!(
                        "{grew}, from {} when its scaling policy reacted",
                        clock(from_s)
                    )
                }
                _ => kept,
            };
            let capped = if growth.peak_units >= max && added >= 0.5 {
                format!(", capped at its maximum of {}", group(max))
            } else {
                String::new()
            };
            let outcome = match shortfall {
                Shortfall::Never => "it never fell short".to_owned(),
                Shortfall::CaughtUp { after_s } => {
                    format!("short of demand for {}: {dropped}", duration(after_s))
                }
                Shortfall::UntilDemandFell { .. } => format!("short until demand fell: {dropped}"),
                Shortfall::ToTheEnd { .. } => format!("still short at the end: {dropped}"),
            };
            format!("{growth_text}{capped}; {outcome}; {chores}")
        }
        HostingModel::Lambda => {
            let growth_text = grew.unwrap_or(kept);
            if shortfall == Shortfall::Never {
                format!("{growth_text}; nothing to do on your part")
            } else {
                let lambda = &scenario.lambda;
                let limit = lambda
                    .reserved_concurrency
                    .map_or(lambda.account_concurrency_limit, |reserved| {
                        reserved.min(lambda.account_concurrency_limit)
                    });
                format!(
                    "{growth_text}, but was throttled at times (concurrency limit {}, scaling \
                     rate): {dropped}; ask AWS to raise the quota, or keep environments ready \
                     with provisioned concurrency",
                    group(f64::from(limit))
                )
            }
        }
    }
}

/// Every simplification of the simulation, in a collapsible section.
fn assumptions_ui(ui: &mut egui::Ui, theme: &Theme) {
    egui::CollapsingHeader::new(RichText::new("Assumptions").strong())
        .id_salt("scaling_assumptions")
        .show(ui, |ui| {
            ui.label(
                RichText::new(
                    "Dropped requests are not queued: a request that finds no free capacity is \
                     lost at once.",
                )
                .strong(),
            );
            for assumption in ASSUMPTIONS {
                ui.label(RichText::new(format!("• {assumption}")).color(theme.strong_text));
            }
        });
}

// ---------------------------------------------------------------------------------------------
// Formatting

/// The playhead against the end: `t = 1:05 / 10:00`.
fn time_text(t_s: f64, run: &ScalingRun) -> String {
    format!("t = {} / {}", clock(t_s), clock(run.end_s))
}

/// A length of time in words: `0.5 s`, `12 s`, `1 min 32 s`, `2 h 5 min`.
fn duration(s: f64) -> String {
    let s = if s.is_finite() { s.max(0.0) } else { 0.0 };
    if s < 9.95 {
        let text = format!("{s:.1}");
        return format!("{} s", text.strip_suffix(".0").unwrap_or(&text));
    }
    let total = s.round() as u64;
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    match (hours, minutes, seconds) {
        (0, 0, s) => format!("{s} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, 0, _) => format!("{h} h"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

/// A count rounded to a whole number with thousands separators: `2,740,504`.
fn group(x: f64) -> String {
    format::group(x, 0)
}

/// A count in short form for tight spaces: `850`, `8.5 k`, `2.7 M`.
fn short_number(x: f64) -> String {
    let x = if x.is_finite() { x.max(0.0) } else { 0.0 };
    for (unit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] {
        if x >= unit * 0.9995 {
            let scaled = x / unit;
            return if scaled < 9.95 {
                let text = format!("{scaled:.1}");
                format!("{} {suffix}", text.strip_suffix(".0").unwrap_or(&text))
            } else {
                format!("{scaled:.0} {suffix}")
            };
        }
    }
    format!("{x:.0}")
}

/// Money for running counters: cents from a dollar, more digits below a cent so small sums move.
fn money(usd: f64) -> String {
    let usd = if usd.is_finite() { usd.max(0.0) } else { 0.0 };
    if usd >= 0.01 || usd == 0.0 {
        format_usd(usd)
    } else {
        format!("${usd:.4}")
    }
}

/// A share as a whole percentage, or `<1%` for a small non-zero one.
fn percent(share: f64) -> String {
    let pct = share * 100.0;
    if pct > 0.0 && pct < 0.5 {
        "<1%".to_owned()
    } else {
        format!("{pct:.0}%")
    }
}

/// A speed as `10×`.
fn speed_label(speed: f64) -> String {
    format!("{speed:.0}×")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::test_frames::hover_for_two_seconds;

    /// The summary table of a run whose every figure is zero, hovered at `pointer`.
    fn hover_summary(pointer: Pos2) -> Vec<String> {
        let theme = Theme::new(ThemeKind::Light);
        let stats = RunStats {
            summary: PerModel::<()>::default()
                .map(|_, ()| SummaryRow::of(&scaling::ModelSummary::default(), Shortfall::Never)),
            ..RunStats::default()
        };
        hover_for_two_seconds(pointer, |ui| {
            summary_table_ui(ui, &stats, &theme);
        })
    }

    /// The four lanes of the default scenario at 200 s, hovered at `pointer`.
    fn hover_lanes(pointer: Pos2) -> Vec<String> {
        let theme = Theme::new(ThemeKind::Light);
        let scenario = Scenario::default();
        let run = ScalingRun::simulate(&scenario);
        let stats = RunStats::of(&scenario, &run);
        let dots = DotClock::new(&run, &stats, 200.0, DEFAULT_SPEED);
        let lanes = Lanes {
            scenario: &scenario,
            run: &run,
            stats: &stats,
            t_s: 200.0,
            dots: &dots,
        };
        hover_for_two_seconds(pointer, |ui| {
            lanes.ui(ui, &theme, 380.0);
        })
    }

    #[test]
    fn lane_parts_explain_themselves_on_hover() {
        let capacity = "Capacity: the requests per second On-premises could serve now";
        // The first lane's headline number, under its title at the top left.
        let texts = hover_lanes(pos2(40.0, 55.0));
        assert!(
            texts.iter().any(|t| t.starts_with(capacity)),
            "no tooltip among {texts:?}"
        );
        // Its numbers are drawn whether or not the pointer is over the lane.
        let texts = hover_lanes(pos2(990.0, 395.0));
        assert!(!texts.iter().any(|t| t.starts_with(capacity)));
        assert!(texts.iter().any(|t| t.ends_with(" rps")), "{texts:?}");
    }

    /// The vertices of the unit squares painted in one frame each for `samples`, one after the
    /// other in the same context.
    fn unit_square_vertices(samples: &[Sample]) -> Vec<usize> {
        let ctx = egui::Context::default();
        let theme = Theme::new(ThemeKind::Light);
        let grid = UnitGrid::fit(vec2(300.0, 100.0), 40.0);
        let area = Rect::from_min_size(pos2(10.0, 10.0), vec2(300.0, 100.0));
        samples
            .iter()
            .map(|sample| {
                let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                    let painter = ui.painter().clone();
                    let lane = (HostingModel::Vm, sample, 100.0);
                    paint_units(&painter, &theme, lane, &grid, area);
                });
                output.textures_delta.clear();
                output
                    .shapes
                    .iter()
                    .map(|clipped| match &clipped.shape {
                        Shape::Mesh(mesh) => mesh.vertices.len(),
                        _ => 0,
                    })
                    .sum()
            })
            .collect()
    }

    #[test]
    fn unit_squares_follow_the_sample_they_are_kept_for() {
        let at = |serving_units: f64, demand_rps: f64| Sample {
            serving_units,
            capacity_rps: serving_units * 100.0,
            demand_rps,
            served_rps: demand_rps.min(serving_units * 100.0),
            ..Sample::default()
        };
        // Two busy squares; the same again (kept); then ten busy and ten missing.
        let vertices = unit_square_vertices(&[at(2.0, 200.0), at(2.0, 200.0), at(10.0, 2000.0)]);
        assert_eq!(vertices[0], 2 * 4);
        assert_eq!(vertices[1], vertices[0]);
        assert_eq!(vertices[2], 10 * 4 + 10 * 8, "{vertices:?}");
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

    #[test]
    fn clocks_and_durations_read_naturally() {
        assert_eq!(clock(65.4), "1:05");
        assert_eq!(clock(600.0), "10:00");
        assert_eq!(clock(3_725.0), "1:02:05");
        assert_eq!(clock(f64::NAN), "0:00");
        assert_eq!(duration(0.5), "0.5 s");
        assert_eq!(duration(6.0), "6 s");
        assert_eq!(duration(12.0), "12 s");
        assert_eq!(duration(92.0), "1 min 32 s");
        assert_eq!(duration(300.0), "5 min");
        assert_eq!(duration(7_500.0), "2 h 5 min");
    }

    #[test]
    fn numbers_and_money_are_grouped() {
        assert_eq!(group(2_740_504.4), "2,740,504");
        assert_eq!(group(999.6), "1,000");
        assert_eq!(group(-1_234.0), "−1,234");
        assert_eq!(short_number(2_740_504.0), "2.7 M");
        assert_eq!(short_number(10_000.0), "10 k");
        assert_eq!(short_number(850.0), "850");
        assert_eq!(money(0.4249), "$0.42");
        assert_eq!(money(0.0028), "$0.0028");
        assert_eq!(money(1_234.5), "$1,234.50");
        assert_eq!(money(0.0), "$0.00");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(0.35), "35%");
        assert_eq!(speed_label(100.0), "100×");
    }

    #[test]
    fn unit_grid_picks_round_units_per_square_that_fit() {
        // Two servers fit one a square, at the largest size.
        let grid = UnitGrid::fit(vec2(300.0, 120.0), 20.0);
        assert_eq!(grid.per_square, 1.0);
        assert!(grid.capacity() >= 20);
        // 1,375 environments in a small area: a round number per square, all of them fitting.
        let grid = UnitGrid::fit(vec2(200.0, 90.0), 1_375.0);
        assert!(
            [10.0, 20.0, 50.0, 100.0].contains(&grid.per_square),
            "{grid:?}"
        );
        assert!(grid.capacity() as f64 >= (1_375.0 / grid.per_square).ceil());
        assert!(grid.side >= MIN_SQUARE);
        // Nothing breaks on a degenerate area or count.
        let grid = UnitGrid::fit(vec2(0.0, 0.0), f64::NAN);
        assert!(grid.per_square >= 1.0);
        assert_eq!(next_round(1.0), 2.0);
        assert_eq!(next_round(2.0), 5.0);
        assert_eq!(next_round(5.0), 10.0);
        assert_eq!(next_round(50.0), 100.0);
    }

    #[test]
    fn square_edges_round_and_never_hide_a_unit() {
        let states = UnitStates {
            busy: 0.12,
            warm: 0.88,
            ..UnitStates::default()
        };
        // One Lambda environment at 50 per square still shows as one square.
        assert_eq!(states.edges(50.0), [0, 0, 1, 1, 1]);
        let states = UnitStates {
            busy: 2.0,
            missing: 18.0,
            ..UnitStates::default()
        };
        assert_eq!(states.edges(1.0), [2, 2, 2, 2, 20]);
        let x = Sample {
            demand_rps: 10_000.0,
            capacity_rps: 1_000.0,
            serving_units: 2.0,
            served_rps: 1_000.0,
            dropped_rps: 9_000.0,
            ..Sample::default()
        };
        let states = UnitStates::of(&x, 500.0);
        assert_eq!(states.busy, 2.0);
        assert_eq!(states.missing, 18.0);
    }

    /// Samples every 0.5 s: demand jumps to 10,000 rps at 60 s; capacity (and so the served
    /// rate) is 200 rps until 165 s, then 10,000 rps.
    fn step_samples() -> Vec<Sample> {
        (0..=1200)
            .map(|i| {
                let t_s = f64::from(i) * 0.5;
                let demand_rps: f64 = if t_s < 60.0 { 1.0 } else { 10_000.0 };
                let capacity_rps = if t_s < 165.0 { 200.0 } else { 10_000.0 };
                let served_rps = demand_rps.min(capacity_rps);
                Sample {
                    t_s,
                    demand_rps,
                    capacity_rps,
                    served_rps,
                    dropped_rps: demand_rps - served_rps,
                    ..Sample::default()
                }
            })
            .collect()
    }

    fn step_map() -> ChartMap {
        ChartMap {
            plot: Rect::from_min_size(pos2(0.0, 0.0), vec2(900.0, 200.0)),
            t0_s: 0.0,
            t1_s: 600.0,
            max_rps: 10_000.0,
            y_step: 2_500.0,
        }
    }

    #[test]
    fn straight_stretches_become_single_segments() {
        let (samples, map) = (step_samples(), step_map());
        let points = polyline(&samples, &map, |x| x.capacity_rps);
        // Flat, up, flat: a handful of points instead of 1,201.
        assert!(points.len() <= 6, "{points:?}");
        assert_eq!(points.first().map(|p| p.y), Some(map.y_from_rps(200.0)));
        assert_eq!(points.last().map(|p| p.y), Some(map.y_from_rps(10_000.0)));
    }

    #[test]
    fn the_dropped_band_keeps_its_area() {
        let (samples, map) = (step_samples(), step_map());
        let mesh = dropped_mesh(&samples, &map, Color32::RED);
        let area =
            |a: Pos2, b: Pos2, c: Pos2| ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0;
        let mesh_area: f32 = mesh
            .indices
            .chunks(3)
            .map(|t| {
                let v = |i: usize| mesh.vertices[t[i] as usize].pos;
                area(v(0), v(1), v(2))
            })
            .sum();
        // The same band by trapezoids between consecutive samples.
        let expected: f32 = samples
            .windows(2)
            .map(|w| {
                let h = |x: &Sample| map.y_from_rps(x.served_rps) - map.y_from_rps(x.demand_rps);
                (map.x_from_secs(w[1].t_s) - map.x_from_secs(w[0].t_s)) * (h(&w[0]) + h(&w[1]))
                    / 2.0
            })
            .sum();
        assert!(
            (mesh_area - expected).abs() < 0.01 * expected,
            "{mesh_area} vs {expected}"
        );
        assert!(mesh.vertices.len() <= 24, "{}", mesh.vertices.len());
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(time_step(600.0, 900.0), 60.0);
        assert_eq!(time_step(86_400.0, 1_400.0), 7_200.0);
    }
}
