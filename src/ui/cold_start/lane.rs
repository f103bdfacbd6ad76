//! [`Lane`]: one runtime's run as every part of the view draws it, shared by the phases bar,
//! the legend, the timeline and the figures.

use crate::model::cold_start::ColdStartRun;
use crate::model::runtime::InitPhases;

/// One runtime's run as drawn: a lane of the timeline, a breakdown bar, a column of figures.
pub(super) struct Lane<'a> {
    /// Runtime label, with "+ SnapStart" when it applies.
    pub(super) name: String,
    pub(super) run: &'a ColdStartRun,
    pub(super) phases: InitPhases,
    /// Whether this is the compared runtime rather than the scenario's own.
    pub(super) comparison: bool,
}
