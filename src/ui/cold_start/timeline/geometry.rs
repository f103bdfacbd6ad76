//! Where the timeline is on screen: the sizes it is laid out with, [`TimeAxis`] (the one place
//! model time maps to screen x), [`LaneGeometry`] (the one place a row maps to screen y), and
//! [`Geometry`], the whole canvas as the last frame drew it.

use std::ops::Range;

use egui::{Pos2, Rect, pos2};

/// Row height of the timeline when many environments share it, points before the text scale.
pub(super) const MIN_ROW_H: f32 = 20.0;
/// Row height when few environments leave room, points before the text scale.
pub(super) const MAX_ROW_H: f32 = 44.0;
/// Width of the row-label column, points before the text scale.
pub(super) const LABEL_W: f32 = 84.0;
/// Height of the traffic strip above the rows, points before the text scale.
pub(super) const STRIP_H: f32 = 52.0;
/// Height of the time axis under the rows, points before the text scale.
pub(super) const AXIS_H: f32 = 30.0;
/// Height of a lane's title when two runtimes are compared, points before the text scale.
pub(super) const LANE_TITLE_H: f32 = 24.0;
/// Gap between two compared lanes, points.
pub(super) const LANE_GAP: f32 = 10.0;
/// Width kept free right of the rows for the scroll indicator, points.
pub(super) const SCROLLBAR_W: f32 = 10.0;

/// The one place model time maps to screen x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct TimeAxis {
    pub(super) start_s: f64,
    pub(super) end_s: f64,
    pub(super) left: f32,
    pub(super) right: f32,
}

impl TimeAxis {
    pub(super) fn x_from_secs(&self, t_s: f64) -> f32 {
        let span_s = (self.end_s - self.start_s).max(f64::MIN_POSITIVE);
        let x = f64::from(self.left)
            + (t_s - self.start_s) / span_s * f64::from(self.right - self.left);
        // Far-away times are clamped just outside the plot, so rects stay finite and are clipped.
        x.clamp(f64::from(self.left) - 1e4, f64::from(self.right) + 1e4) as f32
    }

    pub(super) fn secs_from_x(&self, x: f32) -> f64 {
        self.start_s + f64::from(x - self.left) * self.secs_per_point()
    }

    pub(super) fn secs_per_point(&self) -> f64 {
        (self.end_s - self.start_s) / f64::from((self.right - self.left).max(1.0))
    }
}

/// Where one lane's rows are on screen: the one place a row index maps to screen y.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LaneGeometry {
    /// The lane's title band (zero height when only one lane is shown).
    pub(super) title: Rect,
    /// The row-label column beside the rows.
    pub(super) labels: Rect,
    /// The plot area of the rows.
    pub(super) rows: Rect,
    pub(super) row_h: f32,
    /// Vertical scroll, points.
    pub(super) scroll: f32,
    pub(super) count: usize,
}

impl LaneGeometry {
    pub(super) fn row_top(&self, row: usize) -> f32 {
        self.rows.top() + row as f32 * self.row_h - self.scroll
    }

    pub(super) fn row_at(&self, y: f32) -> Option<usize> {
        if y < self.rows.top() || y > self.rows.bottom() {
            return None;
        }
        let row = ((y - self.rows.top() + self.scroll) / self.row_h).floor();
        (row >= 0.0 && (row as usize) < self.count).then_some(row as usize)
    }

    pub(super) fn visible_rows(&self) -> Range<usize> {
        let first = (self.scroll / self.row_h).floor().max(0.0) as usize;
        let last = ((self.scroll + self.rows.height()) / self.row_h)
            .ceil()
            .max(0.0) as usize;
        first.min(self.count)..last.min(self.count)
    }

    /// Whether a text of `height` centred on `center_y` lies wholly inside the rows: a row
    /// scrolled half out of view keeps its bars but not its texts, which would be cut.
    pub(super) fn holds_text(&self, center_y: f32, height: f32) -> bool {
        center_y - height / 2.0 >= self.rows.top() - 0.5
            && center_y + height / 2.0 <= self.rows.bottom() + 0.5
    }

    pub(super) fn max_scroll(&self) -> f32 {
        (self.count as f32 * self.row_h - self.rows.height()).max(0.0)
    }

    /// The bar area of a row, between `x0` and `x1`.
    pub(super) fn bar(&self, row: usize, x0: f32, x1: f32) -> Rect {
        let top = self.row_top(row);
        let pad = (self.row_h * 0.16).max(2.0);
        Rect::from_min_max(pos2(x0, top + pad), pos2(x1, top + self.row_h - pad))
    }
}

/// The timeline as the last frame drew it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Geometry {
    pub(super) axis: TimeAxis,
    pub(super) strip: Rect,
    pub(super) lanes: [Option<LaneGeometry>; 2],
}

/// The lane whose rows contain `pos`.
pub(super) fn lane_at(geometry: &Geometry, pos: Pos2) -> Option<usize> {
    geometry
        .lanes
        .iter()
        .position(|lane| lane.is_some_and(|l| l.rows.union(l.labels).union(l.title).contains(pos)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
