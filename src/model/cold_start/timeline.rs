//! The timeline of a window of the scenario: each environment's init phases and handler runs,
//! and the recorder that stores them within the timeline's caps.

use serde::Serialize;

/// Most environments the timeline stores.
pub const MAX_TIMELINE_ENVIRONMENTS: usize = 500;

/// Most handler runs (busy intervals) the timeline stores, over all environments.
pub const MAX_TIMELINE_BUSY_INTERVALS: usize = 20_000;

/// One init phase of a cold start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PhaseKind {
    /// Creating the execution environment and loading the code.
    Environment,
    /// Extension init.
    Extensions,
    /// Runtime init.
    Runtime,
    /// Your code's init outside the handler.
    Function,
    /// A SnapStart restore, replacing runtime and function init.
    Restore,
    /// The extra time of the first handler run in a new environment.
    FirstInvoke,
}

impl PhaseKind {
    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Environment => "Environment",
            Self::Extensions => "Extensions",
            Self::Runtime => "Runtime init",
            Self::Function => "Your init",
            Self::Restore => "SnapStart restore",
            Self::FirstInvoke => "First invoke",
        }
    }
}

/// One init phase of an environment, in scenario seconds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PhaseInterval {
    /// Which phase.
    pub kind: PhaseKind,
    /// Start, in seconds.
    pub start_s: f64,
    /// End, in seconds.
    pub end_s: f64,
}

/// One handler run in an environment, in scenario seconds. A cold run starts after the init
/// phases of its environment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BusyInterval {
    /// Start of the handler, in seconds.
    pub start_s: f64,
    /// End of the handler, in seconds.
    pub end_s: f64,
    /// Whether the request waited for the environment's init (a cold start).
    pub cold: bool,
}

/// One execution environment on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Environment {
    /// Row in the timeline, from 0, in creation order; provisioned environments come first.
    pub id: usize,
    /// Kept initialised by provisioned concurrency (initialised before the window, never reclaimed).
    pub provisioned: bool,
    /// When the environment was created, in seconds.
    pub created_at_s: f64,
    /// Its init phases in order, zero-length phases left out; empty for provisioned environments.
    pub init: Vec<PhaseInterval>,
    /// Its handler runs in order.
    pub busy: Vec<BusyInterval>,
    /// When it was reclaimed after idling, if within the timeline window.
    pub reclaimed_at_s: Option<f64>,
}

/// The environments of the timeline window.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// Environments in creation order.
    pub environments: Vec<Environment>,
    /// The storage caps ended the window early.
    pub truncated: bool,
    /// Environments the window's simulation created, stored or not (provisioned included).
    pub environments_created: usize,
    /// On-demand environments already warm (or busy) when the window opened, created by the
    /// traffic before it; the first rows after the provisioned ones.
    pub warm_at_start: usize,
}

/// Stores what the timeline needs within its caps; the first cap reached ends the window. The
/// simulation's environment ids are mapped to timeline rows, since a window that opens late
/// shows only the environments alive from then on.
#[derive(Default)]
pub(super) struct Recorder {
    /// Whether the window has opened.
    pub(super) recording: bool,
    pub(super) environments: Vec<Environment>,
    /// The row of each simulation id, where recorded.
    pub(super) rows: Vec<Option<usize>>,
    pub(super) busy_intervals: usize,
    pub(super) frozen_at_s: Option<f64>,
}

impl Recorder {
    fn row(&self, id: usize) -> Option<usize> {
        self.rows.get(id).copied().flatten()
    }

    /// Records a new environment under simulation id `id` as the next row.
    pub(super) fn add_environment(&mut self, id: usize, mut environment: Environment, t_s: f64) {
        if !self.recording || self.frozen_at_s.is_some() {
            return;
        }
        // A full interval store ends the window here too, so no environment is drawn without
        // the request that created it.
        if self.environments.len() >= MAX_TIMELINE_ENVIRONMENTS
            || self.busy_intervals >= MAX_TIMELINE_BUSY_INTERVALS
        {
            self.frozen_at_s = Some(t_s);
            return;
        }
        if self.rows.len() <= id {
            self.rows.resize(id + 1, None);
        }
        if let Some(slot) = self.rows.get_mut(id) {
            *slot = Some(self.environments.len());
        }
        environment.id = self.environments.len();
        self.environments.push(environment);
    }

    pub(super) fn add_busy(&mut self, id: usize, interval: BusyInterval, t_s: f64) {
        if !self.recording || self.frozen_at_s.is_some() {
            return;
        }
        if self.busy_intervals >= MAX_TIMELINE_BUSY_INTERVALS {
            self.frozen_at_s = Some(t_s);
            return;
        }
        if let Some(environment) = self.row(id).and_then(|row| self.environments.get_mut(row)) {
            environment.busy.push(interval);
            self.busy_intervals += 1;
        }
    }

    pub(super) fn reclaim(&mut self, id: usize, at_s: f64) {
        if self.frozen_at_s.is_some_and(|frozen_s| at_s > frozen_s) {
            return;
        }
        if let Some(environment) = self.row(id).and_then(|row| self.environments.get_mut(row)) {
            environment.reclaimed_at_s = Some(at_s);
        }
    }

    pub(super) fn window_end(&self, end_s: f64) -> f64 {
        self.frozen_at_s
            .map_or(end_s, |frozen_s| frozen_s.min(end_s))
    }

    pub(super) fn into_timeline(
        self,
        environments_created: usize,
        warm_at_start: usize,
    ) -> Timeline {
        Timeline {
            truncated: self.frozen_at_s.is_some(),
            environments: self.environments,
            environments_created,
            warm_at_start,
        }
    }
}
