//! The four lanes side by side: each model's title, numbers, request flow, unit squares and
//! counters, painted, with a tooltip on each part.

use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Rect, Role, Sense, Stroke, StrokeKind, Vec2,
    WidgetInfo, pos2, vec2,
};

use crate::model::scaling::{self, Sample, ScalingRun};
use crate::model::scenario::{HostingModel, Scenario, Trigger};
use crate::ui::theme::Theme;

use super::dots::{DotClock, paint_flow};
use super::figures::RunStats;
use super::format::{
    capitalised, duration, group, line_h, money, percent, short_number, unit_name,
};
use super::units::{MIN_SQUARE, UnitGrid, busy_environments, grid_tooltip, paint_units};

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

/// What the four lanes draw.
pub(super) struct Lanes<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) run: &'a ScalingRun,
    pub(super) stats: &'a RunStats,
    pub(super) t_s: f64,
    pub(super) dots: &'a DotClock,
}

impl Lanes<'_> {
    /// The four lanes side by side; returns the model whose lane the pointer is over.
    pub(super) fn ui(&self, ui: &mut egui::Ui, theme: &Theme, height: f32) -> Option<HostingModel> {
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
            let unit_rps = scaling::rps_per_unit(self.scenario, model).max(f64::MIN_POSITIVE);
            response.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Image,
                    true,
                    lane_label(model, sample, unit_rps, self.stats.trigger),
                )
            });
            let accessible = ui.ctx().has_accesskit_node(response.id);
            let input = LaneInput {
                model,
                sample,
                stats: self.stats,
                unit_rps,
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
fn lane_label(model: HostingModel, x: &Sample, unit_rps: f64, trigger: Trigger) -> String {
    let noun = trigger.work_noun();
    let units = if model == HostingModel::Lambda {
        let busy = busy_environments(x, unit_rps);
        format!(
            "{} environments busy, {} warm and not billed",
            group(busy),
            group((x.serving_units - busy).max(0.0))
        )
    } else {
        format!(
            "{} {} serving",
            group(x.serving_units),
            unit_name(model, true)
        )
    };
    let lost = match trigger {
        Trigger::Http => format!("{} requests dropped", group(x.cumulative_dropped)),
        _ if x.cumulative_expired >= 0.5 => format!(
            "{} {noun} expired, {} waiting",
            group(x.cumulative_expired),
            group(x.backlog)
        ),
        _ => format!(
            "{} {noun} waiting, the oldest for {}",
            group(x.backlog),
            duration(x.oldest_wait_s)
        ),
    };
    format!(
        "{} lane: capacity {} of {} {noun} per second, {units}, {} booting, {lost}, {} on this \
         timeline so far",
        model.label(),
        group(x.capacity_rps),
        group(x.demand_rps),
        group(x.booting_units),
        money(x.cumulative_cost_usd),
    )
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
        trigger: input.stats.trigger,
        tips: hovered || accessible,
    };
    let mut y = canvas.inner.top();
    y = canvas.header(y);
    y = canvas.numbers(input.sample, y);
    y = canvas.flow(input.sample, input.dots, y);
    y = canvas.units_line(input.sample, input.unit_rps, y);
    let footer_h = canvas.fonts.footer_h();
    let grid_rect = Rect::from_min_max(
        pos2(canvas.inner.left(), y),
        pos2(
            canvas.inner.right(),
            (canvas.inner.bottom() - footer_h).max(y + 10.0),
        ),
    );
    canvas.units(input, grid_rect);
    canvas.counters(input, grid_rect.bottom() + 4.0);
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
    /// What invokes the function: what traffic counts, and whether work waits.
    trigger: Trigger,
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
        // One format in every lane ("11,458 / 10,000 rps"): a narrow lane takes a smaller size
        // before it falls back to rounded numbers ("11 k / 10 k rps").
        let full = format!(
            "{} / {} rps",
            group(x.capacity_rps.min(1e12)),
            group(x.demand_rps)
        );
        let width = self.width_of(&full, &fonts.big, color);
        let font = if width <= self.inner.width() {
            fonts.big.clone()
        } else {
            // The largest size that fits, down to the medium one.
            let size = fonts.big.size * self.inner.width() / width;
            FontId::new(size.max(fonts.medium.size), fonts.big.family.clone())
        };
        let candidates: [Candidate<'_>; 2] = [&|| full.clone(), &|| {
            format!(
                "{} / {} rps",
                short_number(x.capacity_rps),
                short_number(x.demand_rps)
            )
        }];
        let rect = self.text(y, &candidates, &font, color);
        self.tip(rect, "numbers", || {
            let warm = if self.model == HostingModel::Lambda {
                " For serverless, capacity counts the warm environments AWS keeps after a burst \
                 until it reclaims them: ready to serve, but idle and not billed."
            } else {
                ""
            };
            format!(
                "Capacity: the {noun} per second {} could serve now. Demand: the {noun} per \
                 second arriving now. Red while demand is above capacity.{warm}",
                self.model.label(),
                noun = self.trigger.work_noun()
            )
        });
        let y = y + line_h(&fonts.big);
        // Lambda's capacity after a burst is warm environments, ready and not billed: said so.
        // (The list has one length for both arms; the repeats are never reached first.)
        let noun = self.trigger.work_noun();
        let caption: [Candidate<'_>; 4] = if self.model == HostingModel::Lambda {
            [
                &|| format!("capacity (its idle part not billed) / demand, {noun} per second"),
                &|| "capacity (idle: not billed) / demand".to_owned(),
                &|| "capacity / demand".to_owned(),
                &|| "capacity / demand".to_owned(),
            ]
        } else {
            [
                &|| format!("capacity / demand, {noun} per second"),
                &|| "capacity / demand".to_owned(),
                &|| "capacity / demand".to_owned(),
                &|| "capacity / demand".to_owned(),
            ]
        };
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
            let unserved = if self.trigger.keeps_work() {
                "the ones it cannot serve wait in the queue or stream, counted under the squares"
            } else {
                "the ones it cannot serve fall away in red, dropped and not queued"
            };
            format!(
                "{} arriving, left to right, at a rate proportional to demand (each dot ≈ {} at \
                 this speed). At the gate they meet {}'s capacity: {unserved}.",
                capitalised(self.trigger.work_noun()),
                group(dots.requests_per_dot),
                self.model.label()
            )
        });
        y + band_h + 4.0
    }

    /// Units serving and booting.
    fn units_line(&self, x: &Sample, unit_rps: f64, y: f32) -> f32 {
        let (serving, booting) = (x.serving_units, x.booting_units);
        if self.model == HostingModel::Lambda {
            // Environments either run a request (billed) or wait warm until reclaimed (not).
            let busy = busy_environments(x, unit_rps);
            let warm = (serving - busy).max(0.0);
            let candidates: [Candidate<'_>; 3] = [
                &|| format!("{} busy · {} warm, not billed", group(busy), group(warm)),
                &|| format!("{} busy · {} warm", group(busy), group(warm)),
                &|| format!("{} + {} warm", short_number(busy), short_number(warm)),
            ];
            self.text(y, &candidates, &self.fonts.small, self.theme.strong_text);
            return y + line_h(&self.fonts.small) + 2.0;
        }
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

    /// The requests dropped since the start.
    fn dropped_line(&self, x: &Sample, y: f32) {
        let (fonts, theme) = (&self.fonts, self.theme);
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
    }

    /// The work waiting now and its oldest item's age (and events expired, if any).
    fn waiting_line(&self, x: &Sample, y: f32) {
        let (fonts, theme) = (&self.fonts, self.theme);
        let (waiting, oldest) = (x.backlog, duration(x.oldest_wait_s));
        let noun = self.trigger.work_noun();
        let some: [Candidate<'_>; 3] = [
            &|| format!("waiting: {} {noun}, oldest {oldest}", group(waiting)),
            &|| format!("waiting: {}, oldest {oldest}", group(waiting)),
            &|| format!("waiting: {}", short_number(waiting)),
        ];
        let none: [Candidate<'_>; 1] = [&|| "waiting: none".to_owned()];
        let expired = x.cumulative_expired;
        let expired_text: [Candidate<'_>; 2] =
            [&|| format!("expired: {} {noun}", group(expired)), &|| {
                format!("expired: {}", short_number(expired))
            }];
        let (text, color): (&[Candidate<'_>], _) = if expired >= 0.5 {
            (&expired_text, theme.dropped)
        } else if waiting >= 0.5 {
            (&some, theme.strong_text)
        } else {
            (&none, theme.weak_text)
        };
        let rect = self.text(y, text, &fonts.medium, color);
        self.tip(rect, "waiting", || {
            "Work that arrived when no capacity was free waits in the queue or stream and is \
             served oldest first: nothing is dropped, it is late. Asynchronous events older than \
             6 hours expire."
        });
    }

    /// Dropped requests (or the work waiting), money spent and idle capacity.
    fn counters(&self, input: &LaneInput<'_>, y: f32) {
        let x = input.sample;
        let fonts = &self.fonts;
        let theme = self.theme;
        let mut y = y + line_h(&fonts.small);
        if self.trigger.keeps_work() {
            self.waiting_line(x, y);
        } else {
            self.dropped_line(x, y);
        }
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
            &[
                &|| format!("{cost} on this timeline"),
                &|| format!("{cost} so far"),
                &|| cost.clone(),
            ],
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
pub(super) fn fit(
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
             serve or not. This covers this timeline only; \
             the cost view bills the month's volume."
        }
        HostingModel::Vm => {
            "Money spent since the start on instances, billed per second from launch, booting \
             ones included. Load balancer and data transfer are in the cost view. This covers this timeline only; \
             the cost view bills the month's volume."
        }
        HostingModel::Containers => {
            "Money spent since the start on tasks (Fargate vCPU and memory) or nodes, billed per \
             second from launch. Load balancer and control plane are in the cost view. This covers this timeline only; \
             the cost view bills the month's volume."
        }
        HostingModel::Lambda => {
            "Money spent since the start: requests, duration, billed cold-start INIT and any \
             provisioned concurrency, with no free tier. API Gateway is in the cost view. This covers this timeline only; \
             the cost view bills the month's volume."
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::scaling::view::DEFAULT_SPEED;
    use crate::ui::test_frames::hover_for_two_seconds;
    use crate::ui::theme::ThemeKind;
    use egui::Pos2;

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
}
