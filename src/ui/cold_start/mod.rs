//! View 3, "Cold starts": a timeline whose rows are execution environments and whose bars are
//! their init phases and handler runs, the figures that sum the scenario up (cold share, latency
//! percentiles, billed INIT), the phases of one cold start, and an optional second runtime drawn
//! below for comparison. The view only draws `derived.cold_start`; the comparison run is cached
//! in the view state and recomputed only when the scenario or the compared runtime changes.
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
mod view;

pub use view::ColdStartView;
