//! The chart of demand against every model's capacity over the whole timeline: axes, lines,
//! the dropped band, the playhead, and its tooltip.

use egui::{
    Align2, Color32, CornerRadius, FontId, Mesh, Pos2, Rect, RichText, Role, Sense, Shape, Stroke,
    Vec2, WidgetInfo, pos2, vec2,
};

use crate::model::format::{clock, nice_step};
use crate::model::scaling::{Sample, ScalingRun};
use crate::model::scenario::HostingModel;
use crate::ui::theme::Theme;

use super::figures::{ChartKey, ViewCache};
use super::format::{group, line_h};

/// Maps the timeline and request rates to the chart's plot rect: the one place model space
/// becomes screen space.
#[derive(Clone, Copy, Debug)]
pub(super) struct ChartMap {
    pub(super) plot: Rect,
    pub(super) t0_s: f64,
    pub(super) t1_s: f64,
    /// Top of the y axis (requests per second, or work waiting in the waiting chart).
    pub(super) max_rps: f64,
    /// Round step between the horizontal grid lines, requests per second.
    pub(super) y_step: f64,
}

impl ChartMap {
    pub(super) fn x_from_secs(&self, t_s: f64) -> f32 {
        let span = (self.t1_s - self.t0_s).max(f64::MIN_POSITIVE);
        self.plot.left() + ((t_s - self.t0_s) / span) as f32 * self.plot.width()
    }

    pub(super) fn secs_from_x(&self, x: f32) -> f64 {
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
pub(super) struct ChartInput<'a> {
    pub(super) run: &'a ScalingRun,
    pub(super) t_s: f64,
    /// The model whose lane the pointer is over: its dropped area alone, its line thicker.
    pub(super) focus: Option<HostingModel>,
    pub(super) height: f32,
}

/// The chart: every model's capacity and the demand over the whole timeline, dropped areas and
/// the playhead. Returns a new playhead time when the chart is clicked or dragged.
pub(super) fn chart_ui(
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
    let frame = chart_frame(
        ui,
        height,
        "Demand and capacity over time; click or drag to move the playhead",
        theme,
    );
    let (painter, plot, small) = (&frame.painter, frame.plot, &frame.small);
    // About four steps up to the highest rate, fewer on a short chart.
    let map = timeline_map(run, plot, small, cache.stats.max_rps, 4.0);

    paint_axes(painter, theme, &map, small);
    let key = ChartKey {
        version: cache.version,
        plot,
        theme: theme.kind,
        focus,
    };
    if cache.chart_key != Some(key) {
        let ceiling_rps_per_env = cache.stats.lambda_unit_rps;
        cache.chart_shapes = series_shapes(run, theme, &map, focus, ceiling_rps_per_env);
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

    let (scrubbed, hover_t) = pointer_times(&frame, &map, theme);
    if let Some(hover_t) = hover_t {
        frame
            .response
            .on_hover_ui_at_pointer(|ui| chart_tooltip(ui, run, theme, hover_t));
    }
    scrubbed
}

/// A chart of the timeline as the view draws it: a card that a click or drag on moves the
/// playhead, and the plot inside it with room for the labels of both axes.
pub(super) struct ChartFrame {
    pub(super) response: egui::Response,
    pub(super) painter: egui::Painter,
    pub(super) plot: Rect,
    /// The axes' labels' font.
    pub(super) small: FontId,
}

/// Allocates a chart `height` points high across the view, named `name` for screen readers,
/// and paints its card.
pub(super) fn chart_frame(ui: &mut egui::Ui, height: f32, name: &str, theme: &Theme) -> ChartFrame {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, name));
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
    ChartFrame {
        response,
        painter,
        plot,
        small,
    }
}

/// The run's whole timeline across `plot`, and 0 up to a round value above `max` in about
/// `most_steps` round steps (fewer on a short plot).
pub(super) fn timeline_map(
    run: &ScalingRun,
    plot: Rect,
    small: &FontId,
    max: f64,
    most_steps: f64,
) -> ChartMap {
    let y_step = nice_step(max * 1.02 / y_steps(plot.height(), small, most_steps));
    ChartMap {
        plot,
        t0_s: run.start_s,
        t1_s: run.end_s.max(run.start_s + 1.0),
        max_rps: (max * 1.02 / y_step).ceil() * y_step,
        y_step,
    }
}

/// Where a click or drag on the chart moves the playhead, and the time under the pointer (its
/// line drawn) for a tooltip.
pub(super) fn pointer_times(
    frame: &ChartFrame,
    map: &ChartMap,
    theme: &Theme,
) -> (Option<f64>, Option<f64>) {
    let (response, plot) = (&frame.response, frame.plot);
    let scrubbed = response
        .interact_pointer_pos()
        .filter(|_| {
            response.is_pointer_button_down_on() || response.clicked() || response.dragged()
        })
        .map(|pointer| map.secs_from_x(pointer.x));
    let hover_t = response
        .hover_pos()
        .filter(|hover| plot.x_range().contains(hover.x) && !response.dragged())
        .map(|hover| {
            frame.painter.line_segment(
                [pos2(hover.x, plot.top()), pos2(hover.x, plot.bottom())],
                Stroke::new(1.0, theme.weak_text),
            );
            map.secs_from_x(hover.x)
        });
    (scrubbed, hover_t)
}

/// How many grid steps a plot `height` points high has room for, at most `most`: its labels
/// (in `font`) stay at least one and a half lines apart.
pub(super) fn y_steps(height: f32, font: &FontId, most: f64) -> f64 {
    f64::from(height / (line_h(font) * 1.5))
        .floor()
        .clamp(1.0, most)
}

/// Horizontal lines at round request rates and vertical ones at round times, labelled.
pub(super) fn paint_axes(painter: &egui::Painter, theme: &Theme, map: &ChartMap, small: &FontId) {
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
        // The lowest label stays above the plot's bottom edge, clear of the time labels under it.
        label(&group(rps), &|size| {
            (
                pos2(plot.left() - 6.0, y.min(plot.bottom() - size.y / 2.0)),
                Align2::RIGHT_CENTER,
            )
        });
    }
    let label_w = |step: f64| {
        painter
            .layout_no_wrap(time_label(map.t1_s, step), small.clone(), theme.weak_text)
            .size()
            .x
    };
    let t_step = time_step(map.t1_s - map.t0_s, plot.width(), label_w);
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
        label(&time_label(t, t_step), &|size| {
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
    ceiling_rps_per_env: f64,
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
    // The trigger's ceiling on Lambda (a stream's shards, a queue's mapping), dashed.
    let lambda = &run.model(HostingModel::Lambda).samples;
    if lambda.iter().any(|x| x.trigger_ceiling.is_some()) {
        let ceiling = polyline(lambda, map, |x| {
            x.trigger_ceiling.unwrap_or(0.0) * ceiling_rps_per_env
        });
        shapes.extend(Shape::dashed_line(
            &ceiling,
            Stroke::new(theme.line_width, theme.model(HostingModel::Lambda)),
            10.0,
            6.0,
        ));
    }
    let demand = polyline(lambda, map, |x| x.demand_rps);
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
            } else if x.backlog >= 0.5 {
                format!(
                    ", {} waiting (the oldest for {})",
                    group(x.backlog),
                    super::format::duration(x.oldest_wait_s)
                )
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
pub(super) fn polyline(
    samples: &[Sample],
    map: &ChartMap,
    value: impl Fn(&Sample) -> f64,
) -> Vec<Pos2> {
    let mut points = Path::default();
    // The column being gathered: its index, x, and its first, lowest, highest and last y.
    let mut column: Option<(i64, f32, [f32; 4])> = None;
    let flush = |points: &mut Path, (_, x, [first, low, high, last]): (i64, f32, [f32; 4])| {
        points.push(pos2(x, first));
        if high - low > 0.5 {
            let extreme = if (first - low).abs() < (first - high).abs() {
                high
            } else {
                low
            };
            points.push(pos2(x, extreme));
        }
        points.push(pos2(x, last));
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
    points.points
}

/// How far a merged point may lie from the straight segment that replaces it, points.
const MERGE_TOLERANCE: f32 = 0.25;

/// The slopes a straight segment from its first point may take so that every point merged into
/// it stays within [`MERGE_TOLERANCE`] of it. Each merged point narrows the range, so a long
/// flat stretch followed by a slow rise never drifts into one slanted line.
#[derive(Clone, Copy, Debug)]
struct Sleeve {
    low: f32,
    high: f32,
}

impl Sleeve {
    /// The sleeve of a segment from `a` to `b`; `None` for a vertical one, which never merges.
    fn new(a: Pos2, b: Pos2) -> Option<Self> {
        let dx = b.x - a.x;
        (dx > 0.0).then(|| Self {
            low: (b.y - MERGE_TOLERANCE - a.y) / dx,
            high: (b.y + MERGE_TOLERANCE - a.y) / dx,
        })
    }

    /// Whether the segment from `a` may be extended to `p` with every merged point (and `p`)
    /// within the tolerance; narrows the sleeve when it may.
    fn admit(&mut self, a: Pos2, p: Pos2) -> bool {
        let dx = p.x - a.x;
        if dx <= 0.0 {
            return false;
        }
        let slope = (p.y - a.y) / dx;
        if slope < self.low || slope > self.high {
            return false;
        }
        self.low = self.low.max((p.y - MERGE_TOLERANCE - a.y) / dx);
        self.high = self.high.min((p.y + MERGE_TOLERANCE - a.y) / dx);
        true
    }
}

/// A polyline being built left to right, straight stretches merged into one segment.
#[derive(Default)]
struct Path {
    points: Vec<Pos2>,
    /// The sleeve of the last segment.
    sleeve: Option<Sleeve>,
}

impl Path {
    /// Appends a point, or moves the last one there when the last segment extends to it.
    fn push(&mut self, p: Pos2) {
        if self.points.last() == Some(&p) {
            return;
        }
        let n = self.points.len();
        if let (Some(sleeve), Some(&a)) = (&mut self.sleeve, self.points.get(n.wrapping_sub(2)))
            && sleeve.admit(a, p)
            && let Some(last) = self.points.last_mut()
        {
            *last = p;
            return;
        }
        self.sleeve = self.points.last().and_then(|&b| Sleeve::new(b, p));
        self.points.push(p);
    }
}

/// The dropped requests of one model as a filled band between the served and the offered rate,
/// straight stretches merged into one quad.
fn dropped_mesh(samples: &[Sample], map: &ChartMap, color: Color32) -> Mesh {
    // Edge pairs (offered on top, served below) along the band; a pair whose two edges both
    // continue the previous segments in a straight line replaces the previous pair.
    let mut edges: Vec<[Pos2; 2]> = Vec::new();
    // The sleeves of the last segment's two edges.
    let mut sleeves: Option<[Sleeve; 2]> = None;
    for sample in samples {
        let x = map.x_from_secs(sample.t_s);
        let pair = [
            pos2(x, map.y_from_rps(sample.served_rps + sample.dropped_rps)),
            pos2(x, map.y_from_rps(sample.served_rps)),
        ];
        let n = edges.len();
        if let (Some([top, bottom]), Some(a)) = (&mut sleeves, edges.get(n.wrapping_sub(2))) {
            // Both edges must extend; the sleeves are only narrowed when they both do.
            let (mut t, mut b) = (*top, *bottom);
            if t.admit(a[0], pair[0])
                && b.admit(a[1], pair[1])
                && let Some(last) = edges.last_mut()
            {
                *last = pair;
                (*top, *bottom) = (t, b);
                continue;
            }
        }
        sleeves = edges.last().and_then(|last| {
            Some([
                Sleeve::new(last[0], pair[0])?,
                Sleeve::new(last[1], pair[1])?,
            ])
        });
        edges.push(pair);
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

/// A round time step for the axis: labels at least ~90 points apart, and far enough apart that
/// two never touch, even the last one moved left to stay on the chart (`label_w` measures the
/// widest label of a step).
fn time_step(span_s: f64, width: f32, label_w: impl Fn(f64) -> f32) -> f64 {
    const STEPS: [f64; 19] = [
        1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0,
        21_600.0, 43_200.0, 86_400.0, 172_800.0, 345_600.0,
    ];
    STEPS
        .into_iter()
        .find(|&step| {
            let apart = (1.5 * label_w(step) + 16.0).max(90.0);
            span_s / step <= (f64::from(width) / f64::from(apart)).max(1.0)
        })
        .unwrap_or(604_800.0)
}

/// A time axis label: a clock from the start, or whole days on an axis of day steps.
fn time_label(t_s: f64, step_s: f64) -> String {
    if step_s >= 86_400.0 {
        format!("{} d", (t_s / 86_400.0).round())
    } else {
        clock(t_s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// A long flat stretch and then a slow rise: every sample stays within the tolerance of the
    /// line drawn (a greedy merge used to slant the whole flat stretch towards the rise).
    #[test]
    fn merged_lines_stay_on_every_sample() {
        let samples: Vec<Sample> = (0..=1200)
            .map(|i| {
                let t_s = f64::from(i) * 0.5;
                let backlog = if t_s < 400.0 {
                    0.0
                } else {
                    (t_s - 400.0) * 4.0
                };
                Sample {
                    t_s,
                    backlog,
                    ..Sample::default()
                }
            })
            .collect();
        let map = ChartMap {
            max_rps: 1_000.0,
            ..step_map()
        };
        let line = polyline(&samples, &map, |x| x.backlog);
        assert!(line.len() < samples.len() / 4, "{} points", line.len());
        for sample in &samples {
            let at = map.pos(sample.t_s, sample.backlog);
            let next = line
                .partition_point(|q| q.x < at.x)
                .clamp(1, line.len() - 1);
            let (from, to) = (line[next - 1], line[next]);
            let drawn = if to.x > from.x {
                from.y + (to.y - from.y) * (at.x - from.x) / (to.x - from.x)
            } else {
                to.y
            };
            assert!(
                (drawn - at.y).abs() <= 1.0,
                "at {} s: line {drawn}, sample {}",
                sample.t_s,
                at.y
            );
        }
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(time_step(600.0, 900.0, |_| 40.0), 60.0);
        assert_eq!(time_step(86_400.0, 1_400.0, |_| 40.0), 7_200.0);
        // Wide labels (a week's "156:00:00" in large type) are spaced wider.
        assert_eq!(time_step(604_800.0, 1_400.0, |_| 80.0), 86_400.0);
    }
}
