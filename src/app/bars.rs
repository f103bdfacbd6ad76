//! The bars around the views: the top bar (preset picker, File menu, undo and redo, view tabs,
//! View menu, presentation and tour buttons, the banner) and the status bar.

use super::explorer::ExplorerApp;
use crate::command::{Command, ViewId};
use crate::model::origin::Origin;
use crate::model::scenario::HostingModel;
use crate::presets;
use crate::ui::theme::{Theme, ThemeChoice};

impl ExplorerApp {
    /// The top bar: title, preset picker, file buttons, view tabs and theme.
    #[expect(
        clippy::too_many_lines,
        reason = "the top bar is one row of widgets in reading order"
    )]
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            let presentation = self.settings.presentation;
            if presentation {
                // The title takes the row's width less the tools' (as wide as in the last frame),
                // shortened to fit with the whole on hover, so a long title never pushes the
                // buttons to another row and they stay where the presenter expects them.
                // The view's tab is highlighted beside it, so a narrow window (a projector at
                // 1024×768) drops the view's name, and then the size, before cutting the preset's.
                let full = format!("{}: {}", self.settings.view.label(), self.scenario.name);
                let spacing = ui.spacing().item_spacing.x;
                let room = (ui.available_width() - self.tools_width - 2.0 * spacing).max(160.0);
                let size_of = |text: &str, size: f32| {
                    let font = theme.font(size);
                    ui.painter()
                        .layout_no_wrap(text.to_owned(), font, theme.strong_text)
                        .size()
                };
                let width_of = |text: &str, size: f32| size_of(text, size).x;
                // The row keeps the large title's height whichever size it takes, so the
                // buttons beside it never move up or down.
                let row_h = size_of(&full, 26.0).y;
                let (title, size) = if width_of(&full, 26.0) <= room {
                    (full.clone(), 26.0)
                } else if width_of(&self.scenario.name, 26.0) <= room {
                    (self.scenario.name.clone(), 26.0)
                } else {
                    (self.scenario.name.clone(), 20.0)
                };
                let centred = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(egui::vec2(room, row_h), centred, |ui| {
                    ui.set_min_size(egui::vec2(room, row_h));
                    ui.add(
                        egui::Label::new(egui::RichText::new(&title).font(theme.font(size)).strong())
                            .truncate(),
                    )
                    .on_hover_text(&full);
                });
            } else {
                // The window title already names the app; a narrow window keeps the room for tools.
                if ui.ctx().content_rect().width() > 1500.0 {
                    ui.label(
                        egui::RichText::new("Serverless Explorer")
                            .heading()
                            .strong(),
                    );
                    ui.separator();
                }
                self.preset_picker_ui(ui);
                // Its room is kept while the scenario is unmodified, so the buttons after it
                // never move.
                ui.add_visible(
                    self.is_modified(),
                    egui::Label::new(egui::RichText::new("(modified)").color(theme.weak_text)),
                )
                .on_hover_text("The scenario differs from its preset or file");
                self.file_menu_ui(ui);
                let undo = ui
                    .add_enabled(!self.undo.is_empty(), egui::Button::new("Undo"))
                    .on_hover_text("Undo the last change (Ctrl+Z)");
                if undo.clicked() {
                    self.commands.push(Command::Undo);
                }
                let redo = ui
                    .add_enabled(!self.redo.is_empty(), egui::Button::new("Redo"))
                    .on_hover_text("Redo (Ctrl+Shift+Z)");
                if redo.clicked() {
                    self.commands.push(Command::Redo);
                }
            }
            // The tabs and buttons as one group, so they wrap together and their width is known.
            let tools = ui
                .horizontal(|ui| {
                ui.separator();
                for view in ViewId::ALL {
                    if ui
                        .selectable_label(self.settings.view == view, view.label())
                        .clicked()
                    {
                        self.commands.push(Command::ShowView(view));
                    }
                }
                ui.separator();
                if !self.settings.presentation {
                    ui.menu_button("View", |ui| {
                        ui.label(egui::RichText::new("Theme").strong());
                        for choice in ThemeChoice::ALL {
                            ui.radio_value(&mut self.settings.theme, choice, choice.label());
                        }
                        ui.separator();
                        ui.checkbox(&mut self.settings.show_editor, "Scenario editor");
                        ui.label(
                            egui::RichText::new("Zoom: Ctrl + / Ctrl − / Ctrl 0")
                                .color(theme.weak_text),
                        );
                        if ui
                            .button("Keyboard shortcuts")
                            .on_hover_text("F1")
                            .clicked()
                        {
                            self.commands.push(Command::ToggleHelp);
                            ui.close();
                        }
                    });
                }
                let present = if self.settings.presentation {
                    "Leave presentation"
                } else {
                    "Present"
                };
                if ui
                    .button(present)
                    .on_hover_text("Presentation mode: large type, projector theme, editor hidden (F5)")
                    .clicked()
                {
                    self.commands.push(Command::TogglePresentation);
                }
                if self.tour.is_none()
                    && ui
                        .button("Guided tour")
                        .on_hover_text(
                            "Walk through the lesson step by step (the left and right arrow keys move)",
                        )
                        .clicked()
                {
                    self.commands.push(Command::TourStep(0));
                }
                })
                .response
                .rect
                .width();
            if presentation {
                self.tools_width = tools;
            }
        });
        if let Some(banner) = self.banner.clone() {
            let color = if banner.error {
                theme.dropped
            } else {
                theme.model(HostingModel::Containers)
            };
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(&banner.text).color(color).strong());
                if ui.small_button("Dismiss").clicked() {
                    self.banner = None;
                }
            });
        }
    }

    pub(super) fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("File", |ui| {
            let items: [(&str, &str, Command); 12] = [
                ("Open…", "Ctrl+O", Command::OpenDialog),
                (
                    "Import traffic…",
                    "Replace the traffic with a file's requests: a CloudWatch or timestamp CSV, \
                     a combined access log, or AWS CLI get-metric-data / get-metric-statistics \
                     JSON (Ctrl+I, or drop the file on the window)",
                    Command::ImportTrafficDialog,
                ),
                (
                    "Import AWS price list…",
                    "Price the scenario from AWS's own price list files (offer files such as \
                     AWSLambda or AmazonEC2 for one region, and Savings Plans files): every rate \
                     they have, the others kept",
                    Command::ImportPriceListDialog,
                ),
                ("Save", "Ctrl+S", Command::Save),
                ("Save as…", "Ctrl+Shift+S", Command::SaveAsDialog),
                (
                    "Revert to preset",
                    "Undo every change since it was opened",
                    Command::Revert,
                ),
                (
                    "Export view as PNG…",
                    "The current view at 2× (Ctrl+E)",
                    Command::ExportViewDialog,
                ),
                (
                    "Export window as PNG…",
                    "The whole window as on screen",
                    Command::ExportWindowDialog,
                ),
                (
                    "Copy image",
                    "The current view at 2×, to the clipboard",
                    Command::CopyImage,
                ),
                (
                    "Copy preset",
                    "The scenario as RON text, to share",
                    Command::CopyPreset,
                ),
                (
                    "Paste preset",
                    "Open RON text from the clipboard (or press Ctrl+V)",
                    Command::PastePreset,
                ),
                ("Keyboard shortcuts", "F1", Command::ToggleHelp),
            ];
            for (label, hint, command) in items {
                let enabled = !matches!(command, Command::Revert) || self.is_modified();
                if ui
                    .add_enabled(enabled, egui::Button::new(label))
                    .on_hover_text(hint)
                    .clicked()
                {
                    self.commands.push(command);
                    ui.close();
                }
                if label == "Open…" {
                    self.recent_menu_ui(ui);
                }
            }
        });
    }

    /// The "Open recent" submenu: files opened or saved lately, and a way to forget them.
    pub(super) fn recent_menu_ui(&mut self, ui: &mut egui::Ui) {
        if self.settings.recent.is_empty() {
            ui.add_enabled(false, egui::Button::new("Open recent"))
                .on_disabled_hover_text("Preset files you open or save will be listed here");
            return;
        }
        ui.menu_button("Open recent", |ui| {
            let mut chosen = None;
            for path in &self.settings.recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    chosen = Some(path.clone());
                }
            }
            ui.separator();
            if ui
                .button("Clear recent files")
                .on_hover_text("Forget this list (the files themselves are not touched)")
                .clicked()
            {
                self.settings.recent.clear();
                ui.close();
            }
            if let Some(path) = chosen {
                self.open_recent(&path);
                ui.close();
            }
        });
    }

    pub(super) fn preset_picker_ui(&mut self, ui: &mut egui::Ui) {
        let current = self.scenario.name.clone();
        egui::ComboBox::from_label("Preset")
            .selected_text(current)
            .width(230.0)
            .show_ui(ui, |ui| {
                for (builtin, scenario) in presets::all_built_ins() {
                    let selected = self.origin == Origin::BuiltIn(builtin.id.to_owned());
                    if ui
                        .selectable_label(selected, &scenario.name)
                        .on_hover_text(&scenario.description)
                        .clicked()
                    {
                        self.commands.push(Command::Load(
                            Box::new(scenario),
                            Origin::BuiltIn(builtin.id.to_owned()),
                        ));
                    }
                }
            });
    }

    /// The status bar: where the scenario and its rates come from.
    pub(super) fn status_bar_ui(&self, ui: &mut egui::Ui, theme: &Theme) {
        // One row: on a narrow window the last part is shortened (whole on hover) rather than
        // wrapped to a second line.
        ui.horizontal(|ui| {
            // The file name only: the full path is long and differs from machine to machine.
            let short = match &self.origin {
                Origin::File(path) => path.file_name().map_or_else(
                    || self.origin.to_string(),
                    |name| name.to_string_lossy().into_owned(),
                ),
                other => other.to_string(),
            };
            ui.label(egui::RichText::new(format!("Scenario: {short}")).color(theme.weak_text))
                .on_hover_text(self.origin.to_string());
            ui.separator();
            ui.label(
                egui::RichText::new(format!(
                    "{}, rates as of {}",
                    self.scenario.rates.region, self.scenario.rates.as_of
                ))
                .color(theme.weak_text),
            )
            .on_hover_text(&self.scenario.rates.source);
            ui.separator();
            let bought = if self.scenario.buys_ahead() {
                "Prices: USD, Savings Plans or Spot where chosen"
            } else {
                "Prices: USD, on demand"
            };
            ui.add(egui::Label::new(egui::RichText::new(bought).color(theme.weak_text)).truncate());
            if self.is_updating() {
                ui.separator();
                ui.label(egui::RichText::new("Updating results…").color(theme.weak_text))
                    .on_hover_text(
                        "The views show the results of the scenario as it was a moment ago \
                         until the new ones are computed",
                    );
            }
        });
    }
}
