//! Preset files in and out: open (dialog, recent, drop), save, save as, paste; other dropped
//! files go to the traffic import.

use std::path::{Path, PathBuf};

use super::explorer::{Banner, ExplorerApp};
use super::traffic::is_preset;
use crate::command::{Command, PathAction};
use crate::model::format::slug;
use crate::model::origin::Origin;
use crate::model::traffic_import::ImportOptions;
use crate::presets;

impl ExplorerApp {
    /// Loads a preset from pasted text; refused text changes nothing but the banner.
    pub fn paste_preset(&mut self, text: &str) {
        match presets::parse(text, "pasted preset") {
            Ok(scenario) => {
                self.commands
                    .push(Command::Load(Box::new(scenario), Origin::Clipboard));
                self.banner = Some(Banner {
                    text: "Pasted a preset from the clipboard".to_owned(),
                    error: false,
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Files dropped on the window and preset text pasted outside text fields.
    pub(super) fn handle_drops_and_paste(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.first() {
            if is_preset(path) {
                self.open_file(path);
            } else {
                self.import_traffic(path, ImportOptions::default());
            }
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let pasted: Option<String> = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            self.paste_preset(&text);
        }
    }

    /// Opens a preset chosen in a native dialog.
    pub(super) fn open_dialog(&mut self) {
        let dialog = rfd::FileDialog::new()
            .set_title("Open preset")
            .add_filter("Serverless Explorer preset", &["ron"]);
        if let Some(path) = self.dialog(PathAction::OpenPreset, "", || dialog.pick_file()) {
            self.open_file(&path);
        }
    }

    /// Opens a preset file; a refused file changes nothing but the banner.
    pub fn open_file(&mut self, path: &Path) {
        if let Err(e) = self.load_file(path) {
            self.error(e.to_string());
        }
    }

    /// Opens a file from "Open recent"; one that no longer opens (moved, deleted, now invalid)
    /// leaves the list with the reason in the banner.
    pub fn open_recent(&mut self, path: &Path) {
        if let Err(e) = self.load_file(path) {
            self.settings.recent.retain(|p| p != path);
            self.error(format!("{e} (removed from the recent files)"));
        }
    }

    /// Reads and validates a preset file and queues loading it.
    pub(super) fn load_file(&mut self, path: &Path) -> Result<(), presets::PresetError> {
        let scenario = presets::load(path)?;
        self.commands.push(Command::Load(
            Box::new(scenario),
            Origin::File(path.to_owned()),
        ));
        self.banner = Some(Banner {
            text: format!("Opened {}", path.display()),
            error: false,
        });
        Ok(())
    }

    /// Saves the scenario to a file chosen in a native dialog.
    pub(super) fn save_as_dialog(&mut self) {
        let suggested = format!("{}.ron", slug(&self.scenario.name));
        let dialog = rfd::FileDialog::new()
            .set_title("Save preset as")
            .add_filter("Serverless Explorer preset", &["ron"])
            .set_file_name(&suggested);
        if let Some(path) = self.dialog(PathAction::SavePresetAs, &suggested, || dialog.save_file())
        {
            self.save_to(&path);
        }
    }

    /// Saves the scenario atomically to `path` and makes it the scenario's origin.
    pub fn save_to(&mut self, path: &Path) {
        match presets::save(path, &self.scenario) {
            Ok(()) => {
                self.origin = Origin::File(path.to_owned());
                self.settings.remember_recent(path);
                self.settings.last_origin = Some(self.origin.clone());
                self.banner = Some(Banner {
                    text: format!("Saved {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Settings, StartOptions};

    #[test]
    fn refused_file_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.ron");
        std::fs::write(&path, "(workload: (memroy_mb: 1))").unwrap();
        let mut app = ExplorerApp::with_settings(Settings::default(), StartOptions::default());
        let before = app.scenario.clone();
        app.open_file(&path);
        app.apply_commands(&egui::Context::default());
        assert_eq!(app.scenario, before);
        let banner = app.banner.unwrap();
        assert!(
            banner.error && banner.text.contains("bad.ron"),
            "{}",
            banner.text
        );
    }
}
