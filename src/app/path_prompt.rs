//! When no native file dialog can open (no desktop portal or zenity on Linux), a dialog returns
//! nothing at once. The app then says so in the banner and asks for the path in a small window
//! of its own, so Open, Save as, the exports and the imports keep working.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::explorer::ExplorerApp;
use crate::command::{Command, PathAction};
use crate::model::traffic_import::ImportOptions;

/// A dialog that gives nothing back sooner than this did not open: nobody cancels that fast.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// A path being typed for an action whose dialog could not open.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub action: PathAction,
    /// The path as typed so far.
    pub text: String,
}

impl ExplorerApp {
    /// Runs a native dialog. When it returns nothing at once, no dialog could open: the banner
    /// says so and a window asks for the path instead, starting from `suggested`.
    pub(super) fn dialog<T>(
        &mut self,
        action: PathAction,
        suggested: &str,
        run: impl FnOnce() -> Option<T>,
    ) -> Option<T> {
        let started = Instant::now();
        let picked = run();
        if picked.is_none() && started.elapsed() < NO_DIALOG_WITHIN {
            self.no_dialog(action, suggested);
        }
        picked
    }

    /// Says that no file dialog could open, and asks for the path in a window of the app's own.
    pub fn no_dialog(&mut self, action: PathAction, suggested: &str) {
        self.error(
            "No file dialog could open on this system (it needs a desktop portal or zenity): \
             type the path instead."
                .to_owned(),
        );
        let folder = self
            .settings
            .recent
            .first()
            .and_then(|p| p.parent())
            .map(|d| d.join(suggested));
        self.path_prompt = Some(PathPrompt {
            action,
            text: folder.map_or_else(|| suggested.to_owned(), |p| p.display().to_string()),
        });
    }

    /// The window that asks for a typed path, while one is waiting.
    pub(super) fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.path_prompt else {
            return;
        };
        let mut open = true;
        let (mut go, mut cancelled) = (false, false);
        egui::Window::new(prompt.action.title())
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label("No file dialog could open here. Type the file's path:");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                    .accessible_name("Path");
                go = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    go |= ui.button("OK").clicked();
                    cancelled = ui.button("Cancel").clicked();
                });
            });
        let text = prompt.text.trim().to_owned();
        if go && !text.is_empty() {
            let action = prompt.action;
            self.path_prompt = None;
            self.commands
                .push(Command::UsePath(action, PathBuf::from(text)));
        } else if !open || cancelled {
            self.path_prompt = None;
        }
    }

    /// Does with a typed path what the dialog would have done with the chosen one.
    pub(super) fn use_path(&mut self, ctx: &egui::Context, action: PathAction, path: PathBuf) {
        match action {
            PathAction::OpenPreset => self.open_file(&path),
            PathAction::SavePresetAs => self.save_to(&path),
            PathAction::ExportView => self.export_view_to(ctx, &path),
            PathAction::ExportWindow => self.export_window_to(ctx, path),
            PathAction::ExportCurves => self.export_curves_to(&path),
            PathAction::ImportTraffic => self.import_traffic(&path, ImportOptions::default()),
            PathAction::ImportPriceList => self.ask_price_list_region(vec![path]),
        }
    }
}
