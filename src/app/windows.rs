//! Windows over the views: keyboard-shortcut help, the unsaved-changes question, and the hint
//! shown while a file is dragged over the window (the traffic series picker is `traffic`'s).

use super::explorer::{ExplorerApp, Pending};
use super::traffic::is_preset;
use crate::command::Command;
use crate::ui::theme::Theme;

impl ExplorerApp {
    pub(super) fn help_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_help;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .spacing(egui::vec2(24.0, 8.0))
                    .striped(true)
                    .show(ui, |ui| {
                        for (keys, action) in Self::SHORTCUTS {
                            ui.label(egui::RichText::new(keys).strong().monospace());
                            ui.label(action);
                            ui.end_row();
                        }
                    });
            });
        self.show_help = open;
    }

    /// Asks before discarding unsaved changes (switching scenario or closing the window).
    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.is_modified()
            && self.screenshot.is_none()
            && !matches!(self.pending, Some(Pending::Close))
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
        }
        let Some(pending) = &self.pending else {
            return;
        };
        let question = match pending {
            Pending::Load(_, origin) => format!(
                "\"{}\" has unsaved changes. Discard them and open {origin}?",
                self.scenario.name
            ),
            Pending::Close => format!(
                "\"{}\" has unsaved changes. Quit without saving?",
                self.scenario.name
            ),
        };
        let mut choice = None;
        egui::Window::new("Unsaved changes")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(question);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Discard changes").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Save as…").clicked() {
                        self.commands.push(Command::SaveAsDialog);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(false);
                    }
                });
            });
        match (choice, self.pending.take()) {
            (Some(true), Some(Pending::Load(scenario, origin))) => {
                self.baseline = std::sync::Arc::new(self.scenario.clone());
                self.commands.push(Command::Load(scenario, origin));
            }
            (Some(true), Some(Pending::Close)) => {
                self.baseline = std::sync::Arc::new(self.scenario.clone());
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            (None, pending) => self.pending = pending,
            (Some(false), _) | (Some(true), None) => {}
        }
    }
}

/// While files are dragged over the window, says what dropping one does.
pub(super) fn drop_hint_ui(ctx: &egui::Context, theme: &Theme) {
    let paths: Vec<std::path::PathBuf> = ctx.input(|i| {
        i.raw
            .hovered_files
            .iter()
            .filter_map(|f| f.path.clone())
            .collect()
    });
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let text = match paths.first() {
        Some(path) => {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            if is_preset(path) {
                format!("Drop {name} to open it as the scenario")
            } else {
                format!("Drop {name} to import its requests as the traffic")
            }
        }
        None => "Drop a .ron preset to open it, or a traffic file to import it".to_owned(),
    };
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    painter.rect_filled(screen, 0.0, theme.background.gamma_multiply(0.85));
    painter.rect_stroke(
        screen.shrink(16.0),
        12.0,
        egui::Stroke::new(3.0, theme.highlight),
        egui::StrokeKind::Inside,
    );
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        text,
        theme.font(28.0),
        theme.strong_text,
    );
}
