//! View 3, "Cold starts": a timeline whose rows are execution environments and whose bars are
//! their init phases and handler runs, the figures that sum the scenario up (cold share, latency
//! percentiles, billed INIT), the phases of one cold start, and an optional second runtime drawn
//! below for comparison. The view only draws: `derived.cold_start`, and `derived.comparison`,
//! which the app asks the results worker for whenever the compared runtime changes.
//!
//! This file is the table of contents: it defines nothing, so every file below may use its
//! siblings without a circle through here.

mod controls;
mod figures;
mod format;
mod histogram;
mod lane;
mod legend;
mod marks;
mod phases_bar;
mod timeline;
mod trigger;
mod view;

pub use view::ColdStartView;

/// What a slide of the cold-start view may leave out, in the order it does
/// ([`crate::ui::slide`]): the breakdown, the timeline and the big numbers always stay.
pub const SLIDE_SECTIONS: [&str; 3] = [
    "assumptions",
    "how the figures were computed",
    "latency histograms",
];
