//! The view state of the cold-start view and its `ui`, which lays out the parts: quick controls,
//! the phases bar, the legend, the timeline and the figures beside it. The comparison run is
//! computed here, once per change of the scenario or of the compared runtime.

use egui::{Pos2, Rect, Ui, UiBuilder, pos2};
use serde::{Deserialize, Serialize};

use super::controls::{controls_ui, settings_line_ui};
use super::figures::side_panel_ui;
use super::lane::Lane;
use super::legend::legend_ui;
use super::phases_bar::breakdown_ui;
use super::timeline::{Timeline, fit_range};
use crate::command::Command;
use crate::derived::Derived;
use crate::model::cold_start::ColdStartRun;
use crate::model::runtime::InitPhases;
use crate::model::scenario::{Runtime, Scenario};
use crate::model::traffic::Traffic;
use crate::ui::theme::Theme;

/// View state of the cold-start timeline.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ColdStartView {
    /// A second runtime drawn below the scenario's own, all else equal; `None` shows one.
    pub compare: Option<Runtime>,
    /// Zoom and scroll of the timeline, and where the last frame drew it.
    #[serde(skip)]
    timeline: Timeline,
    /// Results computed from the scenario that `Derived` does not hold (the comparison run).
    #[serde(skip)]
    cache: Option<Cache>,
}

/// What the view computes from the scenario, recomputed only when its key changes.
#[derive(Clone, Debug)]
struct Cache {
    /// Key: the scenario the cache was computed from.
    scenario: Scenario,
    /// Key: the runtime compared with, if any (never the scenario's own).
    compare: Option<Runtime>,
    /// The scenario's traffic, for the strip above the rows.
    traffic: Option<Traffic>,
    /// One cold start of the scenario's function.
    phases: InitPhases,
    /// The same scenario with the compared runtime.
    comparison: Option<Comparison>,
}

/// The scenario simulated with another runtime.
#[derive(Clone, Debug)]
struct Comparison {
    runtime: Runtime,
    run: ColdStartRun,
    phases: InitPhases,
}

impl ColdStartView {
    /// The visible time range of the timeline as last drawn, in seconds.
    pub fn visible_range_s(&self) -> Option<(f64, f64)> {
        self.timeline.visible_range_s()
    }

    /// Where, in the last frame, the timeline drew time `t_s` on the row of environment `env`
    /// (its index in the timeline) of lane `lane` (0: the scenario, 1: the comparison); `None`
    /// when that point was not on screen.
    pub fn screen_pos(&self, lane: usize, env: usize, t_s: f64) -> Option<Pos2> {
        self.timeline.screen_pos(lane, env, t_s)
    }

    /// Shows the view: quick controls (on a slide, the settings they show as text), one cold
    /// start's phases, the legend, the timeline and the figures beside it.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        (scenario, derived): (&Scenario, &Derived),
        theme: &Theme,
        commands: &mut Vec<Command>,
        show_controls: bool,
    ) {
        self.refresh_cache(scenario);
        let Some(cache) = self.cache.take() else {
            return;
        };
        let snapstart = scenario.cold_start.snapstart;
        let mut lanes = Vec::with_capacity(2);
        lanes.push(Lane {
            name: runtime_name(scenario.cold_start.runtime, snapstart),
            run: &derived.cold_start,
            phases: cache.phases,
            comparison: false,
        });
        if let Some(c) = &cache.comparison {
            lanes.push(Lane {
                name: runtime_name(c.runtime, snapstart),
                run: &c.run,
                phases: c.phases,
                comparison: true,
            });
        }

        if show_controls {
            controls_ui(ui, &mut self.compare, scenario, commands);
        } else {
            settings_line_ui(ui, scenario);
        }
        ui.add_space(4.0);
        breakdown_ui(ui, &lanes, scenario, theme);
        ui.add_space(2.0);
        legend_ui(ui, &lanes, theme);
        let fit = fit_range(&lanes);
        self.timeline.zoom_row_ui(ui, fit, theme, show_controls);
        ui.add_space(4.0);

        let area = ui.available_rect_before_wrap();
        // Two runtimes' figures side by side need a wider panel than one runtime's big numbers.
        let side_w = if lanes.len() > 1 {
            (area.width() * 0.34).clamp(290.0, 460.0)
        } else {
            (area.width() * 0.3).clamp(250.0, 420.0)
        };
        let gap = 16.0;
        let canvas = Rect::from_min_max(area.min, pos2(area.right() - side_w - gap, area.bottom()));
        let side = Rect::from_min_max(pos2(area.right() - side_w, area.top()), area.max);
        self.timeline
            .timeline_ui(ui, canvas, &lanes, cache.traffic.as_ref(), fit, theme);
        ui.scope_builder(UiBuilder::new().max_rect(side), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("cold_start_figures")
                .auto_shrink([false, false])
                .show(ui, |ui| side_panel_ui(ui, &lanes, theme));
        });
        drop(lanes);
        self.cache = Some(cache);
    }

    /// Recomputes the cache when the scenario or the compared runtime changed.
    fn refresh_cache(&mut self, scenario: &Scenario) {
        let compare = self
            .compare
            .filter(|&runtime| runtime != scenario.cold_start.runtime);
        if self
            .cache
            .as_ref()
            .is_some_and(|c| c.compare == compare && c.scenario == *scenario)
        {
            return;
        }
        let comparison = compare.map(|runtime| {
            let mut other = scenario.clone();
            other.cold_start.runtime = runtime;
            Comparison {
                runtime,
                run: ColdStartRun::simulate_with_runtime(scenario, runtime),
                phases: InitPhases::of(&other),
            }
        });
        self.cache = Some(Cache {
            scenario: scenario.clone(),
            compare,
            traffic: Traffic::new(scenario.traffic.clone()).ok(),
            phases: InitPhases::of(scenario),
            comparison,
        });
    }
}

/// The runtime's label, with SnapStart when it applies.
fn runtime_name(runtime: Runtime, snapstart: bool) -> String {
    if snapstart && runtime.supports_snapstart() {
        format!("{} + SnapStart", runtime.label())
    } else {
        runtime.label().to_owned()
    }
}
