//! The timeline canvas of the cold-start view: a traffic strip, one lane of environment rows per
//! runtime, and a time axis, with zoom, pan, row scroll and a tooltip for whatever the pointer
//! is over. Like its parent, this file only lists the parts.

mod axis;
mod canvas;
mod geometry;
mod hover;
mod rows;
mod traffic_strip;

pub(super) use canvas::{Timeline, fit_range};
