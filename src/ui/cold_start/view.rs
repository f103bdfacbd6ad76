//! The view state of the cold-start view and its `ui`, which lays out the parts: quick controls,
//! the phases bar, the legend, the timeline and the figures beside it. Every run it draws,
//! the compared runtime's too, comes computed in `Derived`.

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
use crate::model::scenario::{HostingModel, Runtime, Scenario};
use crate::ui::slide::{LeftOut, scroll_unless_slide};
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
    /// Scroll the figures back to the top on the next frame (a tour step asks for it).
    #[serde(skip)]
    pub to_top: bool,
    /// The sections a slide leaves out to fit ([`super::SLIDE_SECTIONS`]).
    #[serde(skip)]
    pub left_out: LeftOut,
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
        let snapstart = scenario.cold_start.snapstart;
        let mut lanes = Vec::with_capacity(2);
        lanes.push(Lane {
            name: runtime_name(scenario.cold_start.runtime, snapstart),
            run: &derived.cold_start,
            phases: derived.phases,
            comparison: false,
        });
        // Derived holds the comparison the app last asked for; a frame drawn before the newer
        // one arrives shows none rather than another runtime's.
        let compared = self
            .compare
            .filter(|&runtime| runtime != scenario.cold_start.runtime);
        if let Some(c) = derived
            .comparison
            .as_ref()
            .filter(|c| Some(c.runtime) == compared)
        {
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
            .timeline_ui(ui, canvas, &lanes, derived.traffic.as_ref(), fit, theme);
        ui.scope_builder(UiBuilder::new().max_rect(side), |ui| {
            scroll_unless_slide(
                ui,
                !show_controls,
                ("cold_start_figures", &mut self.to_top),
                |ui| {
                    let scaling = &derived.scaling.model(HostingModel::Lambda).summary;
                    side_panel_ui(ui, (&lanes, scaling), scenario, theme, self.left_out);
                },
            );
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
