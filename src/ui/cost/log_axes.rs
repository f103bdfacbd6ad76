//! The chart's log-10 axes: [`LogAxes`], the one place costs and volumes map to plot
//! coordinates, with the floor under a cent, and the decade grid and tick labels.

use egui_plot::{GridInput, GridMark, PlotBounds, PlotPoint};

use crate::model::cost::{
    CURVE_MAX_REQUESTS, CURVE_MIN_REQUESTS, CostCurves, format_requests, format_usd,
};
use crate::model::scenario::HostingModel;

/// Costs below this are drawn on the chart's floor: a log axis cannot reach $0.
const FLOOR_USD: f64 = 0.01;

/// Maps costs and volumes to the chart's log-10 coordinates, in one place.
#[derive(Clone, Copy, Debug)]
pub(super) struct LogAxes {
    /// Lowest decade of cost shown (log10 of dollars).
    pub(super) y_min: f64,
    /// Highest decade of cost shown.
    y_max: f64,
    /// Empty room right of the curves for their labels, in decades of volume.
    gutter: f64,
    /// Whether some cost is under [`FLOOR_USD`] and drawn on the floor.
    floored: bool,
}

impl LogAxes {
    /// The axes for `curves`, leaving `gutter_px` of a `plot_px`-wide plot free on the right.
    pub(super) fn of(curves: &CostCurves, plot_px: f32, gutter_px: f32) -> Self {
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

    pub(super) fn x(requests: f64) -> f64 {
        requests
            .clamp(CURVE_MIN_REQUESTS, CURVE_MAX_REQUESTS)
            .log10()
    }

    fn y(self, usd: f64) -> f64 {
        usd.max(FLOOR_USD).log10().max(self.y_min)
    }

    /// The tick label of a decade of cost: the floor reads "≤ $0.01" when costs lie on it.
    pub(super) fn cost_tick(self, y: f64) -> String {
        if self.floored && (y - self.y_min).abs() < 1e-9 {
            format!("≤ {}", format_usd(FLOOR_USD))
        } else {
            money_tick(10f64.powf(y))
        }
    }

    pub(super) fn point(self, requests: f64, usd: f64) -> PlotPoint {
        PlotPoint::new(Self::x(requests), self.y(usd))
    }

    pub(super) fn requests_at(x: f64) -> f64 {
        10f64.powf(x)
    }

    pub(super) fn bounds(self) -> PlotBounds {
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
pub(super) fn log_grid(input: &GridInput) -> Vec<GridMark> {
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
pub(super) fn volume_grid(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    log_grid(&GridInput {
        bounds: (low, high.min(CURVE_MAX_REQUESTS.log10())),
        base_step_size: input.base_step_size,
    })
}

/// Whether a grid mark is a whole decade (the only marks that get a tick label).
pub(super) fn is_decade(mark: GridMark) -> bool {
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
