//! One frame of the window, in order: theme and keys, the bars, the editor and the current
//! view, the windows over them, then the commands pushed during the frame.

use super::explorer::ExplorerApp;
use super::windows::drop_hint_ui;
use crate::ui::view::view_ui;

impl ExplorerApp {
    /// Draws the whole window: top bar, status bar, editor and the current view.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let theme = self.theme(&ctx);
        theme.apply(&ctx);
        // Results that arrived since the last frame are drawn in this one.
        self.sync_results(&ctx);
        self.handle_keys(&ctx);

        egui::Panel::top("top_bar")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| self.top_bar_ui(ui, &theme));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, &theme));
        if let Some(step) = self.tour {
            egui::Panel::bottom("tour")
                .frame(
                    egui::Frame::side_top_panel(ui.style())
                        .inner_margin(egui::Margin::symmetric(16, 10)),
                )
                .show(ui, |ui| {
                    crate::ui::tour::tour_ui(ui, step, &theme, &mut self.commands);
                });
        }
        if self.settings.show_editor {
            // The editor's rows (a label and a value box) need this width: narrower, egui lets
            // them run past the panel and gives the view the width they overflow by, so the
            // view's right part was drawn under the editor (projector theme at 1024×768).
            let editor_width = 360.0 * theme.text_scale;
            egui::Panel::right("editor")
                .resizable(true)
                .default_size(editor_width)
                // The view keeps at least about two thirds of a laptop screen.
                .size_range(editor_width..=(ui.available_width() * 0.36).max(editor_width))
                .show(ui, |ui| {
                    let traffic_file = self
                        .traffic_file
                        .as_ref()
                        .filter(|file| file.is_current(&self.scenario.traffic));
                    self.settings.editor.ui(
                        ui,
                        &self.scenario,
                        traffic_file,
                        self.settings.view,
                        &theme,
                        &mut self.commands,
                    );
                });
        }
        let view = self.settings.view;
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(16)))
            .show(ui, |ui| {
                view_ui(
                    ui,
                    view,
                    &mut self.settings.views,
                    (&self.scenario, &self.derived),
                    &theme,
                    &mut self.commands,
                    true,
                );
                self.updating_ui(ui, &theme);
            });

        self.help_ui(&ctx);
        self.confirm_ui(&ctx);
        self.series_picker_ui(&ctx);
        self.price_list_picker_ui(&ctx);
        self.path_prompt_ui(&ctx);
        drop_hint_ui(&ctx, &theme);
        self.handle_drops_and_paste(&ctx);
        self.apply_commands(&ctx);
        // An edit's results are computed now (tests) or asked of the worker (the window).
        self.sync_results(&ctx);
        self.drive_screenshot(&ctx);
    }
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            // Wherever the display's pointer happens to be, a screenshot shows no hover state.
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                )
            });
        }
    }

    /// egui's own memory (scroll offsets, open headers, window positions) is not kept between
    /// runs: a fresh start shows the top of each view. What should last is in the settings.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}
