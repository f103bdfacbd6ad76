//! Keyboard shortcuts that act on the whole window, and their list for the help window.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::explorer::ExplorerApp;
use crate::command::Command;
use crate::model::scenario::HostingModel;

impl ExplorerApp {
    /// Keyboard shortcuts that act on the whole window.
    pub(super) fn handle_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        ctx.input_mut(|input| {
            let mut on = |m: Modifiers, k: Key, command: Command| {
                if input.consume_shortcut(&shortcut(m, k)) {
                    self.commands.push(command);
                }
            };
            on(Modifiers::COMMAND, Key::O, Command::OpenDialog);
            on(Modifiers::COMMAND, Key::I, Command::ImportTrafficDialog);
            on(shift_command, Key::S, Command::SaveAsDialog);
            on(Modifiers::COMMAND, Key::S, Command::Save);
            on(shift_command, Key::Z, Command::Redo);
            on(Modifiers::COMMAND, Key::Y, Command::Redo);
            on(Modifiers::COMMAND, Key::E, Command::ExportViewDialog);
            on(Modifiers::NONE, Key::F5, Command::TogglePresentation);
            if !typing {
                on(Modifiers::COMMAND, Key::Z, Command::Undo);
            }
            if input.consume_key(Modifiers::NONE, Key::F11) {
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            if input.consume_key(Modifiers::NONE, Key::F1) {
                self.show_help = !self.show_help;
            }
            if typing {
                return;
            }
            if input.consume_key(Modifiers::SHIFT, Key::Questionmark)
                || input.consume_key(Modifiers::NONE, Key::Questionmark)
            {
                self.show_help = !self.show_help;
            }
            // While a window is open, Escape closes it and the view's keys wait, so nothing
            // changes behind it.
            if self.window_open() {
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    self.close_windows();
                }
                return;
            }
            if input.consume_key(Modifiers::NONE, Key::Escape) {
                if self.tour.is_some() {
                    self.commands.push(Command::EndTour);
                } else if self.settings.presentation {
                    self.commands.push(Command::TogglePresentation);
                }
            }
            for (key, model) in [Key::Num1, Key::Num2, Key::Num3, Key::Num4]
                .into_iter()
                .zip(HostingModel::ALL)
            {
                if input.consume_key(Modifiers::NONE, key) {
                    self.commands.push(Command::FocusModel(model));
                }
            }
            let (back, forward) = match self.tour {
                Some(step) => (
                    Command::TourStep(step.saturating_sub(1)),
                    Command::TourStep(step + 1),
                ),
                None => (Command::StepPreset(-1), Command::StepPreset(1)),
            };
            if input.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                self.commands.push(back);
            }
            if input.consume_key(Modifiers::NONE, Key::ArrowRight) {
                self.commands.push(forward);
            }
        });
    }

    /// Whether a window (help, a confirmation, a picker) is open over the views.
    fn window_open(&self) -> bool {
        self.show_help
            || self.pending.is_some()
            || self.series_picker.is_some()
            || self.price_list_picker.is_some()
            || self.path_prompt.is_some()
    }

    /// Closes every window over the views; a confirmation closes as if cancelled.
    fn close_windows(&mut self) {
        self.show_help = false;
        self.pending = None;
        self.series_picker = None;
        self.price_list_picker = None;
        self.path_prompt = None;
    }

    /// The keyboard shortcuts, for the help window.
    pub const SHORTCUTS: [(&'static str, &'static str); 17] = [
        (
            "1 – 4",
            "Switch hosting model: on-premises, VMs, containers, serverless",
        ),
        ("Space", "Play or pause the scaling animation"),
        ("← / →", "Previous or next preset"),
        ("F5", "Presentation mode on or off (Esc also leaves it)"),
        ("F11", "Fullscreen"),
        ("Ctrl + / Ctrl − / Ctrl 0", "Zoom in, out, reset"),
        ("Ctrl O", "Open a preset"),
        ("Ctrl I", "Import traffic from a file"),
        (
            "Ctrl S",
            "Save (asks for a file when the preset is built in)",
        ),
        ("Ctrl Shift S", "Save as"),
        ("Ctrl Z", "Undo"),
        ("Ctrl Shift Z / Ctrl Y", "Redo"),
        ("Ctrl E", "Export the current view as PNG (2×)"),
        ("F1 or ?", "This help"),
        ("Tab", "Move between controls"),
        ("Enter / Space", "Press the focused button"),
        ("Mouse wheel", "Scroll; Ctrl + wheel zooms timelines"),
    ];
}
