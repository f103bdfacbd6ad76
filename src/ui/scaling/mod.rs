//! View 2, "Scaling": one traffic timeline played through all four hosting models at once. The run
//! is precomputed when the scenario changes (`derived.scaling`); this view only moves a playhead
//! over it. Four lanes show each model's units, the requests flowing in and the ones shed, idle
//! capacity and money spent; a chart below shows demand against every model's capacity over the
//! whole timeline; a summary says what happened in plain words.
//!
//! - `view`: `ScalingView`: the view's state, its transport controls and playhead, its frame.
//! - `figures`: the run's figures and sentences, computed once per scenario, and what frames reuse.
//! - `lanes`: the four lanes and what each paints.
//! - `dots`: the requests flowing into each lane.
//! - `units`: the unit squares.
//! - `legend`: the legends of the lanes and of the chart.
//! - `chart`: demand against capacity over the whole timeline.
//! - `waiting`: the work waiting under a queue, stream or asynchronous trigger.
//! - `summary`: the table, the sentences and the assumptions under the chart.
//! - `format`: times, counts, money, shares and units' names as the view writes them.

mod chart;
mod dots;
mod figures;
mod format;
mod lanes;
mod legend;
mod summary;
mod units;
mod view;
mod waiting;

pub use view::ScalingView;

/// What a slide of the scaling view may leave out, in the order it does
/// ([`crate::ui::slide`]): lanes, chart and its legend always stay.
/// Under a queue, stream or asynchronous trigger the chart of work waiting stays too: it is the
/// point such a slide makes.
pub const SLIDE_SECTIONS: [&str; 3] = ["assumptions", "summary sentences", "summary table"];
