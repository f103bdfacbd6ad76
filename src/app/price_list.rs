//! AWS price list files in: File → Import AWS price list… picks the offer files, a small window
//! asks for the region (the rates' own by default), and the scenario is priced from them as one
//! undoable edit; the status bar then names the region and the files' date.

use std::path::PathBuf;

use super::explorer::{Banner, ExplorerApp, PriceListPicker};
use crate::command::{Command, PathAction};
use crate::model::format::file_name;
use crate::model::rates_from_files::price_from_files;
use crate::model::scenario::BUILT_IN_REGIONS;

impl ExplorerApp {
    /// Picks offer files in a native dialog, then asks for their region.
    pub(super) fn import_price_list_dialog(&mut self) {
        let dialog = rfd::FileDialog::new()
            .set_title("Import AWS price list")
            .add_filter("AWS Price List offer files (JSON)", &["json"])
            .add_filter("Any file", &["*"]);
        if let Some(paths) = self.dialog(PathAction::ImportPriceList, "", || dialog.pick_files()) {
            self.ask_price_list_region(paths);
        }
    }

    /// Asks for the region of the chosen offer files (the rates' own to begin with).
    pub(super) fn ask_price_list_region(&mut self, paths: Vec<PathBuf>) {
        self.price_list_picker = Some(PriceListPicker {
            paths,
            region: self.scenario.rates.region.clone(),
        });
    }

    /// Prices the scenario from offer files for `region`, as one undoable edit. A refused file
    /// changes nothing but the banner.
    pub fn import_price_list(&mut self, paths: &[PathBuf], region: &str) {
        let priced = match price_from_files(&self.scenario, paths, region) {
            Ok(priced) => priced,
            Err(e) => return self.error(format!("Price list not imported: {e}")),
        };
        let rates = &priced.scenario.rates;
        let kept = if priced.applied.not_in_files.is_empty() {
            String::new()
        } else {
            format!(
                "; {} not in the files, kept",
                priced.applied.not_in_files.len()
            )
        };
        self.banner = Some(Banner {
            text: format!(
                "Priced from {} price list file{}: {}, rates as of {} ({} rates from the files{kept})",
                priced.list.files.len(),
                if priced.list.files.len() == 1 {
                    ""
                } else {
                    "s"
                },
                rates.region,
                rates.as_of,
                priced.applied.from_files.len()
            ),
            error: false,
        });
        if priced.scenario != self.scenario {
            self.push_undo();
            self.last_edit_s = f64::NEG_INFINITY;
            self.set_scenario(priced.scenario);
        }
    }

    /// Asks for the region of the chosen offer files, while some are waiting.
    pub(super) fn price_list_picker_ui(&mut self, ctx: &egui::Context) {
        let Some(picker) = &mut self.price_list_picker else {
            return;
        };
        let mut open = true;
        let mut cancelled = false;
        let mut import = false;
        egui::Window::new("Import AWS price list")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{} offer file{} chosen:",
                    picker.paths.len(),
                    if picker.paths.len() == 1 { "" } else { "s" }
                ));
                for path in &picker.paths {
                    ui.label(file_name(path));
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    ui.label("Region").on_hover_text(
                        "The AWS region code whose prices to read from the files, e.g. \
                         eu-west-1; a per-region offer file holds one",
                    );
                    ui.add(egui::TextEdit::singleline(&mut picker.region).desired_width(140.0))
                        .accessible_name("Price list region");
                    egui::ComboBox::from_id_salt("price_list_regions")
                        .selected_text("Pick")
                        .show_ui(ui, |ui| {
                            for b in BUILT_IN_REGIONS {
                                if ui
                                    .selectable_label(
                                        picker.region == b.code,
                                        format!("{} {}", b.code, b.name),
                                    )
                                    .clicked()
                                {
                                    b.code.clone_into(&mut picker.region);
                                }
                            }
                        })
                        .response
                        .accessible_name("Built-in regions")
                        .on_hover_text("Pick one of the regions the app knows by name");
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    import = ui
                        .button("Import")
                        .on_hover_text(
                            "Price the scenario from these files: every rate they have, the \
                             others kept (one undoable edit)",
                        )
                        .clicked();
                    cancelled = ui.button("Cancel").clicked();
                });
            });
        if import {
            let (paths, region) = (picker.paths.clone(), picker.region.trim().to_owned());
            self.price_list_picker = None;
            self.commands.push(Command::ImportPriceList(paths, region));
        } else if !open || cancelled || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.price_list_picker = None;
        }
    }
}
