//! Traffic files in: the import dialog, dropped traffic files, the picker for a file that holds
//! several series, and the imported file the editor describes while the traffic is still its.

use std::path::Path;

use super::explorer::{Banner, ExplorerApp, SeriesPicker};
use crate::command::{Command, PathAction};
use crate::model::format::{file_name, group};
use crate::model::traffic_file::TrafficFile;
use crate::model::traffic_import::{ImportError, ImportOptions};

/// Extensions the import dialog offers (any file may be imported: the reader goes by content).
const TRAFFIC_EXTENSIONS: [&str; 4] = ["csv", "log", "json", "txt"];

impl ExplorerApp {
    /// Imports a traffic file chosen in a native dialog.
    pub(super) fn import_traffic_dialog(&mut self) {
        let dialog = rfd::FileDialog::new()
            .set_title("Import traffic")
            .add_filter(
                "Traffic (CSV, access log, AWS CLI JSON)",
                &TRAFFIC_EXTENSIONS,
            )
            .add_filter("Any file", &["*"]);
        if let Some(path) = self.dialog(PathAction::ImportTraffic, "", || dialog.pick_file()) {
            self.import_traffic(&path, ImportOptions::default());
        }
    }

    /// Reads a traffic file and makes its requests the scenario's traffic, as one undoable
    /// edit. A refused file changes nothing but the banner; a file of several series asks which.
    pub fn import_traffic(&mut self, path: &Path, options: ImportOptions) {
        self.series_picker = None;
        let file = match TrafficFile::read(path.to_owned(), options.clone()) {
            Ok(file) => file,
            Err(ImportError::SeriesNeeded { choices, .. }) => {
                self.series_picker = Some(SeriesPicker {
                    path: path.to_owned(),
                    options,
                    choices,
                });
                return;
            }
            Err(e) => return self.error(format!("Traffic not imported: {e}")),
        };
        self.use_traffic_file(file);
    }

    /// Makes an imported file's requests the scenario's traffic, as one undoable edit (refused,
    /// with a banner, when the scenario's limits do not allow it).
    pub fn use_traffic_file(&mut self, file: TrafficFile) {
        let path = &file.path;
        let scenario = self.scenario.with_imported_traffic(&file.imported);
        if let Err(e) = scenario.validate() {
            return self.error(format!(
                "Traffic not imported: {}: the scenario would not accept it: {e}",
                path.display()
            ));
        }
        let source = &file.imported.source;
        self.banner = Some(Banner {
            text: format!(
                "Imported the traffic of {}: {} requests, busiest {}/s",
                source.file_name,
                group(source.total_requests, 0),
                group(source.peak_rps, 1)
            ),
            error: false,
        });
        if scenario != self.scenario {
            self.push_undo();
            self.last_edit_s = f64::NEG_INFINITY;
            self.set_scenario(scenario);
        }
        self.traffic_file = Some(file);
    }

    /// The imported file the traffic still comes from: none once the points were edited,
    /// replaced or the import undone (and again after a redo).
    pub fn traffic_file(&self) -> Option<&TrafficFile> {
        self.traffic_file
            .as_ref()
            .filter(|file| file.is_current(&self.scenario.traffic))
    }

    /// Asks which series of a file to import, while one is waiting.
    pub(super) fn series_picker_ui(&mut self, ctx: &egui::Context) {
        let Some(picker) = &self.series_picker else {
            return;
        };
        let name = file_name(&picker.path);
        let mut open = true;
        let mut cancelled = false;
        let mut chosen = None;
        egui::Window::new("Which series?")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{name} holds {} series. Pick the one that counts requests:",
                    picker.choices.len()
                ));
                ui.add_space(8.0);
                for choice in &picker.choices {
                    if ui
                        .button(choice)
                        .on_hover_text("Import this series' requests as the traffic")
                        .clicked()
                    {
                        chosen = Some(choice.clone());
                    }
                }
                ui.add_space(8.0);
                cancelled = ui.button("Cancel").clicked();
            });
        if let Some(series) = chosen {
            let options = ImportOptions {
                series: Some(series),
                ..picker.options.clone()
            };
            self.commands
                .push(Command::ImportTraffic(picker.path.clone(), options));
            self.series_picker = None;
        } else if !open || cancelled || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.series_picker = None;
        }
    }
}

/// Whether a dropped file is a preset (by its extension); anything else is read as traffic.
pub(super) fn is_preset(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}
