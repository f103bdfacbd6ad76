//! Applying the commands pushed during a frame: scenario edits with undo and redo, switching
//! presets, the tour, presentation mode, and handing file and image work to `files` and
//! `exports`.

use std::sync::Arc;

use super::explorer::{Banner, ExplorerApp, Pending, Snapshot};
use crate::command::Command;
use crate::model::origin::Origin;
use crate::presets;
use crate::ui::theme::ThemeChoice;

/// Edits closer together than this (seconds) are undone as one step, so a slider drag is one step.
const UNDO_COALESCE_S: f64 = 1.0;

/// Most undo steps kept.
const UNDO_LIMIT: usize = 200;

impl ExplorerApp {
    /// Applies the commands pushed this frame.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per command reads better than the commands split over helpers"
    )]
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        let now_s = ctx.input(|i| i.time);
        if !self.commands.is_empty() {
            // Commands are applied after the views drew: draw once more to show their effect.
            ctx.request_repaint();
        }
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::SetScenario(scenario) => match scenario.validate() {
                    Ok(()) if *scenario != self.scenario => {
                        if now_s - self.last_edit_s > UNDO_COALESCE_S || self.undo.is_empty() {
                            self.push_undo();
                        }
                        self.last_edit_s = now_s;
                        self.set_scenario(*scenario);
                    }
                    Ok(()) => {}
                    Err(e) => self.error(format!("Not applied: {e}")),
                },
                Command::Load(scenario, origin) if self.is_modified() && self.pending.is_none() => {
                    self.pending = Some(Pending::Load(scenario, origin));
                }
                Command::Load(scenario, origin) => {
                    self.push_undo();
                    self.last_edit_s = f64::NEG_INFINITY;
                    self.baseline = Arc::new((*scenario).clone());
                    self.set_scenario(*scenario);
                    if let Origin::File(path) = &origin {
                        self.settings.remember_recent(path);
                    }
                    self.settings.last_origin = Some(origin.clone());
                    self.origin = origin;
                }
                Command::OpenDialog => self.open_dialog(),
                Command::SaveAsDialog => self.save_as_dialog(),
                Command::Save => match self.origin.clone() {
                    Origin::File(path) => self.save_to(&path),
                    // Built-in presets are never overwritten: saving one asks for a new file.
                    Origin::BuiltIn(_) | Origin::Clipboard => self.save_as_dialog(),
                },
                Command::Error(text) => self.error(text),
                Command::Info(text) => {
                    self.banner = Some(Banner { text, error: false });
                }
                Command::ShowView(view) => self.settings.view = view,
                Command::FocusModel(model) => self.settings.views.stack.primary = model,
                Command::Undo => {
                    if let Some(previous) = self.undo.pop() {
                        let current = self.restore(previous);
                        self.redo.push(current);
                        self.last_edit_s = f64::NEG_INFINITY;
                    }
                }
                Command::Redo => {
                    if let Some(next) = self.redo.pop() {
                        let current = self.restore(next);
                        self.undo.push(current);
                        self.last_edit_s = f64::NEG_INFINITY;
                    }
                }
                Command::Revert => {
                    if self.scenario != *self.baseline {
                        self.push_undo();
                        let baseline = (*self.baseline).clone();
                        self.set_scenario(baseline);
                    }
                }
                Command::TogglePresentation => self.toggle_presentation(),
                Command::ToggleHelp => self.show_help = !self.show_help,
                Command::CopyPreset => match presets::to_ron(&self.scenario, "clipboard") {
                    Ok(text) => {
                        ctx.copy_text(text);
                        self.banner = Some(Banner {
                            text: "Copied the preset to the clipboard as RON text".to_owned(),
                            error: false,
                        });
                    }
                    Err(e) => self.error(e.to_string()),
                },
                Command::PastePreset => {
                    match arboard::Clipboard::new().and_then(|mut c| c.get_text()) {
                        Ok(text) => self.paste_preset(&text),
                        Err(e) => self.error(format!(
                            "Paste preset: cannot read the clipboard ({e}); press Ctrl+V in the \
                             window instead"
                        )),
                    }
                }
                Command::TourStep(index) => self.go_to_tour_step(index),
                Command::EndTour => self.tour = None,
                Command::StepPreset(delta) => self.step_preset(delta),
                Command::ExportViewDialog => self.export_view_dialog(ctx),
                Command::ExportWindowDialog => self.export_window_dialog(ctx),
                Command::ExportCurvesCsv => self.export_curves_dialog(),
                Command::ImportTrafficDialog => self.import_traffic_dialog(),
                Command::ImportTraffic(path, options) => self.import_traffic(&path, options),
                Command::ImportPriceListDialog => self.import_price_list_dialog(),
                Command::UsePath(action, path) => self.use_path(ctx, action, path),
                Command::ImportPriceList(paths, region) => {
                    self.import_price_list(&paths, &region);
                }
                Command::CopyImage => match self.render_current_view(ctx) {
                    Ok(image) => {
                        ctx.copy_image(image);
                        self.banner = Some(Banner {
                            text: format!(
                                "Copied an image of {} to the clipboard",
                                self.settings.view.label()
                            ),
                            error: false,
                        });
                    }
                    Err(e) => self.error(format!("Copy image: {e}")),
                },
            }
        }
        self.finish_window_shot();
    }

    /// Shows a step of the guided tour: its preset, its view and its stack setup.
    pub(super) fn go_to_tour_step(&mut self, index: usize) {
        let Some(step) = crate::ui::tour::STEPS.get(index) else {
            return;
        };
        self.tour = Some(index);
        if let Some((builtin, scenario)) = presets::built_in(step.preset) {
            let origin = Origin::BuiltIn(builtin.id.to_owned());
            if self.origin != origin || self.scenario != scenario {
                self.push_undo();
                self.baseline = Arc::new(scenario.clone());
                self.set_scenario(scenario);
                self.settings.last_origin = Some(origin.clone());
                self.origin = origin;
            }
        }
        self.settings.view = step.view;
        // Each step starts its view afresh: at the top, the timeline at its start, paused.
        let views = &mut self.settings.views;
        views.cost.to_top = true;
        views.cold_start.to_top = true;
        views.scaling.to_top = true;
        views.scaling.t_s = self.scenario.traffic.first().map_or(0.0, |&(t, _)| t);
        views.scaling.playing = false;
        if let Some((mode, primary, secondary)) = step.stack {
            self.settings.views.stack.mode = mode;
            self.settings.views.stack.primary = primary;
            self.settings.views.stack.secondary = secondary;
        }
    }

    /// The state now, as an undo step.
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            scenario: self.scenario.clone(),
            origin: self.origin.clone(),
            baseline: self.baseline.clone(),
        }
    }

    /// Goes back (or forward) to `to`; returns the state it leaves.
    fn restore(&mut self, to: Snapshot) -> Snapshot {
        let left = self.snapshot();
        self.scenario = to.scenario;
        self.origin = to.origin;
        self.baseline = to.baseline;
        left
    }

    /// Remembers the current state for undo (a new edit clears redo).
    pub(super) fn push_undo(&mut self) {
        self.undo.push(self.snapshot());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Enters presentation mode (projector theme, no editor) or restores the previous layout.
    pub(super) fn toggle_presentation(&mut self) {
        if let Some((show_editor, theme)) = self.before_presentation.take() {
            self.settings.show_editor = show_editor;
            self.settings.theme = theme;
            self.settings.presentation = false;
        } else {
            self.before_presentation = Some((self.settings.show_editor, self.settings.theme));
            self.settings.show_editor = false;
            self.settings.theme = ThemeChoice::Projector;
            self.settings.presentation = true;
        }
    }

    /// Loads the previous or next built-in preset.
    pub(super) fn step_preset(&mut self, delta: i32) {
        let all = presets::all_built_ins();
        if all.is_empty() {
            return;
        }
        let current = all
            .iter()
            .position(|(b, _)| self.origin == Origin::BuiltIn(b.id.to_owned()));
        let len = all.len() as i64;
        let next = match current {
            Some(i) => (i as i64 + i64::from(delta)).rem_euclid(len),
            None => 0,
        };
        if let Some((builtin, scenario)) = all.into_iter().nth(next as usize) {
            self.commands.push(Command::Load(
                Box::new(scenario),
                Origin::BuiltIn(builtin.id.to_owned()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Settings, StartOptions};

    #[test]
    fn invalid_edit_is_refused_and_reported() {
        let mut app = ExplorerApp::with_settings(Settings::default(), StartOptions::default());
        let before = app.scenario.clone();
        let mut bad = before.clone();
        bad.workload.memory_mb = 99_999;
        app.commands.push(Command::SetScenario(Box::new(bad)));
        app.apply_commands(&egui::Context::default());
        assert_eq!(app.scenario, before);
        let banner = app.banner.unwrap();
        assert!(banner.error);
        assert!(
            banner.text.contains("workload.memory_mb"),
            "{}",
            banner.text
        );
    }
}
