//! View 3, "Cold starts": a timeline whose rows are execution environments and whose bars are
//! their init phases and handler runs, the figures that sum the scenario up (cold share, latency
//! percentiles, billed INIT), the phases of one cold start, and an optional second runtime drawn
//! below for comparison. The view only draws `derived.cold_start`; the comparison run is cached
//! here and recomputed only when the scenario or the compared runtime changes.

use std::fmt::Write as _;
use std::ops::Range;

use egui::{
    Align2, Color32, CornerRadius, Painter, Pos2, Rect, Response, RichText, Role, Sense, Stroke,
    StrokeKind, Ui, UiBuilder, Vec2, WidgetInfo, pos2, vec2,
};
use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::derived::Derived;
use crate::model::cold_start::{
    ASSUMPTIONS, ColdStartRun, Environment, LatencyHistogram, LatencySummary, Method, PhaseKind,
    WindowStart,
};
use crate::model::format::{clock, group, nice_step};
use crate::model::runtime::{INIT_SOURCE, InitPhases, package_load_ms};
use crate::model::scenario::{HOURS_PER_MONTH, Runtime, Scenario};
use crate::model::traffic::Traffic;
use crate::ui::HoverTip;
use crate::ui::theme::{Theme, contrast_ratio};

/// Row height of the timeline when many environments share it, points before the text scale.
const MIN_ROW_H: f32 = 20.0;
/// Row height when few environments leave room, points before the text scale.
const MAX_ROW_H: f32 = 44.0;
/// Width of the row-label column, points before the text scale.
const LABEL_W: f32 = 84.0;
/// Height of the traffic strip above the rows, points before the text scale.
const STRIP_H: f32 = 52.0;
/// Height of the time axis under the rows, points before the text scale.
const AXIS_H: f32 = 30.0;
/// Height of a lane's title when two runtimes are compared, points before the text scale.
const LANE_TITLE_H: f32 = 24.0;
/// Gap between two compared lanes, points.
const LANE_GAP: f32 = 10.0;
/// Width kept free right of the rows for the scroll indicator, points.
const SCROLLBAR_W: f32 = 10.0;
/// Narrowest an environment's whole init is drawn, so a cold start stays visible zoomed out.
const MIN_INIT_PX: f32 = 3.0;
/// Handler runs closer than this many points are drawn as one bar.
const MERGE_PX: f32 = 1.0;
/// Narrowest a handler bar is drawn, points.
const MIN_BAR_PX: f32 = 1.5;
/// How far from a bar the pointer may be and still hover it, points.
const HIT_PX: f32 = 4.0;
/// Distance between the hatch lines of an idle-until-reclaimed stretch, points.
const HATCH_SPACING: f32 = 8.0;
/// The narrowest visible time span, seconds.
const MIN_SPAN_S: f64 = 0.01;
/// How much one press of "Zoom in" or "Zoom out" changes the visible span.
const ZOOM_STEP: f64 = 2.0;
/// Height of the latency histogram, points before the text scale.
const HISTOGRAM_H: f32 = 110.0;

/// View state of the cold-start timeline.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ColdStartView {
    /// A second runtime drawn below the scenario's own, all else equal; `None` shows one.
    pub compare: Option<Runtime>,
    /// The visible time range in seconds; `None` fits the whole timeline window.
    #[serde(skip)]
    zoom: Option<(f64, f64)>,
    /// Vertical scroll of each lane's rows, points.
    #[serde(skip)]
    scroll: [f32; 2],
    /// Results computed from the scenario that `Derived` does not hold (the comparison run).
    #[serde(skip)]
    cache: Option<Cache>,
    /// Where the last frame drew the timeline, for hovering and for tests.
    #[serde(skip)]
    last: Option<Geometry>,
}

/// What the view computes from the scenario, recomputed only when its key changes.
#[derive(Clone, Debug)]
struct Cache {
    /// Key: the scenario the cache was computed from.
    scenario: Scenario,
    /// Key: the runtime compared with, if any (never the scenario's own).
    compare: Option<Runtime>,
    /// The scenario's traffic, for the strip above the rows.
    traffic: Option<Traffic>,
    /// One cold start of the scenario's function.
    phases: InitPhases,
    /// The same scenario with the compared runtime.
    comparison: Option<Comparison>,
}

/// The scenario simulated with another runtime.
#[derive(Clone, Debug)]
struct Comparison {
    runtime: Runtime,
    run: ColdStartRun,
    phases: InitPhases,
}

/// One runtime's run as drawn: a lane of the timeline, a breakdown bar, a column of figures.
struct Lane<'a> {
    /// Runtime label, with "+ SnapStart" when it applies.
    name: String,
    run: &'a ColdStartRun,
    phases: InitPhases,
    /// Whether this is the compared runtime rather than the scenario's own.
    comparison: bool,
}

/// The one place model time maps to screen x.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TimeAxis {
    start_s: f64,
    end_s: f64,
    left: f32,
    right: f32,
}

impl TimeAxis {
    fn x_from_secs(&self, t_s: f64) -> f32 {
        let span_s = (self.end_s - self.start_s).max(f64::MIN_POSITIVE);
        let x = f64::from(self.left)
            + (t_s - self.start_s) / span_s * f64::from(self.right - self.left);
        // Far-away times are clamped just outside the plot, so rects stay finite and are clipped.
        x.clamp(f64::from(self.left) - 1e4, f64::from(self.right) + 1e4) as f32
    }

    fn secs_from_x(&self, x: f32) -> f64 {
        self.start_s + f64::from(x - self.left) * self.secs_per_point()
    }

    fn secs_per_point(&self) -> f64 {
        (self.end_s - self.start_s) / f64::from((self.right - self.left).max(1.0))
    }
}

/// Where one lane's rows are on screen: the one place a row index maps to screen y.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LaneGeometry {
    /// The lane's title band (zero height when only one lane is shown).
    title: Rect,
    /// The row-label column beside the rows.
    labels: Rect,
    /// The plot area of the rows.
    rows: Rect,
    row_h: f32,
    /// Vertical scroll, points.
    scroll: f32,
    count: usize,
}

impl LaneGeometry {
    fn row_top(&self, row: usize) -> f32 {
        self.rows.top() + row as f32 * self.row_h - self.scroll
    }

    fn row_at(&self, y: f32) -> Option<usize> {
        if y < self.rows.top() || y > self.rows.bottom() {
            return None;
        }
        let row = ((y - self.rows.top() + self.scroll) / self.row_h).floor();
        (row >= 0.0 && (row as usize) < self.count).then_some(row as usize)
    }

    fn visible_rows(&self) -> Range<usize> {
        let first = (self.scroll / self.row_h).floor().max(0.0) as usize;
        let last = ((self.scroll + self.rows.height()) / self.row_h)
            .ceil()
            .max(0.0) as usize;
        first.min(self.count)..last.min(self.count)
    }

    fn max_scroll(&self) -> f32 {
        (self.count as f32 * self.row_h - self.rows.height()).max(0.0)
    }

    /// The bar area of a row, between `x0` and `x1`.
    fn bar(&self, row: usize, x0: f32, x1: f32) -> Rect {
        let top = self.row_top(row);
        let pad = (self.row_h * 0.16).max(2.0);
        Rect::from_min_max(pos2(x0, top + pad), pos2(x1, top + self.row_h - pad))
    }
}

/// The timeline as the last frame drew it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Geometry {
    axis: TimeAxis,
    strip: Rect,
    lanes: [Option<LaneGeometry>; 2],
}

/// What the pointer is over on the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Hit {
    /// An init phase of an environment.
    Phase {
        lane: usize,
        env: usize,
        kind: PhaseKind,
        start_s: f64,
        end_s: f64,
    },
    /// A handler run (one request).
    Handler {
        lane: usize,
        env: usize,
        start_s: f64,
        end_s: f64,
        cold: bool,
    },
    /// A warm environment waiting; `reclaimed_s` is set on its last stretch before reclamation.
    Idle {
        lane: usize,
        env: usize,
        from_s: f64,
        to_s: f64,
        reclaimed_s: Option<f64>,
    },
    /// The row label of an environment.
    Row { lane: usize, env: usize },
    /// The traffic strip.
    Traffic { t_s: f64 },
}

impl ColdStartView {
    /// The visible time range of the timeline as last drawn, in seconds.
    pub fn visible_range_s(&self) -> Option<(f64, f64)> {
        self.last.map(|g| (g.axis.start_s, g.axis.end_s))
    }

    /// Where, in the last frame, the timeline drew time `t_s` on the row of environment `env`
    /// (its index in the timeline) of lane `lane` (0: the scenario, 1: the comparison); `None`
    /// when that point was not on screen.
    pub fn screen_pos(&self, lane: usize, env: usize, t_s: f64) -> Option<Pos2> {
        let geometry = self.last?;
        let lane = (*geometry.lanes.get(lane)?)?;
        let y = lane.row_top(env) + lane.row_h / 2.0;
        let x = geometry.axis.x_from_secs(t_s);
        let pos = pos2(x, y);
        lane.rows.contains(pos).then_some(pos)
    }

    /// Shows the view: quick controls (on a slide, the settings they show as text), one cold
    /// start's phases, the legend, the timeline and the figures beside it.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        (scenario, derived): (&Scenario, &Derived),
        theme: &Theme,
        commands: &mut Vec<Command>,
        show_controls: bool,
    ) {
        self.refresh_cache(scenario);
        let Some(cache) = self.cache.take() else {
            return;
        };
        let snapstart = scenario.cold_start.snapstart;
        let mut lanes = Vec::with_capacity(2);
        lanes.push(Lane {
            name: runtime_name(scenario.cold_start.runtime, snapstart),
            run: &derived.cold_start,
            phases: cache.phases,
            comparison: false,
        });
        if let Some(c) = &cache.comparison {
            lanes.push(Lane {
                name: runtime_name(c.runtime, snapstart),
                run: &c.run,
                phases: c.phases,
                comparison: true,
            });
        }

        if show_controls {
            self.controls_ui(ui, scenario, commands);
        } else {
            settings_line_ui(ui, scenario);
        }
        ui.add_space(4.0);
        breakdown_ui(ui, &lanes, scenario, theme);
        ui.add_space(2.0);
        legend_ui(ui, &lanes, theme);
        let fit = fit_range(&lanes);
        self.zoom_row_ui(ui, fit, theme, show_controls);
        ui.add_space(4.0);

        let area = ui.available_rect_before_wrap();
        // Two runtimes' figures side by side need a wider panel than one runtime's big numbers.
        let side_w = if lanes.len() > 1 {
            (area.width() * 0.34).clamp(290.0, 460.0)
        } else {
            (area.width() * 0.3).clamp(250.0, 420.0)
        };
        let gap = 16.0;
        let canvas = Rect::from_min_max(area.min, pos2(area.right() - side_w - gap, area.bottom()));
        let side = Rect::from_min_max(pos2(area.right() - side_w, area.top()), area.max);
        self.timeline_ui(ui, canvas, &lanes, cache.traffic.as_ref(), fit, theme);
        ui.scope_builder(UiBuilder::new().max_rect(side), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("cold_start_figures")
                .auto_shrink([false, false])
                .show(ui, |ui| side_panel_ui(ui, &lanes, theme));
        });
        drop(lanes);
        self.cache = Some(cache);
    }

    /// Recomputes the cache when the scenario or the compared runtime changed.
    fn refresh_cache(&mut self, scenario: &Scenario) {
        let compare = self
            .compare
            .filter(|&runtime| runtime != scenario.cold_start.runtime);
        if self
            .cache
            .as_ref()
            .is_some_and(|c| c.compare == compare && c.scenario == *scenario)
        {
            return;
        }
        let comparison = compare.map(|runtime| {
            let mut other = scenario.clone();
            other.cold_start.runtime = runtime;
            Comparison {
                runtime,
                run: ColdStartRun::simulate_with_runtime(scenario, runtime),
                phases: InitPhases::of(&other),
            }
        });
        self.cache = Some(Cache {
            scenario: scenario.clone(),
            compare,
            traffic: Traffic::new(scenario.traffic.clone()).ok(),
            phases: InitPhases::of(scenario),
            comparison,
        });
    }

    /// The quick controls of the lesson: runtime, SnapStart, provisioned concurrency, and a
    /// runtime to compare with. The scenario editor has them too, with everything else.
    fn controls_ui(&mut self, ui: &mut Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
        let cs = &scenario.cold_start;
        let (architecture, package) = (scenario.workload.architecture, cs.package_type);
        ui.horizontal_wrapped(|ui| {
            let mut runtime = cs.runtime;
            egui::ComboBox::from_label("Runtime")
                .selected_text(runtime.label())
                // Tall enough for every runtime without scrolling.
                .height(600.0)
                .show_ui(ui, |ui| {
                    for r in Runtime::ALL {
                        ui.selectable_value(&mut runtime, r, r.label())
                            .hover_tip(format!(
                                "{}: {} ms runtime init for a hello-world function ({INIT_SOURCE})",
                                r.label(),
                                r.init_ms(architecture, package)
                            ));
                    }
                })
                .response
                .hover_tip(
                    "The function's runtime. Its measured init is the floor of every cold start",
                );
            if runtime != cs.runtime {
                let mut edited = scenario.clone();
                edited.cold_start.runtime = runtime;
                commands.push(Command::SetScenario(Box::new(edited)));
            }

            let supported = cs.runtime.supports_snapstart();
            let mut snapstart = cs.snapstart && supported;
            let response = ui
                .add_enabled(supported, egui::Checkbox::new(&mut snapstart, "SnapStart"))
                .hover_tip(format!(
                    "Restore a snapshot of an initialised environment ({} ms here; 600–1,000 ms \
                     measured) instead of running the runtime's and your init. It pays off when \
                     init takes seconds",
                    group(cs.snapstart_restore_ms, 0)
                ))
                .on_disabled_hover_text(
                    "SnapStart is modelled for Java 17 and Java 21 only: pick a Java runtime to \
                     try it",
                );
            if response.changed() {
                let mut edited = scenario.clone();
                edited.cold_start.snapstart = snapstart;
                commands.push(Command::SetScenario(Box::new(edited)));
            }

            provisioned_ui(ui, scenario, commands);
            ui.separator();
            self.compare_ui(ui, cs.runtime);
        });
    }

    /// The "Compare with" combo box.
    fn compare_ui(&mut self, ui: &mut Ui, current: Runtime) {
        let shown = self.compare.filter(|&r| r != current);
        egui::ComboBox::from_label("Compare with")
            .selected_text(shown.map_or("None", Runtime::label))
            .height(600.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.compare, None, "None");
                for r in Runtime::ALL.into_iter().filter(|&r| r != current) {
                    ui.selectable_value(&mut self.compare, Some(r), r.label());
                }
            })
            .response
            .hover_tip(
                "Simulate the same scenario with another runtime, all else equal, and draw it \
                 below: same requests, different init",
            );
    }

    /// Zoom buttons (not on a slide) and what the timeline shows.
    fn zoom_row_ui(&mut self, ui: &mut Ui, fit: (f64, f64), theme: &Theme, show_controls: bool) {
        ui.horizontal_wrapped(|ui| {
            if show_controls {
                self.zoom_buttons_ui(ui, fit);
            }
            let (a, b) = self.visible_range(fit);
            // Hours into a scenario, moments read as on the axis: on a clock, to the tenth.
            let at = |t: f64| {
                if fit.0 >= 3600.0 {
                    fmt_clock_tick(t, 1)
                } else {
                    fmt_s(t)
                }
            };
            let showing = if self.zoom.is_none() {
                format!("Showing the whole window, {} to {}", at(a), at(b))
            } else {
                format!(
                    "Showing {} to {} of {} to {}",
                    at(a),
                    at(b),
                    at(fit.0),
                    at(fit.1)
                )
            };
            let text = if show_controls {
                format!("{showing} · drag to pan, Ctrl+scroll to zoom")
            } else {
                showing
            };
            ui.label(RichText::new(text).color(theme.weak_text));
        });
    }

    /// "Zoom in", "Zoom out" and "Fit".
    fn zoom_buttons_ui(&mut self, ui: &mut Ui, fit: (f64, f64)) {
        if ui
            .button("Zoom in")
            .hover_tip("Show half the time span (or Ctrl+scroll over the timeline)")
            .clicked()
        {
            self.zoom_by(ZOOM_STEP, fit, None);
        }
        if ui
            .button("Zoom out")
            .hover_tip("Show twice the time span")
            .clicked()
        {
            self.zoom_by(1.0 / ZOOM_STEP, fit, None);
        }
        if ui
            .button("Fit")
            .hover_tip("Show the whole timeline window (or double-click the timeline)")
            .clicked()
        {
            self.zoom = None;
        }
    }

    /// The visible range, clamped into the timeline window.
    fn visible_range(&self, fit: (f64, f64)) -> (f64, f64) {
        self.zoom.map_or(fit, |range| clamp_range(range, fit))
    }

    /// Divides the visible span by `factor`, keeping `anchor_s` (default: the centre) in place.
    fn zoom_by(&mut self, factor: f64, fit: (f64, f64), anchor_s: Option<f64>) {
        let (a, b) = self.visible_range(fit);
        let fit_span = fit.1 - fit.0;
        let span = ((b - a) / factor).clamp(MIN_SPAN_S.min(fit_span), fit_span);
        if span >= fit_span {
            self.zoom = None;
            return;
        }
        let anchor = anchor_s.unwrap_or(0.5 * (a + b));
        let share = if b > a { (anchor - a) / (b - a) } else { 0.5 };
        let start = anchor - share * span;
        self.zoom = Some(clamp_range((start, start + span), fit));
    }

    /// Moves the visible range by `delta_s`.
    fn pan_by(&mut self, delta_s: f64, fit: (f64, f64)) {
        if let Some((a, b)) = self.zoom {
            self.zoom = Some(clamp_range((a + delta_s, b + delta_s), fit));
        }
    }

    /// The timeline canvas: traffic strip, one lane of rows per runtime, time axis.
    fn timeline_ui(
        &mut self,
        ui: &mut Ui,
        rect: Rect,
        lanes: &[Lane<'_>],
        traffic: Option<&Traffic>,
        fit: (f64, f64),
        theme: &Theme,
    ) {
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, canvas_label(lanes)));
        let geometry = self.layout(rect, lanes, fit, theme);
        self.handle_input(ui, &response, &geometry, fit);
        // Input may have zoomed or scrolled: lay out again with the new state.
        let geometry = self.layout(rect, lanes, fit, theme);
        self.last = Some(geometry);

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, CornerRadius::same(4), theme.card);
        draw_axis(&painter, &geometry, rect, theme);
        if let Some(traffic) = traffic {
            draw_traffic(&painter, &geometry, traffic, theme);
        }
        for (index, lane) in lanes.iter().enumerate() {
            if let Some(Some(lane_geometry)) = geometry.lanes.get(index) {
                draw_lane(
                    ui,
                    lane,
                    lanes.len() > 1,
                    lane_geometry,
                    &geometry.axis,
                    theme,
                );
            }
        }

        let hit = response
            .hover_pos()
            .and_then(|pos| hit_test(pos, &geometry, lanes));
        if let Some(hit) = hit {
            highlight(&painter, hit, &geometry, lanes, theme);
            response.on_hover_ui_at_pointer(|ui| hit_ui(ui, hit, lanes, traffic, theme));
        }
    }

    /// Places the strip, the lanes and the axis in `rect` for the current zoom and scroll.
    fn layout(
        &mut self,
        rect: Rect,
        lanes: &[Lane<'_>],
        fit: (f64, f64),
        theme: &Theme,
    ) -> Geometry {
        let s = theme.text_scale;
        let plot_left = rect.left() + LABEL_W * s;
        let plot_right = rect.right() - SCROLLBAR_W - 4.0;
        let (start_s, end_s) = self.visible_range(fit);
        let axis = TimeAxis {
            start_s,
            end_s,
            left: plot_left,
            right: plot_right,
        };
        let strip = Rect::from_min_max(
            pos2(plot_left, rect.top() + 6.0),
            pos2(plot_right, rect.top() + STRIP_H * s),
        );
        let lanes_top = strip.bottom() + 6.0;
        let lanes_bottom = rect.bottom() - AXIS_H * s;
        let count = lanes.len().max(1) as f32;
        let lane_h = ((lanes_bottom - lanes_top - LANE_GAP * (count - 1.0)) / count).max(1.0);
        let title_h = LANE_TITLE_H * s;
        let mut out = [None, None];
        for (index, (lane, slot)) in lanes.iter().zip(out.iter_mut()).enumerate() {
            let top = lanes_top + index as f32 * (lane_h + LANE_GAP);
            let title =
                Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), top + title_h));
            let rows = Rect::from_min_max(
                pos2(plot_left, top + title_h),
                pos2(plot_right, top + lane_h),
            );
            let labels = Rect::from_min_max(
                pos2(rect.left(), rows.top()),
                pos2(plot_left - 4.0, rows.bottom()),
            );
            let n = lane.run.timeline.environments.len();
            let row_h = (rows.height() / n.max(1) as f32).clamp(MIN_ROW_H * s, MAX_ROW_H * s);
            let mut geometry = LaneGeometry {
                title,
                labels,
                rows,
                row_h,
                scroll: 0.0,
                count: n,
            };
            let scroll = self.scroll.get(index).copied().unwrap_or(0.0);
            geometry.scroll = scroll.clamp(0.0, geometry.max_scroll());
            if let Some(stored) = self.scroll.get_mut(index) {
                *stored = geometry.scroll;
            }
            *slot = Some(geometry);
        }
        Geometry {
            axis,
            strip,
            lanes: out,
        }
    }

    /// Zoom (Ctrl+scroll, pinch), pan (drag, horizontal scroll), row scroll (wheel, drag).
    fn handle_input(&mut self, ui: &Ui, response: &Response, geometry: &Geometry, fit: (f64, f64)) {
        let axis = geometry.axis;
        if response.double_clicked() {
            self.zoom = None;
        }
        if response.dragged() {
            let delta = response.drag_delta();
            if self.zoom.is_none() && delta.x != 0.0 {
                self.zoom = Some(fit);
            }
            self.pan_by(-f64::from(delta.x) * axis.secs_per_point(), fit);
            let origin = ui.input(|i| i.pointer.press_origin());
            if let Some(lane) = origin.and_then(|p| lane_at(geometry, p)) {
                self.scroll_lane(lane, -delta.y);
            }
        }
        if !response.hovered() {
            return;
        }
        let Some(pointer) = response.hover_pos() else {
            return;
        };
        let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
        if zoom != 1.0 {
            let anchor = axis.secs_from_x(pointer.x);
            self.zoom_by(f64::from(zoom), fit, Some(anchor));
        }
        if scroll != Vec2::ZERO {
            if scroll.x != 0.0 {
                if self.zoom.is_none() {
                    self.zoom = Some(fit);
                }
                self.pan_by(-f64::from(scroll.x) * axis.secs_per_point(), fit);
            }
            if let Some(lane) = lane_at(geometry, pointer) {
                self.scroll_lane(lane, -scroll.y);
            }
            // The timeline used the wheel: nothing around it should scroll too.
            ui.input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
        }
    }

    fn scroll_lane(&mut self, lane: usize, delta: f32) {
        if let Some(scroll) = self.scroll.get_mut(lane) {
            // Clamped at the next layout, which knows the lane's height.
            *scroll = (*scroll + delta).max(0.0);
        }
    }
}

/// The provisioned-concurrency drag value.
fn provisioned_ui(ui: &mut Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
    let lambda = &scenario.lambda;
    let limit = lambda
        .reserved_concurrency
        .unwrap_or(lambda.account_concurrency_limit);
    let mut provisioned = lambda.provisioned_concurrency;
    let label = ui.label("Provisioned concurrency");
    let response = ui
        .add(
            egui::DragValue::new(&mut provisioned)
                .range(0..=limit)
                .speed(0.1)
                .suffix(" environments"),
        )
        .labelled_by(label.id)
        .hover_tip(format!(
            "Environments kept initialised in advance: requests they serve are never cold. \
             Billed while enabled; turning it on here enables it all month ({HOURS_PER_MONTH} h) \
             unless the editor sets fewer hours. At most the concurrency limit ({})",
            group(f64::from(limit), 0)
        ));
    if response.changed() && provisioned != lambda.provisioned_concurrency {
        let mut edited = scenario.clone();
        edited.lambda.provisioned_concurrency = provisioned;
        if provisioned > 0 && edited.lambda.provisioned_hours_per_month <= 0.0 {
            // Provisioned concurrency with no hours enabled would cost nothing on the bill.
            edited.lambda.provisioned_hours_per_month = HOURS_PER_MONTH;
        }
        commands.push(Command::SetScenario(Box::new(edited)));
    }
}

/// On a slide, the settings the quick controls would show, as one line of text.
fn settings_line_ui(ui: &mut Ui, scenario: &Scenario) {
    let cs = &scenario.cold_start;
    let snapstart = if !cs.runtime.supports_snapstart() {
        "SnapStart not available"
    } else if cs.snapstart {
        "SnapStart on"
    } else {
        "SnapStart off"
    };
    let provisioned = match scenario.lambda.provisioned_concurrency {
        0 => "no provisioned concurrency".to_owned(),
        1 => "1 provisioned environment".to_owned(),
        n => format!("{} provisioned environments", group(f64::from(n), 0)),
    };
    ui.label(
        RichText::new(format!(
            "Runtime {} · {snapstart} · {provisioned}",
            cs.runtime.label()
        ))
        .strong(),
    );
}

/// The runtime's label, with SnapStart when it applies.
fn runtime_name(runtime: Runtime, snapstart: bool) -> String {
    if snapstart && runtime.supports_snapstart() {
        format!("{} + SnapStart", runtime.label())
    } else {
        runtime.label().to_owned()
    }
}

/// The union of the lanes' timeline windows, never empty.
fn fit_range(lanes: &[Lane<'_>]) -> (f64, f64) {
    let (a, b) = lanes
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), l| {
            (
                a.min(l.run.timeline_window.0),
                b.max(l.run.timeline_window.1),
            )
        });
    if a.is_finite() && b.is_finite() && b > a {
        (a, b)
    } else if a.is_finite() {
        (a, a + 1.0)
    } else {
        (0.0, 1.0)
    }
}

/// `range` moved and shrunk to lie within `fit`, at least [`MIN_SPAN_S`] wide.
fn clamp_range(range: (f64, f64), fit: (f64, f64)) -> (f64, f64) {
    let fit_span = fit.1 - fit.0;
    let span = (range.1 - range.0).clamp(MIN_SPAN_S.min(fit_span), fit_span);
    let start = range.0.clamp(fit.0, fit.1 - span);
    (start, start + span)
}

/// The lane whose rows contain `pos`.
fn lane_at(geometry: &Geometry, pos: Pos2) -> Option<usize> {
    geometry
        .lanes
        .iter()
        .position(|lane| lane.is_some_and(|l| l.rows.union(l.labels).union(l.title).contains(pos)))
}

/// The accessible name of the timeline, with what it shows.
fn canvas_label(lanes: &[Lane<'_>]) -> String {
    let parts: Vec<String> = lanes
        .iter()
        .map(|lane| {
            let envs = &lane.run.timeline.environments;
            let cold = envs.iter().filter(|e| !e.provisioned).count();
            format!(
                "{}: {} environments, {cold} cold starts",
                lane.name,
                envs.len()
            )
        })
        .collect();
    format!("Cold-start timeline. {}", parts.join("; "))
}

/// The colour of an init phase.
fn phase_color(kind: PhaseKind, theme: &Theme) -> Color32 {
    let index = match kind {
        PhaseKind::Environment => 0,
        PhaseKind::Extensions => 1,
        PhaseKind::Runtime => 2,
        PhaseKind::Function => 3,
        PhaseKind::Restore => 4,
        PhaseKind::FirstInvoke => 5,
    };
    theme.phases.get(index).copied().unwrap_or(theme.grid)
}

/// The colour of handler runs.
fn handler_color(theme: &Theme) -> Color32 {
    theme.phases.get(5).copied().unwrap_or(theme.grid)
}

/// The colour of cold requests in the histogram.
fn cold_color(theme: &Theme) -> Color32 {
    phase_color(PhaseKind::Function, theme)
}

/// The theme's text colour that reads best on `fill`.
fn text_on(fill: Color32, theme: &Theme) -> Color32 {
    if contrast_ratio(theme.on_fill, fill) >= contrast_ratio(theme.strong_text, fill) {
        theme.on_fill
    } else {
        theme.strong_text
    }
}

/// Time-axis units: the largest that still gives several ticks.
fn time_unit(span_s: f64) -> (f64, &'static str) {
    if span_s >= 3.0 * 3600.0 {
        (3600.0, "h")
    } else if span_s >= 1200.0 {
        (60.0, "min")
    } else {
        (1.0, "s")
    }
}

/// Ticks, grid lines and the axis title.
fn draw_axis(painter: &Painter, geometry: &Geometry, rect: Rect, theme: &Theme) {
    let axis = geometry.axis;
    let s = theme.text_scale;
    let (unit_s, unit) = time_unit(axis.end_s - axis.start_s);
    // Seconds hours into a scenario read better on a clock: "12:31:59.5", not "45,119.5".
    let clock = unit_s == 1.0 && axis.start_s >= 3600.0;
    let spacing = if clock { 110.0 } else { 80.0 };
    let span_units = (axis.end_s - axis.start_s) / unit_s;
    let target_ticks = f64::from(((axis.right - axis.left) / (spacing * s)).max(2.0));
    let step = nice_step(span_units / target_ticks);
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let axis_y = rect.bottom() - AXIS_H * s;
    let top = geometry.strip.top();
    painter.line_segment(
        [pos2(axis.left, axis_y), pos2(axis.right, axis_y)],
        Stroke::new(1.0, theme.weak_text),
    );
    // The title first, in the label column: a tick label that would run into it is left out.
    let title = if clock {
        "Time".to_owned()
    } else {
        format!("Time ({unit})")
    };
    let title_rect = painter.text(
        pos2(rect.left() + 6.0, axis_y + 6.0),
        Align2::LEFT_TOP,
        title,
        theme.font(14.0),
        theme.strong_text,
    );
    let first = (axis.start_s / unit_s / step).ceil() as i64;
    let last = (axis.end_s / unit_s / step).floor() as i64;
    for i in first..=last.min(first + 200) {
        let value = i as f64 * step;
        let x = axis.x_from_secs(value * unit_s);
        painter.line_segment(
            [pos2(x, top), pos2(x, axis_y)],
            Stroke::new(1.0, theme.grid),
        );
        painter.line_segment(
            [pos2(x, axis_y), pos2(x, axis_y + 5.0)],
            Stroke::new(1.0, theme.weak_text),
        );
        let label = if clock {
            fmt_clock_tick(value, decimals)
        } else {
            group(value, decimals)
        };
        let galley = painter.layout_no_wrap(label, theme.font(14.0), theme.strong_text);
        let left = x - galley.size().x / 2.0;
        if left >= title_rect.right() + 6.0 {
            painter.galley(pos2(left, axis_y + 6.0), galley, theme.strong_text);
        }
    }
}

/// The traffic strip: requests per second over the visible time, as the scenario defines it.
fn draw_traffic(painter: &Painter, geometry: &Geometry, traffic: &Traffic, theme: &Theme) {
    let axis = geometry.axis;
    let strip = geometry.strip;
    let points = traffic.points();
    let from = points.partition_point(|p| p.0 <= axis.start_s);
    let to = points.partition_point(|p| p.0 < axis.end_s);
    let inner = points.get(from..to).unwrap_or(&[]);
    let start = (axis.start_s, traffic.rate_at(axis.start_s));
    let end = (axis.end_s, traffic.rate_at(axis.end_s));
    let peak = inner.iter().map(|p| p.1).fold(start.1.max(end.1), f64::max);
    let label_x = strip.left() - 8.0;
    painter.text(
        pos2(label_x, strip.top()),
        Align2::RIGHT_TOP,
        "Requests/s",
        theme.font(13.0),
        theme.strong_text,
    );
    painter.text(
        pos2(label_x, strip.bottom()),
        Align2::RIGHT_BOTTOM,
        format!("max {}", fmt_rate(peak)),
        theme.font(13.0),
        theme.weak_text,
    );
    let base = strip.bottom();
    // Headroom above the peak keeps a flat line visible below the strip's top.
    let height = (strip.height() - 4.0) / 1.1;
    let y_of = |rps: f64| {
        if peak > 0.0 {
            base - (rps / peak) as f32 * height
        } else {
            base
        }
    };
    let fill = theme.demand.gamma_multiply(0.18);
    let stroke = Stroke::new(theme.line_width, theme.demand);
    let mut mesh = egui::Mesh::default();
    let mut previous: Option<Pos2> = None;
    let mut column: Option<(f32, f64)> = None;
    // Points closer than a point of screen merge into one (keeping the highest rate), so a long
    // series costs at most one segment per column of pixels.
    let mut emit = |x: f32, rps: f64, mesh: &mut egui::Mesh| {
        let p = pos2(x, y_of(rps));
        if let Some(q) = previous {
            let index = mesh.vertices.len() as u32;
            for v in [q, p, pos2(p.x, base), pos2(q.x, base)] {
                mesh.colored_vertex(v, fill);
            }
            mesh.add_triangle(index, index + 1, index + 2);
            mesh.add_triangle(index, index + 2, index + 3);
            painter.line_segment([q, p], stroke);
        }
        previous = Some(p);
    };
    for &(t_s, rps) in std::iter::once(&start)
        .chain(inner)
        .chain(std::iter::once(&end))
    {
        let x = axis.x_from_secs(t_s);
        match column {
            Some((cx, crps)) if x - cx < 1.0 => column = Some((cx, crps.max(rps))),
            Some((cx, crps)) => {
                emit(cx, crps, &mut mesh);
                column = Some((x, rps));
            }
            None => column = Some((x, rps)),
        }
    }
    if let Some((cx, crps)) = column {
        emit(cx, crps, &mut mesh);
    }
    painter.add(mesh);
    // Name the quiet stretches: they are why environments are reclaimed and requests go cold.
    for pair in points.windows(2) {
        let (Some(&(a_s, a_rps)), Some(&(b_s, b_rps))) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let (x0, x1) = (
            axis.x_from_secs(a_s).max(strip.left()),
            axis.x_from_secs(b_s).min(strip.right()),
        );
        if a_rps <= 0.0 && b_rps <= 0.0 && x1 - x0 > 140.0 * theme.text_scale {
            painter.text(
                pos2(0.5 * (x0 + x1), strip.bottom() - 6.0),
                Align2::CENTER_BOTTOM,
                format!("no requests for {}", fmt_duration(b_s - a_s)),
                theme.font(14.0),
                theme.weak_text,
            );
        }
    }
}

/// One lane: its title, row labels, and every visible environment's bars.
fn draw_lane(
    ui: &Ui,
    lane: &Lane<'_>,
    titled: bool,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    theme: &Theme,
) {
    let envs = &lane.run.timeline.environments;
    draw_lane_title(ui, lane, titled, geometry, theme);
    let labels = ui.painter_at(geometry.labels);
    let plot = ui.painter_at(geometry.rows);
    let window = lane.run.timeline_window;
    if envs.is_empty() {
        plot.text(
            geometry.rows.center(),
            Align2::CENTER_CENTER,
            "No environment in the timeline window",
            theme.font(16.0),
            theme.weak_text,
        );
    }
    // Every bar of the lane goes into one mesh, beneath the lines and text: thousands of
    // plain rects cost next to nothing that way, where shapes would each be tessellated.
    let fills = plot.add(egui::Shape::Noop);
    let mut mesh = egui::Mesh::default();
    for row in geometry.visible_rows() {
        let Some(env) = envs.get(row) else {
            continue;
        };
        draw_row_label(&labels, geometry, row, env, theme);
        draw_environment(&plot, &mut mesh, geometry, axis, row, env, window, theme);
    }
    plot.set(fills, mesh);
    draw_scrollbar(ui, geometry, theme);
}

/// A lane's title: which runtime (when comparing), how many environments, and which part of the
/// scenario the timeline shows when that is only its start.
fn draw_lane_title(ui: &Ui, lane: &Lane<'_>, titled: bool, geometry: &LaneGeometry, theme: &Theme) {
    let painter = ui.painter_at(geometry.title);
    let count = lane.run.timeline.environments.len();
    let title = if titled {
        let role = if lane.comparison {
            "comparison"
        } else {
            "this scenario"
        };
        format!("{} ({role}) · {count} environments", lane.name)
    } else {
        format!("{count} environments in the timeline")
    };
    let left = geometry.title.left() + 6.0;
    let right = geometry.rows.right();
    let center_y = geometry.title.center().y;
    let mut title = painter.layout_no_wrap(title, theme.font(16.0), theme.strong_text);
    // Without the note, a timeline of the first second of a steady day shows nothing but cold
    // starts while the figures say almost none were: it wins over the title when space is short.
    let note = window_note(lane.run).map(|(long, short)| {
        let room = right - left - title.size().x - 16.0;
        let long = painter.layout_no_wrap(long, theme.font(14.0), theme.dropped);
        if long.size().x <= room {
            long
        } else {
            painter.layout_no_wrap(short, theme.font(14.0), theme.dropped)
        }
    });
    if let Some(note) = note {
        if note.size().x > right - left - title.size().x - 16.0 {
            title = painter.layout_no_wrap(String::new(), theme.font(16.0), theme.strong_text);
        }
        let x = (right - note.size().x).max(left);
        painter.galley(pos2(x, center_y - note.size().y / 2.0), note, theme.dropped);
    }
    painter.galley(
        pos2(left, center_y - title.size().y / 2.0),
        title,
        theme.strong_text,
    );
}

/// A note, long and short, when the timeline shows only part of the scenario: which part, and
/// why there.
fn window_note(run: &ColdStartRun) -> Option<(String, String)> {
    let (h0, h1) = run.horizon_s;
    let (w0, w1) = run.timeline_window;
    if w1 - w0 >= 0.5 * (h1 - h0) {
        return None;
    }
    let (window, horizon) = (fmt_duration(w1 - w0), fmt_duration(h1 - h0));
    let figures = format!("the figures cover all {horizon}");
    Some(match run.window_start {
        WindowStart::Beginning => (
            format!(
                "Only the first {window} of {horizon}, where every environment is new; {figures}"
            ),
            format!("Only the first {window} of {horizon}"),
        ),
        WindowStart::Spike => (
            format!("{window} from {}, as demand spikes; {figures}", clock(w0)),
            format!("{window} from {}, as demand spikes", clock(w0)),
        ),
        WindowStart::Typical => (
            format!(
                "{window} from {}, a typical moment: {} environments already warm; {figures}",
                clock(w0),
                group(run.timeline.warm_at_start as f64, 0)
            ),
            format!("{window} from {}, a typical moment", clock(w0)),
        ),
    })
}

/// "env 3", with a "PC" badge on provisioned environments.
fn draw_row_label(
    painter: &Painter,
    geometry: &LaneGeometry,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let y = geometry.row_top(row) + geometry.row_h / 2.0;
    // The row height already includes the text scale; `theme.font` applies it once more.
    let font = theme.font((geometry.row_h / theme.text_scale * 0.62).clamp(12.0, 18.0));
    let right = geometry.labels.right();
    let text = format!("env {}", env.id + 1);
    if env.provisioned {
        let badge = painter.layout_no_wrap("PC".to_owned(), font.clone(), theme.on_fill);
        let badge_rect = Rect::from_min_size(
            pos2(right - badge.size().x - 8.0, y - badge.size().y / 2.0),
            badge.size() + vec2(6.0, 0.0),
        );
        let fill = phase_color(PhaseKind::Restore, theme);
        painter.rect_filled(badge_rect, CornerRadius::same(3), fill);
        painter.text(
            badge_rect.center(),
            Align2::CENTER_CENTER,
            "PC",
            font.clone(),
            text_on(fill, theme),
        );
        painter.text(
            pos2(badge_rect.left() - 4.0, y),
            Align2::RIGHT_CENTER,
            text,
            font,
            theme.strong_text,
        );
    } else {
        painter.text(
            pos2(right, y),
            Align2::RIGHT_CENTER,
            text,
            font,
            theme.strong_text,
        );
    }
}

/// When the environment is ready for requests, and when it is gone (reclaimed or window end).
fn lifetime(env: &Environment, window: (f64, f64)) -> (f64, f64) {
    let ready_s = env.init.last().map_or(
        if env.provisioned {
            window.0
        } else {
            env.created_at_s
        },
        |p| p.end_s,
    );
    (ready_s, env.reclaimed_at_s.unwrap_or(window.1))
}

/// When the environment's last handler run ended (or when it became ready, with none).
fn last_busy_end(env: &Environment, ready_s: f64) -> f64 {
    env.busy.last().map_or(ready_s, |b| b.end_s)
}

/// An environment's row: idle lifetime, idle-until-reclaimed hatching, init phases, handler runs
/// and the cold request's marker. Only what falls in the visible range is drawn.
#[expect(
    clippy::too_many_arguments,
    reason = "one environment's row needs the painter, the mesh, both mappings and its data"
)]
fn draw_environment(
    painter: &Painter,
    mesh: &mut egui::Mesh,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    window: (f64, f64),
    theme: &Theme,
) {
    let (t0, t1) = (axis.start_s, axis.end_s);
    let (ready_s, gone_s) = lifetime(env, window);
    if gone_s > t0 && ready_s < t1 {
        let bar = geometry.bar(row, axis.x_from_secs(ready_s), axis.x_from_secs(gone_s));
        mesh.add_colored_rect(bar, theme.warm_idle);
        if let Some(reclaimed_s) = env.reclaimed_at_s {
            let idle_from = axis.x_from_secs(last_busy_end(env, ready_s));
            let x = axis.x_from_secs(reclaimed_s);
            hatch(painter, bar.with_min_x(idle_from).with_max_x(x), theme);
            painter.line_segment(
                [pos2(x, bar.top() - 2.0), pos2(x, bar.bottom() + 2.0)],
                Stroke::new(theme.line_width, theme.weak_text),
            );
        }
    }
    draw_init(painter, mesh, geometry, axis, row, env, theme);
    draw_busy(mesh, geometry, axis, row, env, theme);
}

/// A frame of `width` around `rect`, as four rects of the mesh.
fn outline(mesh: &mut egui::Mesh, rect: Rect, width: f32, color: Color32) {
    let outer = rect.expand(width);
    for side in [
        Rect::from_min_max(outer.min, pos2(outer.max.x, rect.min.y)),
        Rect::from_min_max(pos2(outer.min.x, rect.max.y), outer.max),
        Rect::from_min_max(pos2(outer.min.x, rect.min.y), pos2(rect.min.x, rect.max.y)),
        Rect::from_min_max(pos2(rect.max.x, rect.min.y), pos2(outer.max.x, rect.max.y)),
    ] {
        mesh.add_colored_rect(side, color);
    }
}

/// Diagonal lines over `rect`, the mark of an environment idling until it is reclaimed.
fn hatch(painter: &Painter, rect: Rect, theme: &Theme) {
    let rect = rect.intersect(painter.clip_rect());
    if !rect.is_positive() {
        return;
    }
    let clipped = painter.with_clip_rect(rect);
    let stroke = Stroke::new(1.2, theme.booting);
    let h = rect.height();
    // Anchored to a screen grid, so the pattern does not shimmer as bars grow.
    let mut x = (rect.left() / HATCH_SPACING).floor() * HATCH_SPACING - h;
    while x < rect.right() {
        clipped.line_segment([pos2(x, rect.bottom()), pos2(x + h, rect.top())], stroke);
        x += HATCH_SPACING;
    }
}

/// The init phases of a cold start, at least [`MIN_INIT_PX`] wide in all.
fn draw_init(
    painter: &Painter,
    mesh: &mut egui::Mesh,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let (Some(first), Some(last)) = (env.init.first(), env.init.last()) else {
        return;
    };
    let (x0, x1) = (
        axis.x_from_secs(first.start_s),
        axis.x_from_secs(last.end_s),
    );
    if x1 < axis.left - MIN_INIT_PX || x0 > axis.right {
        return;
    }
    if x1 - x0 < MIN_INIT_PX {
        // Too narrow to show each phase: one block in the colour of the longest.
        let longest = env
            .init
            .iter()
            .max_by(|a, b| (a.end_s - a.start_s).total_cmp(&(b.end_s - b.start_s)))
            .map_or(PhaseKind::Environment, |p| p.kind);
        let bar = geometry.bar(row, x0, x0 + MIN_INIT_PX);
        mesh.add_colored_rect(bar, phase_color(longest, theme));
    } else {
        for phase in &env.init {
            let bar = geometry.bar(
                row,
                axis.x_from_secs(phase.start_s),
                axis.x_from_secs(phase.end_s),
            );
            mesh.add_colored_rect(bar, phase_color(phase.kind, theme));
        }
    }
    draw_cold_label(painter, geometry, axis, row, env, theme);
}

/// A painted snowflake, the mark of a cold request (painted rather than a glyph, which not every
/// font has).
fn snowflake(painter: &Painter, center: Pos2, radius: f32, color: Color32) {
    let stroke = Stroke::new((radius * 0.2).max(1.2), color);
    let twig = std::f32::consts::FRAC_PI_4;
    for k in 0..3 {
        let angle = std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::PI / 3.0;
        let arm = vec2(angle.cos(), angle.sin()) * radius;
        painter.line_segment([center - arm, center + arm], stroke);
        // Two twigs on each arm make the star read as a snowflake where it is large enough to
        // see them (the legend); the timeline's small ones stay cheap.
        if radius >= 5.0 {
            for (end, angle) in [(arm, angle), (-arm, angle + std::f32::consts::PI)] {
                let fork = center + end * 0.55;
                for side in [-twig, twig] {
                    let branch = vec2((angle + side).cos(), (angle + side).sin());
                    painter.line_segment([fork, fork + branch * radius * 0.4], stroke);
                }
            }
        }
    }
}

/// A snowflake and "9.0 s" left of a cold start: how long its request took in all.
fn draw_cold_label(
    painter: &Painter,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let Some(first) = env.busy.first().filter(|b| b.cold) else {
        return;
    };
    if geometry.row_h < 14.0 {
        return;
    }
    let latency_ms = (first.end_s - env.created_at_s) * 1000.0;
    let font = theme.font((geometry.row_h / theme.text_scale * 0.6).clamp(12.0, 17.0));
    let galley = painter.layout_no_wrap(fmt_latency_short(latency_ms), font, theme.strong_text);
    let radius = galley.size().y * 0.3;
    let width = galley.size().x + 2.0 * radius + 4.0;
    // Clear of the cold run's outline, which is drawn outside its bar.
    let x = axis.x_from_secs(env.created_at_s) - theme.line_width - 4.0;
    // Left of the cold start is empty (the environment did not exist yet); skip if too narrow.
    if x - width < axis.left || x > axis.right + width {
        return;
    }
    let center_y = geometry.row_top(row) + geometry.row_h / 2.0;
    let text_x = x - galley.size().x;
    snowflake(
        painter,
        pos2(text_x - 4.0 - radius, center_y),
        radius,
        theme.strong_text,
    );
    painter.galley(
        pos2(text_x, center_y - galley.size().y / 2.0),
        galley,
        theme.strong_text,
    );
}

/// Handler runs in the visible range, merged where closer than a point, and the cold one
/// outlined.
fn draw_busy(
    mesh: &mut egui::Mesh,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let color = handler_color(theme);
    let mut flush = |(start_s, end_s): (f64, f64)| {
        let x0 = axis.x_from_secs(start_s);
        let x1 = axis.x_from_secs(end_s).max(x0 + MIN_BAR_PX);
        mesh.add_colored_rect(geometry.bar(row, x0, x1), color);
    };
    // Merged in time, not screen space: an environment may hold thousands of runs, and this
    // loop is the only per-run work of a frame.
    let merge_s = f64::from(MERGE_PX) * axis.secs_per_point();
    let first = env.busy.partition_point(|b| b.end_s < axis.start_s);
    let mut span: Option<(f64, f64)> = None;
    for b in env.busy.iter().skip(first) {
        if b.start_s > axis.end_s {
            break;
        }
        span = match span {
            Some((a, e)) if b.start_s <= e + merge_s => Some((a, e.max(b.end_s))),
            Some(done) => {
                flush(done);
                Some((b.start_s, b.end_s))
            }
            None => Some((b.start_s, b.end_s)),
        };
    }
    if let Some(done) = span {
        flush(done);
    }
    if let Some(cold) = env.busy.first().filter(|b| b.cold)
        && cold.end_s >= axis.start_s
        && cold.start_s <= axis.end_s
    {
        let x0 = axis.x_from_secs(cold.start_s);
        let x1 = axis.x_from_secs(cold.end_s).max(x0 + 4.0);
        outline(
            mesh,
            geometry.bar(row, x0, x1).expand(1.0),
            theme.line_width,
            theme.highlight,
        );
    }
}

/// A scroll indicator right of the rows when they overflow.
fn draw_scrollbar(ui: &Ui, geometry: &LaneGeometry, theme: &Theme) {
    let content = geometry.count as f32 * geometry.row_h;
    let visible = geometry.rows.height();
    if content <= visible + 0.5 {
        return;
    }
    let track = Rect::from_min_max(
        pos2(geometry.rows.right() + 3.0, geometry.rows.top()),
        pos2(geometry.rows.right() + SCROLLBAR_W, geometry.rows.bottom()),
    );
    let thumb_h = (visible / content * visible).max(16.0);
    let top = track.top() + geometry.scroll / (content - visible) * (visible - thumb_h);
    let thumb = Rect::from_min_size(pos2(track.left(), top), vec2(track.width(), thumb_h));
    let painter = ui.painter();
    painter.rect_filled(track, CornerRadius::same(3), theme.warm_idle);
    painter.rect_filled(thumb, CornerRadius::same(3), theme.booting);
}

/// What is under the pointer.
fn hit_test(pos: Pos2, geometry: &Geometry, lanes: &[Lane<'_>]) -> Option<Hit> {
    let axis = geometry.axis;
    if geometry.strip.contains(pos) {
        return Some(Hit::Traffic {
            t_s: axis.secs_from_x(pos.x),
        });
    }
    let index = lane_at(geometry, pos)?;
    let lane_geometry = (*geometry.lanes.get(index)?)?;
    let lane = lanes.get(index)?;
    let row = lane_geometry.row_at(pos.y)?;
    let env = lane.run.timeline.environments.get(row)?;
    if lane_geometry.labels.contains(pos) {
        return Some(Hit::Row {
            lane: index,
            env: row,
        });
    }
    if !lane_geometry.rows.contains(pos) {
        return None;
    }
    let t_s = axis.secs_from_x(pos.x);
    let tolerance_s = f64::from(HIT_PX) * axis.secs_per_point();
    hit_environment(index, row, env, t_s, tolerance_s, lane.run.timeline_window)
}

/// The bar of one environment at `t_s`: the nearest phase or handler run within `tolerance_s`,
/// else its idle stretch.
fn hit_environment(
    lane: usize,
    row: usize,
    env: &Environment,
    t_s: f64,
    tolerance_s: f64,
    window: (f64, f64),
) -> Option<Hit> {
    let distance = |a: f64, b: f64| {
        if t_s < a {
            a - t_s
        } else if t_s > b {
            t_s - b
        } else {
            0.0
        }
    };
    let mut best: Option<(f64, Hit)> = None;
    let mut consider = |d: f64, hit: Hit| {
        if d <= tolerance_s && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, hit));
        }
    };
    for phase in &env.init {
        consider(
            distance(phase.start_s, phase.end_s),
            Hit::Phase {
                lane,
                env: row,
                kind: phase.kind,
                start_s: phase.start_s,
                end_s: phase.end_s,
            },
        );
    }
    let first = env.busy.partition_point(|b| b.end_s < t_s - tolerance_s);
    for b in env
        .busy
        .iter()
        .skip(first)
        .take_while(|b| b.start_s <= t_s + tolerance_s)
    {
        consider(
            distance(b.start_s, b.end_s),
            Hit::Handler {
                lane,
                env: row,
                start_s: b.start_s,
                end_s: b.end_s,
                cold: b.cold,
            },
        );
    }
    if let Some((_, hit)) = best {
        return Some(hit);
    }
    let (ready_s, gone_s) = lifetime(env, window);
    if t_s < ready_s || t_s > gone_s {
        return None;
    }
    // The idle gap around `t_s`: from the run before it to the run after it (or reclamation).
    let after = env.busy.partition_point(|b| b.start_s <= t_s);
    let from_s = after
        .checked_sub(1)
        .and_then(|i| env.busy.get(i))
        .map_or(ready_s, |b| b.end_s);
    let next = env.busy.get(after).map(|b| b.start_s);
    Some(Hit::Idle {
        lane,
        env: row,
        from_s,
        to_s: next.unwrap_or(gone_s),
        reclaimed_s: if next.is_none() {
            env.reclaimed_at_s
        } else {
            None
        },
    })
}

/// Outlines the hovered bar.
fn highlight(painter: &Painter, hit: Hit, geometry: &Geometry, lanes: &[Lane<'_>], theme: &Theme) {
    let axis = geometry.axis;
    let (lane, env, a, b) = match hit {
        Hit::Phase {
            lane,
            env,
            start_s,
            end_s,
            ..
        }
        | Hit::Handler {
            lane,
            env,
            start_s,
            end_s,
            ..
        } => (lane, env, start_s, end_s),
        Hit::Idle {
            lane,
            env,
            from_s,
            to_s,
            ..
        } => (lane, env, from_s, to_s),
        Hit::Row { lane, env } => {
            let Some(e) = lanes
                .get(lane)
                .and_then(|l| l.run.timeline.environments.get(env))
            else {
                return;
            };
            let window = lanes
                .get(lane)
                .map_or((0.0, 0.0), |l| l.run.timeline_window);
            (lane, env, e.created_at_s, lifetime(e, window).1)
        }
        Hit::Traffic { t_s } => {
            let x = axis.x_from_secs(t_s);
            painter.line_segment(
                [
                    pos2(x, geometry.strip.top()),
                    pos2(x, geometry.strip.bottom()),
                ],
                Stroke::new(1.0, theme.highlight),
            );
            return;
        }
    };
    let Some(Some(lane_geometry)) = geometry.lanes.get(lane) else {
        return;
    };
    let x0 = axis.x_from_secs(a).max(axis.left - 2.0);
    let x1 = axis.x_from_secs(b).min(axis.right + 2.0).max(x0 + 3.0);
    painter
        .with_clip_rect(lane_geometry.rows.expand(3.0))
        .rect_stroke(
            lane_geometry.bar(env, x0, x1).expand(2.0),
            CornerRadius::same(2),
            Stroke::new(2.0, theme.highlight),
            StrokeKind::Outside,
        );
}

/// The tooltip of a hovered element: what it is, with its numbers.
fn hit_ui(ui: &mut Ui, hit: Hit, lanes: &[Lane<'_>], traffic: Option<&Traffic>, theme: &Theme) {
    let lane_name = |lane: usize| lanes.get(lane).map_or("", |l| l.name.as_str());
    let environment = |lane: usize, env: usize| {
        lanes
            .get(lane)
            .and_then(|l| l.run.timeline.environments.get(env))
    };
    match hit {
        Hit::Phase {
            lane,
            env,
            kind,
            start_s,
            end_s,
        } => {
            ui.label(RichText::new(format!("{} · env {}", kind.label(), env + 1)).strong());
            ui.label(format!(
                "{}: starts at {}, lasts {}",
                lane_name(lane),
                fmt_time(start_s),
                fmt_ms((end_s - start_s) * 1000.0)
            ));
            ui.label(RichText::new(phase_meaning(kind)).color(theme.weak_text));
        }
        Hit::Handler {
            lane,
            env,
            start_s,
            end_s,
            cold,
        } => handler_tooltip(
            ui,
            lane_name(lane),
            environment(lane, env),
            (start_s, end_s),
            cold,
            theme,
        ),
        Hit::Idle {
            lane,
            env,
            from_s,
            to_s,
            reclaimed_s,
        } => {
            let title = if reclaimed_s.is_some() {
                "Idle until reclaimed"
            } else {
                "Warm, idle"
            };
            ui.label(RichText::new(format!("{title} · env {}", env + 1)).strong());
            ui.label(format!(
                "{}: waiting for a request from {} to {} ({})",
                lane_name(lane),
                fmt_time(from_s),
                fmt_time(to_s),
                fmt_duration(to_s - from_s)
            ));
            let note = match reclaimed_s {
                Some(r) => format!(
                    "No request came in the idle reclaim time: Lambda reclaimed the environment \
                     at {}. The next request it would have served starts a new one, cold",
                    fmt_time(r)
                ),
                None => "Initialised and ready: the next request it takes is warm. Idle time is \
                         not billed (except provisioned concurrency)"
                    .to_owned(),
            };
            ui.label(RichText::new(note).color(theme.weak_text));
        }
        Hit::Row { lane, env } => {
            let window_s = lanes.get(lane).map_or(0.0, |l| l.run.timeline_window.0);
            row_tooltip(ui, lane_name(lane), environment(lane, env), window_s);
        }
        Hit::Traffic { t_s } => {
            ui.label(RichText::new("Traffic").strong());
            let rps = traffic.map_or(0.0, |t| t.rate_at(t_s));
            ui.label(format!(
                "At {}: {} requests per second arriving",
                fmt_time(t_s),
                fmt_rate(rps)
            ));
        }
    }
}

/// The tooltip of a handler run.
fn handler_tooltip(
    ui: &mut Ui,
    lane_name: &str,
    env: Option<&Environment>,
    (start_s, end_s): (f64, f64),
    cold: bool,
    theme: &Theme,
) {
    let id = env.map_or(0, |e| e.id + 1);
    let run_ms = (end_s - start_s) * 1000.0;
    if cold {
        let arrived_s = env.map_or(start_s, |e| e.created_at_s);
        let wait_ms = (start_s - arrived_s) * 1000.0;
        ui.label(RichText::new(format!("Cold request · env {id}")).strong());
        ui.label(format!(
            "{lane_name}: arrived at {}, found no free warm environment, and waited {} for \
             this one to start",
            fmt_time(arrived_s),
            fmt_ms(wait_ms)
        ));
        ui.label(format!(
            "Handler ran {} from {} · latency {}",
            fmt_ms(run_ms),
            fmt_time(start_s),
            fmt_ms(wait_ms + run_ms)
        ));
    } else {
        ui.label(RichText::new(format!("Warm request · env {id}")).strong());
        ui.label(format!(
            "{lane_name}: arrived at {} and ran at once on a warm environment",
            fmt_time(start_s)
        ));
        ui.label(format!(
            "Handler ran {} · latency {}",
            fmt_ms(run_ms),
            fmt_ms(run_ms)
        ));
    }
    ui.label(
        RichText::new("Latency here is time inside Lambda: no network or API Gateway time")
            .color(theme.weak_text),
    );
}

/// The tooltip of a row label: the environment's story.
fn row_tooltip(ui: &mut Ui, lane_name: &str, env: Option<&Environment>, window_s: f64) {
    let Some(env) = env else {
        return;
    };
    ui.label(RichText::new(format!("Environment {} · {lane_name}", env.id + 1)).strong());
    if env.provisioned {
        ui.label("Provisioned concurrency: initialised before the window, never reclaimed");
    } else if env.created_at_s < window_s {
        ui.label(format!(
            "Created at {} by a cold request, before the window: warm when it opened",
            fmt_time(env.created_at_s)
        ));
    } else {
        ui.label(format!(
            "Created at {} by a cold request",
            fmt_time(env.created_at_s)
        ));
    }
    ui.label(format!(
        "Served {} requests in the window",
        group(env.busy.len() as f64, 0)
    ));
    match env.reclaimed_at_s {
        Some(r) => ui.label(format!("Reclaimed after idling, at {}", fmt_time(r))),
        None => ui.label("Still warm at the end of the window"),
    };
}

/// What an init phase is, for tooltips.
fn phase_meaning(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::Environment => {
            "Creating the execution environment and downloading the code; not billed"
        }
        PhaseKind::Extensions => "Starting Lambda extensions; billed as INIT",
        PhaseKind::Runtime => "Starting the language runtime; billed as INIT",
        PhaseKind::Function => {
            "Your code outside the handler (SDK clients, frameworks); billed as INIT"
        }
        PhaseKind::Restore => "Restoring a SnapStart snapshot instead of running init",
        PhaseKind::FirstInvoke => {
            "The first handler run in a new environment is slower (measured for .NET)"
        }
    }
}

/// One segment of the breakdown bar.
struct Segment {
    label: &'static str,
    ms: f64,
    color: Color32,
}

/// The segments of one cold start: init phases, then the first handler run.
fn segments(phases: &InitPhases, handler_ms: f64, theme: &Theme) -> [Segment; 6] {
    [
        Segment {
            label: PhaseKind::Environment.label(),
            ms: phases.environment_ms,
            color: phase_color(PhaseKind::Environment, theme),
        },
        Segment {
            label: PhaseKind::Extensions.label(),
            ms: phases.extensions_ms,
            color: phase_color(PhaseKind::Extensions, theme),
        },
        Segment {
            label: PhaseKind::Runtime.label(),
            ms: phases.runtime_ms,
            color: phase_color(PhaseKind::Runtime, theme),
        },
        Segment {
            label: PhaseKind::Function.label(),
            ms: phases.function_ms,
            color: phase_color(PhaseKind::Function, theme),
        },
        Segment {
            label: PhaseKind::Restore.label(),
            ms: phases.restore_ms,
            color: phase_color(PhaseKind::Restore, theme),
        },
        Segment {
            label: "Handler",
            ms: phases.first_invoke_extra_ms + handler_ms,
            color: handler_color(theme),
        },
    ]
}

/// One cold start of the function as a stacked bar with ms labels (one bar per runtime, on one
/// scale, when comparing).
fn breakdown_ui(ui: &mut Ui, lanes: &[Lane<'_>], scenario: &Scenario, theme: &Theme) {
    let handler_ms = scenario.workload.avg_duration_ms;
    let total = |phases: &InitPhases| phases.total_ms() + phases.first_invoke_extra_ms + handler_ms;
    let scale_ms = lanes
        .iter()
        .map(|l| total(&l.phases))
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let s = theme.text_scale;
    for lane in lanes {
        let title = if lanes.len() > 1 {
            lane.name.clone()
        } else {
            "One cold start".to_owned()
        };
        let all = segments(&lane.phases, handler_ms, theme);
        ui.horizontal(|ui| {
            let (label_rect, _) = ui.allocate_exact_size(vec2(150.0 * s, 26.0 * s), Sense::hover());
            ui.painter().text(
                label_rect.left_center(),
                Align2::LEFT_CENTER,
                title,
                theme.font(16.0),
                theme.strong_text,
            );
            let width = ui.available_width();
            let (rect, response) = ui.allocate_exact_size(vec2(width, 26.0 * s), Sense::hover());
            response.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Image,
                    true,
                    format!(
                        "One cold start of {}: {}",
                        lane.name,
                        fmt_ms(total(&lane.phases))
                    ),
                )
            });
            let painter = ui.painter_at(rect);
            let mut x = rect.left();
            for segment in all.iter().filter(|seg| seg.ms > 0.0) {
                let w = (segment.ms / scale_ms) as f32 * rect.width();
                let seg_rect = Rect::from_min_max(pos2(x, rect.top()), pos2(x + w, rect.bottom()));
                painter.rect_filled(seg_rect, CornerRadius::ZERO, segment.color);
                let galley = painter.layout_no_wrap(
                    fmt_ms(segment.ms),
                    theme.font(14.0),
                    text_on(segment.color, theme),
                );
                if galley.size().x + 8.0 < w {
                    let pos = seg_rect.center() - galley.size() / 2.0;
                    painter.galley(pos, galley, theme.strong_text);
                }
                x += w;
            }
            response.on_hover_ui(|ui| breakdown_tooltip(ui, lane, scenario, theme));
        });
        ui.horizontal_wrapped(|ui| {
            // The total sits under the title, so the legend's line stays short.
            let (total_rect, total_response) = ui.allocate_exact_size(
                vec2(150.0 * s, ui.spacing().interact_size.y),
                Sense::hover(),
            );
            ui.painter().text(
                total_rect.left_center(),
                Align2::LEFT_CENTER,
                format!("= {} in all", fmt_ms(total(&lane.phases))),
                theme.font(16.0),
                theme.strong_text,
            );
            total_response.hover_tip("From the request's arrival to its response");
            for segment in all.iter().filter(|seg| seg.ms > 0.0) {
                let text = format!("{} {}", segment.label, fmt_ms(segment.ms));
                legend_item(
                    ui,
                    Mark::Fill(segment.color),
                    &text,
                    "Hover the bar for where each figure comes from",
                    theme,
                );
            }
        });
    }
}

/// Where each phase of one cold start comes from.
fn breakdown_tooltip(ui: &mut Ui, lane: &Lane<'_>, scenario: &Scenario, theme: &Theme) {
    let cs = &scenario.cold_start;
    let p = &lane.phases;
    ui.label(RichText::new(format!("One cold start of {}", lane.name)).strong());
    ui.label(format!(
        "Environment {}: creating it and loading the code, {} (an editable assumption) plus {} \
         for a {} MB package (measured on Node.js 20, applied to every runtime); not billed",
        fmt_ms(p.environment_ms),
        fmt_ms(cs.environment_ms),
        fmt_ms(package_load_ms(cs.package_size_mb)),
        group(cs.package_size_mb, 1)
    ));
    if p.extensions_ms > 0.0 {
        ui.label(format!(
            "Extensions {}: from the scenario",
            fmt_ms(p.extensions_ms)
        ));
    }
    if p.runtime_ms > 0.0 {
        ui.label(format!(
            "Runtime init {}: a hello-world function's init ({INIT_SOURCE})",
            fmt_ms(p.runtime_ms)
        ));
    }
    if p.function_ms > 0.0 {
        ui.label(format!(
            "Your init {}: your code outside the handler, from the scenario",
            fmt_ms(p.function_ms)
        ));
    }
    if p.restore_ms > 0.0 {
        ui.label(format!(
            "SnapStart restore {}: replaces runtime and your init (600–1,000 ms measured for a \
             trivial function)",
            fmt_ms(p.restore_ms)
        ));
    }
    ui.label(format!(
        "Handler {}: the workload's average duration{}",
        fmt_ms(p.first_invoke_extra_ms + scenario.workload.avg_duration_ms),
        if p.first_invoke_extra_ms > 0.0 {
            format!(
                ", plus {} for a first run in a new environment",
                fmt_ms(p.first_invoke_extra_ms)
            )
        } else {
            String::new()
        }
    ));
    ui.label(
        RichText::new(format!(
            "Billed INIT per cold start: {} (extensions + runtime + your init)",
            fmt_ms(p.billed_init_ms())
        ))
        .color(theme.weak_text),
    );
}

/// How a legend swatch is drawn.
#[derive(Clone, Copy)]
enum Mark {
    /// A plain fill.
    Fill(Color32),
    /// A handler bar outlined as a cold request.
    Cold,
    /// An idle bar hatched as idle until reclaimed.
    Hatched,
}

/// A swatch and its label, kept together on one line of a wrapping row.
fn legend_item(ui: &mut Ui, mark: Mark, text: &str, hover: &str, theme: &Theme) {
    let s = theme.text_scale;
    let swatch_size = match mark {
        // Room for a snowflake left of the outlined bar.
        Mark::Cold => vec2(36.0 * s, 14.0 * s),
        Mark::Fill(_) | Mark::Hatched => vec2(18.0 * s, 14.0 * s),
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_w = ui
        .painter()
        .layout_no_wrap(text.to_owned(), font, theme.strong_text)
        .size()
        .x;
    let needed = swatch_size.x + ui.spacing().item_spacing.x + text_w;
    if ui.available_size_before_wrap().x < needed && ui.cursor().min.x > ui.max_rect().left() + 1.0
    {
        ui.end_row();
    }
    let (rect, response) = ui.allocate_exact_size(swatch_size, Sense::hover());
    let painter = ui.painter();
    match mark {
        Mark::Fill(color) => {
            painter.rect_filled(rect, CornerRadius::same(2), color);
        }
        Mark::Cold => {
            let radius = rect.height() * 0.45;
            snowflake(
                painter,
                pos2(rect.left() + radius, rect.center().y),
                radius,
                theme.strong_text,
            );
            let rect = rect.with_min_x(rect.right() - 18.0 * s);
            painter.rect_filled(rect, CornerRadius::ZERO, handler_color(theme));
            painter.rect_stroke(
                rect,
                CornerRadius::same(2),
                Stroke::new(theme.line_width, theme.highlight),
                StrokeKind::Inside,
            );
        }
        Mark::Hatched => {
            painter.rect_filled(rect, CornerRadius::ZERO, theme.warm_idle);
            hatch(&painter.with_clip_rect(rect), rect, theme);
        }
    }
    response.hover_tip(hover);
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
        .hover_tip(hover);
    ui.add_space(4.0);
}

/// The legend of the timeline's marks.
fn legend_ui(ui: &mut Ui, lanes: &[Lane<'_>], theme: &Theme) {
    let any = |f: fn(&InitPhases) -> f64| lanes.iter().any(|l| f(&l.phases) > 0.0);
    ui.horizontal_wrapped(|ui| {
        let phases = [
            (PhaseKind::Environment, true),
            (PhaseKind::Extensions, any(|p| p.extensions_ms)),
            (PhaseKind::Runtime, any(|p| p.runtime_ms)),
            (PhaseKind::Function, any(|p| p.function_ms)),
            (PhaseKind::Restore, any(|p| p.restore_ms)),
        ];
        for (kind, shown) in phases {
            if shown {
                let mark = Mark::Fill(phase_color(kind, theme));
                legend_item(ui, mark, kind.label(), phase_meaning(kind), theme);
            }
        }
        legend_item(
            ui,
            Mark::Fill(handler_color(theme)),
            "Handler run",
            "The handler serving one request; runs closer than a pixel merge into one bar",
            theme,
        );
        legend_item(
            ui,
            Mark::Cold,
            "Cold request",
            "A request that found no free warm environment and waited for a new one's init. The \
             snowflake and time left of it give its whole latency, from arrival to response",
            theme,
        );
        legend_item(
            ui,
            Mark::Fill(theme.warm_idle),
            "Warm, idle",
            "Initialised and waiting: the next request it takes is warm",
            theme,
        );
        legend_item(
            ui,
            Mark::Hatched,
            "Idle until reclaimed",
            "The last idle stretch: after the idle reclaim time Lambda reclaims the environment \
             (the bar ends with a line)",
            theme,
        );
    });
}

/// The figures beside the timeline: big numbers (or a table when comparing), latency
/// histograms, how they were computed, and every assumption.
fn side_panel_ui(ui: &mut Ui, lanes: &[Lane<'_>], theme: &Theme) {
    match lanes {
        [lane] => big_numbers_ui(ui, lane, theme),
        _ => comparison_table_ui(ui, lanes, theme),
    }
    ui.add_space(10.0);
    for lane in lanes {
        let title = if lanes.len() > 1 {
            format!("Latency of every request, {}", lane.name)
        } else {
            "Latency of every request".to_owned()
        };
        ui.label(RichText::new(title).strong());
        histogram_ui(ui, &lane.run.histogram, theme);
        ui.add_space(6.0);
    }
    for lane in lanes {
        ui.label(RichText::new(method_text(lane)).color(theme.weak_text))
            .hover_tip(
                "Exact: every request simulated one by one. Aggregate: above 200,000 requests, \
                 the figures come from a model stepped through time; the timeline is still a \
                 request-by-request simulation of the window it shows",
            );
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Assumptions")
        .default_open(false)
        .show(ui, |ui| {
            for assumption in ASSUMPTIONS {
                ui.label(format!("• {assumption}"));
            }
        });
}

/// How a run's figures and timeline were computed.
fn method_text(lane: &Lane<'_>) -> String {
    let run = lane.run;
    let (h0, h1) = run.horizon_s;
    let (w0, w1) = run.timeline_window;
    let mut text = match run.method {
        Method::Exact => format!(
            "{}: exact, every request of the scenario simulated ({} to {}).",
            lane.name,
            fmt_s(h0),
            fmt_s(h1)
        ),
        Method::Aggregate => format!(
            "{}: aggregate. The figures cover the whole scenario ({} to {}); the timeline shows \
             an exact window from {} to {}.",
            lane.name,
            fmt_s(h0),
            fmt_s(h1),
            fmt_s(w0),
            fmt_s(w1)
        ),
    };
    // Writing to a String cannot fail.
    match (run.method, run.window_start) {
        (Method::Aggregate, WindowStart::Spike) => {
            text.push_str(
                " It opens a second before the steepest spike in demand, with the environments \
                 the traffic before it left warm.",
            );
        }
        (Method::Aggregate, WindowStart::Typical) => {
            let _ = write!(
                text,
                " It opens at the median request, a typical moment, with the {} environments \
                 the traffic before it left warm.",
                group(run.timeline.warm_at_start as f64, 0)
            );
        }
        _ => {}
    }
    if run.timeline.truncated {
        let _ = write!(
            text,
            " The timeline stops at {}: it keeps at most 500 environments and 20,000 handler \
             runs ({} environments created).",
            fmt_s(w1),
            group(run.timeline.environments_created as f64, 0)
        );
    }
    text
}

/// Big numbers for one runtime.
fn big_numbers_ui(ui: &mut Ui, lane: &Lane<'_>, theme: &Theme) {
    let l = &lane.run.latency;
    let about = if lane.run.method == Method::Aggregate {
        "about "
    } else {
        ""
    };
    // The runtime's name is in the combo box above: the first line is the lesson's number.
    ui.label(
        RichText::new(fmt_percent(l.cold_ratio))
            .font(theme.font(40.0))
            .strong(),
    )
    .hover_tip("Cold starts divided by requests served, over the whole scenario");
    ui.label(
        RichText::new(format!(
            "of requests were cold ({about}{} of {})",
            group(l.cold, 0),
            group(l.served, 0)
        ))
        .color(theme.weak_text),
    );
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!("+{}", fmt_ms(lane.run.cold_penalty_ms)))
            .font(theme.font(30.0))
            .strong(),
    )
    .hover_tip("Every init phase plus the first run's extra time: what a cold request waits for");
    ui.label(
        RichText::new("wait of each cold request before its handler runs").color(theme.weak_text),
    );
    if l.cold > 0.0 && l.warm_mean_ms > 0.0 {
        ui.label(format!(
            "Cold requests averaged {}, warm ones {} ({} slower)",
            fmt_ms(l.cold_mean_ms),
            fmt_ms(l.warm_mean_ms),
            fmt_times(l.cold_mean_ms / l.warm_mean_ms)
        ));
    }
    ui.add_space(4.0);
    percentiles_ui(ui, l, theme);
    ui.add_space(4.0);
    figure_line(
        ui,
        &group(
            l.cold_starts_per_hour,
            usize::from(l.cold_starts_per_hour < 10.0),
        ),
        "cold starts per hour",
        "Cold starts divided by the scenario's length in hours",
        theme,
    );
    figure_line(
        ui,
        &format!(
            "{} s",
            group(l.billed_init_s, usize::from(l.billed_init_s < 10.0))
        ),
        "billed INIT",
        "Init time billed since Aug 2025 (extensions + runtime + your init per cold start), \
         over the whole scenario; multiply by memory in GB for GB-s",
        theme,
    );
    if l.throttled > 0.0 {
        figure_line(
            ui,
            &group(l.throttled, 0),
            "requests throttled (HTTP 429)",
            "Refused because as many requests were in flight as the concurrency limit",
            theme,
        );
    }
}

/// p50, p95 and p99 side by side, in the largest type that fits the panel's width.
fn percentiles_ui(ui: &mut Ui, l: &LatencySummary, theme: &Theme) {
    let all = percentiles(l);
    let texts = all.map(|(_, value, _)| fmt_ms(value));
    let gap = 12.0;
    let column_w = ((ui.available_width() - 2.0 * gap) / 3.0).max(1.0);
    let widest = |size: f32| {
        texts
            .iter()
            .map(|t| {
                ui.painter()
                    .layout_no_wrap(t.clone(), theme.font(size), theme.strong_text)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
    };
    let mut size = 22.0;
    while size > 13.0 && widest(size) > column_w {
        size -= 2.0;
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for ((name, _, what), text) in all.iter().zip(&texts) {
            ui.vertical(|ui| {
                ui.set_width(column_w);
                ui.label(RichText::new(text).font(theme.font(size)).strong())
                    .hover_tip(format!("{name}: {what}"));
                ui.label(RichText::new(*name).color(theme.weak_text))
                    .hover_tip(*what);
            });
        }
    });
}

/// The three percentiles with their names and meanings.
fn percentiles(l: &LatencySummary) -> [(&'static str, f64, &'static str); 3] {
    [
        (
            "p50",
            l.p50_ms,
            "Half of the requests were at least this fast",
        ),
        (
            "p95",
            l.p95_ms,
            "95% of the requests were at least this fast",
        ),
        (
            "p99",
            l.p99_ms,
            "99% of the requests were at least this fast. Cold starts rarer than 1% of requests \
             do not move it: compare the cold requests' average",
        ),
    ]
}

/// "12.9  cold starts per hour": a strong number and a weak caption.
fn figure_line(ui: &mut Ui, value: &str, caption: &str, what: &str, theme: &Theme) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(value).font(theme.font(20.0)).strong())
            .hover_tip(what);
        ui.label(RichText::new(caption).color(theme.weak_text))
            .hover_tip(what);
    });
}

/// How the comparison table reads one figure of a lane.
type Figure = fn(&Lane<'_>) -> String;

/// The figures of two runtimes side by side.
fn comparison_table_ui(ui: &mut Ui, lanes: &[Lane<'_>], theme: &Theme) {
    let rows: [(&str, &str, Figure); 8] = [
        (
            "Cold share",
            "Cold starts divided by requests served, over the whole scenario",
            |l| fmt_percent(l.run.latency.cold_ratio),
        ),
        (
            "Cold start wait",
            "Every init phase plus the first run's extra time: what each cold request waits for",
            |l| fmt_ms(l.run.cold_penalty_ms),
        ),
        ("Cold mean", "Average latency of cold requests", |l| {
            fmt_ms(l.run.latency.cold_mean_ms)
        }),
        ("p50", "Half of the requests were at least this fast", |l| {
            fmt_ms(l.run.latency.p50_ms)
        }),
        ("p95", "95% of the requests were at least this fast", |l| {
            fmt_ms(l.run.latency.p95_ms)
        }),
        (
            "p99",
            "99% of the requests were at least this fast. Cold starts rarer than 1% of requests \
             do not move it",
            |l| fmt_ms(l.run.latency.p99_ms),
        ),
        (
            "Cold starts/h",
            "Cold starts per hour of the scenario",
            |l| group(l.run.latency.cold_starts_per_hour, 1),
        ),
        (
            "Billed INIT",
            "Init time billed over the whole scenario (extensions + runtime + your init)",
            |l| format!("{} s", group(l.run.latency.billed_init_s, 1)),
        ),
    ];
    let values: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, _, figure)| lanes.iter().map(figure).collect())
        .collect();
    // The largest type in which the widest row fits the panel.
    let gap = 10.0;
    let body = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |text: &str, font: egui::FontId| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font, theme.strong_text)
            .size()
            .x
    };
    let label_w = rows
        .iter()
        .map(|(name, _, _)| width_of(name, body.clone()))
        .fold(0.0, f32::max);
    let column_w =
        (ui.available_width() - label_w - gap * lanes.len() as f32) / lanes.len().max(1) as f32;
    let fits = |size: f32| {
        values
            .iter()
            .flatten()
            .all(|v| width_of(v, theme.font(size)) <= column_w)
    };
    let size = [19.0, 17.0, 15.0]
        .into_iter()
        .find(|&size| fits(size))
        .unwrap_or(14.0);
    egui::Grid::new("cold_start_comparison")
        .num_columns(lanes.len() + 1)
        .spacing(vec2(gap, 6.0))
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for lane in lanes {
                // "Java 21 + SnapStart" on two lines keeps its column as narrow as its numbers.
                ui.label(RichText::new(lane.name.replace(" + ", "\n+ ")).strong());
            }
            ui.end_row();
            for ((name, what, _), row) in rows.iter().zip(&values) {
                ui.label(RichText::new(*name).color(theme.weak_text))
                    .hover_tip(*what);
                for value in row {
                    ui.label(RichText::new(value).font(theme.font(size)).strong());
                }
                ui.end_row();
            }
        });
}

/// A small latency histogram: log-spaced bins, warm and cold stacked, counts on a log scale.
fn histogram_ui(ui: &mut Ui, histogram: &LatencyHistogram, theme: &Theme) {
    let s = theme.text_scale;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, HISTOGRAM_H * s), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "Latency histogram"));
    let painter = ui.painter_at(rect);
    let label_h = 18.0 * s;
    let plot = Rect::from_min_max(rect.min, pos2(rect.right(), rect.bottom() - label_h));
    painter.rect_filled(plot, CornerRadius::same(2), theme.card);
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        Stroke::new(1.0, theme.weak_text),
    );
    let bins = histogram.warm.len().min(histogram.cold.len());
    let totals = || {
        histogram
            .warm
            .iter()
            .zip(&histogram.cold)
            .map(|(w, c)| (*w, *c))
    };
    let max_total = totals().map(|(w, c)| w + c).fold(0.0, f64::max);
    let bar_w = plot.width() / bins.max(1) as f32;
    let log_max = (1.0 + max_total).ln().max(f64::MIN_POSITIVE);
    let mut mesh = egui::Mesh::default();
    for (i, (warm, cold)) in totals().enumerate() {
        let total = warm + cold;
        if total <= 0.0 {
            continue;
        }
        // Counts span orders of magnitude (thousands warm, a handful cold): a log scale keeps
        // the rare cold requests visible.
        let h = ((1.0 + total).ln() / log_max) as f32 * (plot.height() - 4.0);
        let h = h.max(2.0);
        let cold_h = h * (cold / total) as f32;
        let x0 = plot.left() + i as f32 * bar_w + 0.5;
        let x1 = x0 + bar_w - 1.0;
        let warm_rect = Rect::from_min_max(
            pos2(x0, plot.bottom() - h + cold_h),
            pos2(x1, plot.bottom()),
        );
        let cold_rect = Rect::from_min_max(
            pos2(x0, plot.bottom() - h),
            pos2(x1, plot.bottom() - h + cold_h),
        );
        mesh.add_colored_rect(warm_rect, handler_color(theme));
        mesh.add_colored_rect(cold_rect, cold_color(theme));
    }
    painter.add(mesh);
    let edges = &histogram.edges_ms;
    let last = edges.len().saturating_sub(1);
    for (index, align) in [
        (0, Align2::LEFT_TOP),
        (last / 2, Align2::CENTER_TOP),
        (last, Align2::RIGHT_TOP),
    ] {
        if let Some(&edge) = edges.get(index) {
            let x = plot.left() + index as f32 * bar_w;
            painter.text(
                pos2(x, plot.bottom() + 2.0),
                align,
                fmt_ms(edge),
                theme.font(12.0),
                theme.weak_text,
            );
        }
    }
    let hovered_bin = response
        .hover_pos()
        .map(|p| ((p.x - plot.left()) / bar_w).floor().max(0.0) as usize);
    response.on_hover_ui_at_pointer(|ui| {
        if let Some(bin) = hovered_bin {
            histogram_bin_ui(ui, histogram, bin);
        }
    });
    histogram_legend_ui(ui, theme);
}

/// The tooltip of one histogram bin.
fn histogram_bin_ui(ui: &mut Ui, histogram: &LatencyHistogram, bin: usize) {
    let edges = &histogram.edges_ms;
    if let (Some(lo), Some(hi), Some(w), Some(c)) = (
        edges.get(bin),
        edges.get(bin + 1),
        histogram.warm.get(bin),
        histogram.cold.get(bin),
    ) {
        ui.label(format!(
            "{} to {}: {} warm, {} cold requests",
            fmt_ms(*lo),
            fmt_ms(*hi),
            group(*w, 0),
            group(*c, 0)
        ));
    }
}

/// The legend under a histogram.
fn histogram_legend_ui(ui: &mut Ui, theme: &Theme) {
    ui.horizontal_wrapped(|ui| {
        legend_item(
            ui,
            Mark::Fill(handler_color(theme)),
            "warm",
            "Requests served by an environment that was already initialised",
            theme,
        );
        legend_item(
            ui,
            Mark::Fill(cold_color(theme)),
            "cold",
            "Requests that waited for a new environment's init",
            theme,
        );
        ui.label(RichText::new("log scales").color(theme.weak_text))
            .hover_tip(
                "Bins are log-spaced from the fastest warm to the slowest cold request; bar \
                 heights grow with the logarithm of the count, so a handful of cold requests \
                 stays visible next to thousands of warm ones",
            );
    });
}

/// A duration in ms: "8,887 ms", "2.5 ms".
fn fmt_ms(ms: f64) -> String {
    if ms.abs() < 10.0 {
        format!("{} ms", group(ms, 1))
    } else {
        format!("{} ms", group(ms, 0))
    }
}

/// A latency for a small label: "375 ms" or "9.0 s".
fn fmt_latency_short(ms: f64) -> String {
    if ms < 1000.0 {
        format!("{} ms", group(ms, 0))
    } else {
        format!("{} s", group(ms / 1000.0, 1))
    }
}

/// A time or length in seconds with sensible precision: "4,200 s", "60.7 s", "0.26 s".
fn fmt_s(seconds: f64) -> String {
    let decimals = if seconds == 0.0 || seconds.abs() >= 100.0 {
        0
    } else if seconds.abs() >= 10.0 {
        1
    } else {
        2
    };
    format!("{} s", group(seconds, decimals))
}

/// A moment on the timeline, to the millisecond: "1,244.903 s".
fn fmt_time(seconds: f64) -> String {
    format!("{} s", group(seconds, 3))
}

/// An axis tick on a clock from the scenario's start, with `decimals` decimals of a second:
/// "12:31:59.5".
fn fmt_clock_tick(seconds: f64, decimals: usize) -> String {
    let scale = 10_f64.powi(decimals.min(3) as i32);
    let tenths = (seconds.max(0.0) * scale).round();
    let whole = (tenths / scale).floor();
    let clock = clock(whole);
    if decimals == 0 {
        clock
    } else {
        let fraction = (tenths - whole * scale) as u64;
        format!("{clock}.{fraction:0width$}", width = decimals.min(3))
    }
}

/// A duration: ms below a second, seconds below an hour's worth of minutes, then minutes.
fn fmt_duration(seconds: f64) -> String {
    if seconds < 1.0 {
        fmt_ms(seconds * 1000.0)
    } else if seconds < 120.0 {
        fmt_s(seconds)
    } else if seconds >= 3.0 * 3600.0 {
        let hours = seconds / 3600.0;
        format!("{} h", group(hours, usize::from(hours < 10.0)))
    } else {
        let minutes = seconds / 60.0;
        format!("{} min", group(minutes, usize::from(minutes < 10.0)))
    }
}

/// A ratio: "60×", "4.1×".
fn fmt_times(ratio: f64) -> String {
    format!("{}×", group(ratio, usize::from(ratio < 10.0)))
}

/// A rate in requests per second: "30", "0.1".
fn fmt_rate(rps: f64) -> String {
    if rps >= 100.0 {
        group(rps, 0)
    } else if rps >= 1.0 {
        group(rps, 1)
    } else {
        group(rps, 3)
    }
}

/// A share as a percentage with two significant digits: "2.3%", "0.048%".
fn fmt_percent(share: f64) -> String {
    let percent = share * 100.0;
    if percent <= 0.0 {
        "0%".to_owned()
    } else if percent < 0.001 {
        "< 0.001%".to_owned()
    } else {
        let decimals = (1.0 - percent.log10().floor()).clamp(0.0, 4.0) as usize;
        format!("{}%", group(percent, decimals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded() {
        assert_eq!(group(1_234_567.0, 0), "1,234,567");
        assert_eq!(group(999.96, 1), "1,000.0");
        assert_eq!(group(12.0, 0), "12");
        assert_eq!(group(-1234.5, 1), "−1,234.5");
        assert_eq!(fmt_ms(8886.5), "8,887 ms");
        assert_eq!(fmt_ms(2.5), "2.5 ms");
        assert_eq!(fmt_latency_short(9036.0), "9.0 s");
        assert_eq!(fmt_latency_short(375.0), "375 ms");
    }

    #[test]
    fn clock_ticks_read_as_hours_minutes_seconds() {
        assert_eq!(fmt_clock_tick(45_119.5, 1), "12:31:59.5");
        assert_eq!(fmt_clock_tick(45_120.0, 1), "12:32:00.0");
        assert_eq!(fmt_clock_tick(3_600.25, 2), "1:00:00.25");
        assert_eq!(fmt_clock_tick(59.0, 0), "0:59");
        assert_eq!(fmt_clock_tick(59.96, 1), "1:00.0");
    }

    #[test]
    fn percentages_keep_two_significant_digits() {
        assert_eq!(fmt_percent(0.023), "2.3%");
        assert_eq!(fmt_percent(0.000_48), "0.048%");
        assert_eq!(fmt_percent(0.37), "37%");
        assert_eq!(fmt_percent(1.0), "100%");
        assert_eq!(fmt_percent(0.0), "0%");
        assert_eq!(fmt_percent(1e-9), "< 0.001%");
    }

    #[test]
    fn zoom_stays_inside_the_window() {
        let fit = (0.0, 100.0);
        let mut view = ColdStartView::default();
        view.zoom_by(2.0, fit, None);
        assert_eq!(view.visible_range(fit), (25.0, 75.0));
        view.zoom_by(2.0, fit, Some(75.0));
        assert_eq!(view.visible_range(fit), (50.0, 75.0));
        view.pan_by(1000.0, fit);
        assert_eq!(view.visible_range(fit), (75.0, 100.0));
        for _ in 0..100 {
            view.zoom_by(2.0, fit, None);
        }
        let (a, b) = view.visible_range(fit);
        assert!((b - a - MIN_SPAN_S).abs() < 1e-9);
        for _ in 0..100 {
            view.zoom_by(0.5, fit, None);
        }
        assert_eq!(view.zoom, None);
        assert_eq!(clamp_range((-50.0, 10.0), fit), (0.0, 60.0));
    }

    #[test]
    fn axis_maps_time_both_ways() {
        let axis = TimeAxis {
            start_s: 100.0,
            end_s: 200.0,
            left: 50.0,
            right: 550.0,
        };
        assert_eq!(axis.x_from_secs(150.0), 300.0);
        assert!((axis.secs_from_x(300.0) - 150.0).abs() < 1e-9);
        assert!(axis.x_from_secs(1e12).is_finite());
    }
}
