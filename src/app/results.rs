//! Keeping the views' results in step with the scenario without freezing a frame: the window
//! sends every new scenario to its worker thread and draws the last results until newer ones
//! arrive, marked as updating (with a spinner once it takes longer than [`SPINNER_AFTER_S`]).
//! Tests compute in the frame instead, so every frame they look at is current.

use std::time::Duration;

use super::explorer::{ExplorerApp, Results};
use crate::derived::{Derived, Inputs};
use crate::model::scenario::Scenario;
use crate::ui::theme::Theme;

/// Seconds of waiting for results before the view shows a spinner: shorter waits pass unseen.
pub(super) const SPINNER_AFTER_S: f64 = 0.15;

impl ExplorerApp {
    /// Replaces the scenario; its results follow in [`ExplorerApp::sync_results`].
    pub(super) fn set_scenario(&mut self, scenario: Scenario) {
        if scenario != self.scenario {
            self.scenario = scenario;
        }
    }

    /// Takes results that arrived, and asks for those of the scenario (and of the runtime the
    /// cold-start view compares with) when they are neither shown nor on their way.
    pub(super) fn sync_results(&mut self, ctx: &egui::Context) {
        let compare = self.settings.views.cold_start.compare;
        let now_s = ctx.input(|i| i.time);
        let wanted = |inputs: &Inputs, scenario: &Scenario| {
            inputs.compare != compare || inputs.scenario != *scenario
        };
        let mut stopped = false;
        match &mut self.results {
            Results::Inline => {
                if wanted(&self.derived_inputs, &self.scenario) {
                    let inputs = Inputs {
                        scenario: self.scenario.clone(),
                        compare,
                    };
                    self.derived =
                        Derived::update(Some((&self.derived_inputs, &self.derived)), &inputs);
                    self.derived_inputs = inputs;
                }
            }
            Results::Worker {
                worker,
                requested,
                waiting,
            } => {
                if let Some(done) = worker.newest_result() {
                    if waiting.is_some_and(|(id, _)| id == done.id) {
                        *waiting = None;
                    }
                    log::debug!("results of edit {} took {:?}", done.id, done.elapsed);
                    self.derived = done.derived;
                    self.derived_inputs = done.inputs;
                }
                if wanted(requested, &self.scenario) {
                    let inputs = Inputs {
                        scenario: self.scenario.clone(),
                        compare,
                    };
                    match worker.request(inputs.clone()) {
                        Some(id) => {
                            let since_s = waiting.map_or(now_s, |(_, since_s)| since_s);
                            *waiting = Some((id, since_s));
                            **requested = inputs;
                        }
                        None => stopped = true,
                    }
                }
                if waiting.is_some() {
                    // The spinner must appear on time even when nothing else asks for a frame.
                    ctx.request_repaint_after(Duration::from_secs_f64(SPINNER_AFTER_S));
                }
            }
        }
        if stopped {
            log::warn!("the results thread has stopped, computing in the frame");
            self.results = Results::Inline;
            self.sync_results(ctx);
        }
    }

    /// Whether newer results than those shown are being computed.
    pub fn is_updating(&self) -> bool {
        matches!(
            self.results,
            Results::Worker {
                waiting: Some(_),
                ..
            }
        )
    }

    /// Seconds the views have been waiting for newer results, if they are.
    pub(super) fn waiting_for_s(&self, now_s: f64) -> Option<f64> {
        match self.results {
            Results::Worker {
                waiting: Some((_, since_s)),
                ..
            } => Some(now_s - since_s),
            _ => None,
        }
    }

    /// Over the top right corner of the view, once results take longer than [`SPINNER_AFTER_S`]:
    /// a spinner and how long the update has taken so far.
    pub(super) fn updating_ui(&self, ui: &egui::Ui, theme: &Theme) {
        let Some(waited_s) = self.waiting_for_s(ui.input(|i| i.time)) else {
            return;
        };
        if waited_s < SPINNER_AFTER_S {
            return;
        }
        let corner = ui.max_rect().right_top() + egui::vec2(-12.0, 8.0);
        egui::Area::new(egui::Id::unique("updating_results"))
            .order(egui::Order::Foreground)
            .fixed_pos(corner)
            .pivot(egui::Align2::RIGHT_TOP)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.add(egui::Spinner::new());
                        ui.label(
                            egui::RichText::new(format!("Updating results… {waited_s:.1} s"))
                                .color(theme.weak_text),
                        );
                    });
                });
            });
    }
}
