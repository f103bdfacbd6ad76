//! The one place a view is drawn: [`view_ui`] in the window's central panel, and [`slide_ui`]
//! (the same view under a title, without controls) for every PNG, whether the window exports it
//! or the `export` command does.

use serde::{Deserialize, Serialize};

use crate::command::{Command, ViewId};
use crate::derived::Derived;
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::cold_start::ColdStartView;
use crate::ui::cost::CostView;
use crate::ui::scaling::ScalingView;
use crate::ui::stack::{StackMode, StackView};
use crate::ui::theme::Theme;

/// The state of the four views (zoom, playhead, selection, toggles), persisted between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Views {
    /// State of the stack view.
    pub stack: StackView,
    /// State of the scaling view.
    pub scaling: ScalingView,
    /// State of the cold-start view.
    pub cold_start: ColdStartView,
    /// State of the cost view.
    pub cost: CostView,
}

impl Views {
    /// The state a slide from the command line shows first: two stacks compared side by side
    /// (on-premises and serverless) and the scaling animation paused at its most telling moment.
    pub fn for_slide(derived: &Derived) -> Self {
        let mut views = Self::default();
        views.stack.mode = StackMode::Compare;
        views.stack.primary = HostingModel::OnPrem;
        views.stack.secondary = HostingModel::Lambda;
        views.scaling.prepare_export(&derived.scaling);
        views
    }
}

/// Draws the body of one view; `controls` is false on slides, which show settings as text.
pub fn view_ui(
    ui: &mut egui::Ui,
    view: ViewId,
    views: &mut Views,
    (scenario, derived): (&Scenario, &Derived),
    theme: &Theme,
    commands: &mut Vec<Command>,
    controls: bool,
) {
    match view {
        ViewId::Stack => views.stack.ui(ui, scenario, theme, commands, controls),
        ViewId::Scaling => {
            // A slide never shows playback controls, only the time.
            views.scaling.hide_controls |= !controls;
            views.scaling.ui(ui, scenario, derived, theme, commands);
        }
        ViewId::ColdStart => {
            views
                .cold_start
                .ui(ui, (scenario, derived), theme, commands, controls);
        }
        ViewId::Cost => views
            .cost
            .ui(ui, (scenario, derived), theme, commands, controls),
    }
}

/// Draws one view alone as a slide, filling the frame: a title naming the view and the scenario,
/// the rates' date and region, and the view without controls. Commands it pushes are dropped.
pub fn slide_ui(
    ui: &mut egui::Ui,
    view: ViewId,
    views: &mut Views,
    (scenario, derived): (&Scenario, &Derived),
    theme: &Theme,
) {
    theme.apply(ui.ctx());
    let mut commands = Vec::new();
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(24)))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(format!("{}: {}", view.label(), scenario.name))
                        .font(theme.font(28.0))
                        .strong(),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        egui::RichText::new(format!(
                            "Serverless Explorer · {}, rates as of {} · USD",
                            scenario.rates.region, scenario.rates.as_of
                        ))
                        .color(theme.weak_text),
                    );
                });
            });
            ui.add_space(8.0);
            view_ui(
                ui,
                view,
                views,
                (scenario, derived),
                theme,
                &mut commands,
                false,
            );
        });
}
