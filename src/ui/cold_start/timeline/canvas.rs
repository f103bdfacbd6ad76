//! The timeline canvas and its navigation: [`Timeline`] holds the zoom, the row scroll and
//! where the last frame drew everything; it lays the canvas out, turns drags, wheels and pinches
//! into zoom, pan and scroll, draws the strip, lanes and axis, and shows what the pointer is over.

use egui::{CornerRadius, Pos2, Rect, Response, RichText, Role, Sense, Ui, Vec2, WidgetInfo, pos2};

use super::axis::draw_axis;
use super::geometry::{
    AXIS_H, Geometry, LABEL_W, LANE_GAP, LANE_TITLE_H, LaneGeometry, MAX_ROW_H, MIN_ROW_H,
    SCROLLBAR_W, STRIP_H, TimeAxis, lane_at,
};
use super::hover::{highlight, hit_test, hit_ui};
use super::rows::draw_lane;
use super::traffic_strip::draw_traffic;
use crate::model::traffic::Traffic;
use crate::ui::cold_start::format::{fmt_clock_tick, fmt_s};
use crate::ui::cold_start::lane::Lane;
use crate::ui::theme::Theme;

/// The narrowest visible time span, seconds.
const MIN_SPAN_S: f64 = 0.01;
/// How much one press of "Zoom in" or "Zoom out" changes the visible span.
const ZOOM_STEP: f64 = 2.0;

/// Navigation state of the timeline, never persisted.
#[derive(Clone, Debug, Default)]
pub(crate) struct Timeline {
    /// The visible time range in seconds; `None` fits the whole timeline window.
    zoom: Option<(f64, f64)>,
    /// Vertical scroll of each lane's rows, points.
    scroll: [f32; 2],
    /// Where the last frame drew the timeline, for hovering and for tests.
    last: Option<Geometry>,
}

impl Timeline {
    /// The visible time range as last drawn, in seconds.
    pub(crate) fn visible_range_s(&self) -> Option<(f64, f64)> {
        self.last.map(|g| (g.axis.start_s, g.axis.end_s))
    }

    /// Where the last frame drew time `t_s` on row `env` of lane `lane`, if on screen.
    pub(crate) fn screen_pos(&self, lane: usize, env: usize, t_s: f64) -> Option<Pos2> {
        let geometry = self.last?;
        let lane = (*geometry.lanes.get(lane)?)?;
        let y = lane.row_top(env) + lane.row_h / 2.0;
        let x = geometry.axis.x_from_secs(t_s);
        let pos = pos2(x, y);
        lane.rows.contains(pos).then_some(pos)
    }

    /// Zoom buttons (not on a slide) and what the timeline shows.
    pub(crate) fn zoom_row_ui(
        &mut self,
        ui: &mut Ui,
        fit: (f64, f64),
        theme: &Theme,
        show_controls: bool,
    ) {
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
            .on_hover_text("Show half the time span (or Ctrl+scroll over the timeline)")
            .clicked()
        {
            self.zoom_by(ZOOM_STEP, fit, None);
        }
        if ui
            .button("Zoom out")
            .on_hover_text("Show twice the time span")
            .clicked()
        {
            self.zoom_by(1.0 / ZOOM_STEP, fit, None);
        }
        if ui
            .button("Fit")
            .on_hover_text("Show the whole timeline window (or double-click the timeline)")
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
    pub(crate) fn timeline_ui(
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

/// The union of the lanes' timeline windows, never empty.
pub(crate) fn fit_range(lanes: &[Lane<'_>]) -> (f64, f64) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_stays_inside_the_window() {
        let fit = (0.0, 100.0);
        let mut timeline = Timeline::default();
        timeline.zoom_by(2.0, fit, None);
        assert_eq!(timeline.visible_range(fit), (25.0, 75.0));
        timeline.zoom_by(2.0, fit, Some(75.0));
        assert_eq!(timeline.visible_range(fit), (50.0, 75.0));
        timeline.pan_by(1000.0, fit);
        assert_eq!(timeline.visible_range(fit), (75.0, 100.0));
        for _ in 0..100 {
            timeline.zoom_by(2.0, fit, None);
        }
        let (a, b) = timeline.visible_range(fit);
        assert!((b - a - MIN_SPAN_S).abs() < 1e-9);
        for _ in 0..100 {
            timeline.zoom_by(0.5, fit, None);
        }
        assert_eq!(timeline.zoom, None);
        assert_eq!(clamp_range((-50.0, 10.0), fit), (0.0, 60.0));
    }
}
