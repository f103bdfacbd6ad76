//! View 4, "Cost": the monthly cost of the four hosting models against requests per month on log
//! axes, the break-even points between serverless and the others in plain words, the four totals
//! at the scenario's own volume, and one model's bill line by line.
//!
//! This file is the table of contents: it defines nothing, so every file below may use its
//! siblings without a circle through here.

mod bill;
mod break_even;
mod cards;
mod chart;
mod log_axes;
mod memory_sweep;
mod purchase;
mod readout;
mod view;

pub use chart::{CHART_NAME, scenario_marker_name};
pub use view::CostView;

/// What a slide of the cost view may leave out, in the order it does ([`crate::ui::slide`]):
/// the chart, its readout and the four totals always stay.
pub const SLIDE_SECTIONS: [&str; 4] = [
    "assumptions",
    "bill lines",
    "memory sweep",
    "break-even points",
];
