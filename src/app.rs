//! The eframe app: holds the scenario and the results derived from it, shows the top bar and the
//! current view, applies the commands views push, and persists settings between runs.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::command::{Command, ViewId};
use crate::derived::Derived;
use crate::model::format::slug;
use crate::model::origin::Origin;
use crate::model::scenario::{HostingModel, Scenario};
use crate::presets;
use crate::render::{self, Offscreen};
use crate::ui::HoverTip;
use crate::ui::editor::EditorPanel;
use crate::ui::theme::{Theme, ThemeChoice, ThemeKind};
use crate::ui::view::{Views, slide_ui, view_ui};

/// Settings persisted between runs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark, projector or follow the system.
    pub theme: ThemeChoice,
    /// The view shown.
    pub view: ViewId,
    /// State of the four views.
    pub views: Views,
    /// State of the scenario editor.
    pub editor: EditorPanel,
    /// Whether the scenario editor is shown.
    pub show_editor: bool,
    /// The preset or file open when the app was last closed.
    pub last_origin: Option<Origin>,
    /// Preset files opened or saved lately, the latest first (at most [`RECENT_FILES`]).
    pub recent: Vec<PathBuf>,
    /// Whether presentation mode is on (runtime only: the app always starts in the normal layout).
    #[serde(skip)]
    pub presentation: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            view: ViewId::Stack,
            views: Views::default(),
            editor: EditorPanel::default(),
            show_editor: true,
            last_origin: None,
            recent: Vec::new(),
            presentation: false,
        }
    }
}

/// How many files "Open recent" lists.
pub const RECENT_FILES: usize = 8;

impl Settings {
    /// Puts `path` first in the recent files, once, dropping the oldest beyond [`RECENT_FILES`].
    pub fn remember_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_FILES);
    }
}

/// How the window was started.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A preset to open instead of the last one.
    pub scenario: Option<(Origin, Scenario)>,
    /// Write a PNG of the first settled frame here, then exit.
    pub screenshot: Option<PathBuf>,
    /// Ignore persisted settings (screenshots and tests start from defaults).
    pub fresh: bool,
    /// The view to show first.
    pub view: Option<ViewId>,
    /// A theme to force.
    pub theme: Option<ThemeKind>,
    /// Start in presentation mode, as if F5 were pressed.
    pub present: bool,
    /// Where the screenshot mode leaves its exit code (0, or 1 if the PNG could not be written).
    pub exit_code: Arc<Mutex<i32>>,
}

/// A message shown under the top bar until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    /// The text.
    pub text: String,
    /// Whether it is an error (else a confirmation).
    pub error: bool,
}

/// An action that would discard unsaved changes, waiting for confirmation.
#[derive(Debug)]
pub enum Pending {
    /// Switch to another scenario.
    Load(Box<Scenario>, Origin),
    /// Close the window.
    Close,
}

/// Outcome of the `--screenshot` mode, shared with the screenshot callback.
type ScreenshotSlot = Arc<Mutex<Option<Result<(), String>>>>;

/// State of the `--screenshot` mode.
struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: ScreenshotSlot,
}

/// Frames rendered before the screenshot is taken, so fonts and layout settle (egui sizes some
/// containers in a first pass). Four suffice: the PNGs of every view after 4 and after 12 frames
/// are byte for byte the same.
const SETTLE_FRAMES: u32 = 4;

/// The application.
pub struct ExplorerApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The scenario every view is computed from.
    pub scenario: Scenario,
    /// Where the scenario came from.
    pub origin: Origin,
    /// Results derived from the scenario, recomputed only when it changes.
    pub derived: Derived,
    /// The error or confirmation shown under the top bar.
    pub banner: Option<Banner>,
    exit_code: Arc<Mutex<i32>>,
    /// The scenario as its preset or file has it, to show "modified" and to revert.
    pub baseline: Scenario,
    /// Earlier scenarios, most recent last.
    pub undo: Vec<Scenario>,
    /// Undone scenarios, most recent last.
    pub redo: Vec<Scenario>,
    /// Whether the keyboard-shortcut help is open.
    pub show_help: bool,
    /// The guided tour's current step, while it runs.
    pub tour: Option<usize>,
    /// An action waiting for the user to confirm discarding unsaved changes.
    pub pending: Option<Pending>,
    last_edit_s: f64,
    before_presentation: Option<(bool, ThemeChoice)>,
    forced_theme: Option<ThemeKind>,
    screenshot: Option<ScreenshotJob>,
    window_shot: Option<(PathBuf, ScreenshotSlot)>,
    offscreen: Option<Offscreen>,
    device: Option<(eframe::wgpu::Device, eframe::wgpu::Queue)>,
    commands: Vec<Command>,
}

/// Edits closer together than this (seconds) are undone as one step, so a slider drag is one step.
const UNDO_COALESCE_S: f64 = 1.0;

/// Most undo steps kept.
const UNDO_LIMIT: usize = 200;

impl ExplorerApp {
    /// Creates the app, restoring settings unless `options.fresh`.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings: Settings = if options.fresh {
            Settings::default()
        } else {
            cc.storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default()
        };
        let present = options.present;
        let mut app = Self::with_settings(settings, options);
        if present {
            // Applied at the end of the first frame, as the F5 key would be.
            app.commands.push(Command::TogglePresentation);
        }
        app.device = cc
            .wgpu_render_state
            .as_ref()
            .map(|state| (state.device.clone(), state.queue.clone()));
        app
    }

    /// Creates the app from explicit settings (used by `new` and by tests).
    pub fn with_settings(mut settings: Settings, options: StartOptions) -> Self {
        let (origin, scenario) = options
            .scenario
            .or_else(|| restore_origin(settings.last_origin.as_ref()))
            .unwrap_or_else(presets::default_scenario);
        if let Some(view) = options.view {
            settings.view = view;
        }
        let derived = Derived::compute(&scenario);
        Self {
            settings,
            baseline: scenario.clone(),
            scenario,
            origin,
            derived,
            banner: None,
            undo: Vec::new(),
            redo: Vec::new(),
            show_help: false,
            tour: None,
            pending: None,
            last_edit_s: f64::NEG_INFINITY,
            before_presentation: None,
            window_shot: None,
            offscreen: None,
            device: None,
            exit_code: options.exit_code,
            forced_theme: options.theme,
            screenshot: options.screenshot.map(|path| ScreenshotJob {
                path,
                frames: 0,
                requested: false,
                result: Arc::new(Mutex::new(None)),
            }),
            commands: Vec::new(),
        }
    }

    /// Queues a command, as a view would (used by tests and the tour).
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The theme in force this frame.
    pub fn theme(&self, ctx: &egui::Context) -> Theme {
        let kind = self.forced_theme.unwrap_or(match self.settings.theme {
            ThemeChoice::Light => ThemeKind::Light,
            ThemeChoice::Dark => ThemeKind::Dark,
            ThemeChoice::Projector => ThemeKind::Projector,
            ThemeChoice::System => match ctx.system_theme() {
                Some(egui::Theme::Dark) => ThemeKind::Dark,
                _ => ThemeKind::Light,
            },
        });
        Theme::new(kind)
    }

    /// Replaces the scenario and recomputes what derives from it.
    fn set_scenario(&mut self, scenario: Scenario) {
        if scenario != self.scenario {
            self.derived = Derived::compute(&scenario);
            self.scenario = scenario;
        }
    }

    /// Applies the commands pushed this frame.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per command reads better than the commands split over helpers"
    )]
    fn apply_commands(&mut self, ctx: &egui::Context) {
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
                    self.baseline = (*scenario).clone();
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
                        let current = std::mem::replace(&mut self.scenario, previous);
                        self.redo.push(current);
                        self.derived = Derived::compute(&self.scenario);
                        self.last_edit_s = f64::NEG_INFINITY;
                    }
                }
                Command::Redo => {
                    if let Some(next) = self.redo.pop() {
                        let current = std::mem::replace(&mut self.scenario, next);
                        self.undo.push(current);
                        self.derived = Derived::compute(&self.scenario);
                        self.last_edit_s = f64::NEG_INFINITY;
                    }
                }
                Command::Revert => {
                    if self.scenario != self.baseline {
                        self.push_undo();
                        let baseline = self.baseline.clone();
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
    fn handle_drops_and_paste(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.open_file(path);
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

    /// Asks before discarding unsaved changes (switching scenario or closing the window).
    fn confirm_ui(&mut self, ctx: &egui::Context) {
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
                self.baseline = self.scenario.clone();
                self.commands.push(Command::Load(scenario, origin));
            }
            (Some(true), Some(Pending::Close)) => {
                self.baseline = self.scenario.clone();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            (None, pending) => self.pending = pending,
            (Some(false), _) | (Some(true), None) => {}
        }
    }

    /// Shows a step of the guided tour: its preset, its view and its stack setup.
    fn go_to_tour_step(&mut self, index: usize) {
        let Some(step) = crate::ui::tour::STEPS.get(index) else {
            return;
        };
        self.tour = Some(index);
        if let Some((builtin, scenario)) = presets::built_in(step.preset) {
            let origin = Origin::BuiltIn(builtin.id.to_owned());
            if self.origin != origin || self.scenario != scenario {
                self.push_undo();
                self.baseline = scenario.clone();
                self.set_scenario(scenario);
                self.settings.last_origin = Some(origin.clone());
                self.origin = origin;
            }
        }
        self.settings.view = step.view;
        if let Some((mode, primary, secondary)) = step.stack {
            self.settings.views.stack.mode = mode;
            self.settings.views.stack.primary = primary;
            self.settings.views.stack.secondary = secondary;
        }
    }

    /// Remembers the current scenario for undo (a new edit clears redo).
    fn push_undo(&mut self) {
        self.undo.push(self.scenario.clone());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Whether the scenario differs from its preset or file.
    pub fn is_modified(&self) -> bool {
        self.scenario != self.baseline
    }

    /// Enters presentation mode (projector theme, no editor) or restores the previous layout.
    fn toggle_presentation(&mut self) {
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
    fn step_preset(&mut self, delta: i32) {
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

    /// Renders the current view as a slide at 2× the window's layout size, in the state the
    /// user left it (the playhead where it is), with the theme on screen.
    fn render_current_view(&mut self, ctx: &egui::Context) -> Result<egui::ColorImage, String> {
        if self.offscreen.is_none() {
            self.offscreen = Some(match self.device.clone() {
                Some((device, queue)) => Offscreen::with_device(device, queue),
                None => Offscreen::new().map_err(|e| e.to_string())?,
            });
        }
        let theme = self.theme(ctx);
        let Some(renderer) = self.offscreen.as_mut() else {
            return Err("no renderer".to_owned());
        };
        let view = self.settings.view;
        let mut views = self.settings.views.clone();
        let data = (&self.scenario, &self.derived);
        render::render_frames(renderer, ctx.content_rect().size(), 2.0, |ui| {
            slide_ui(ui, view, &mut views, data, &theme);
        })
        .map_err(|e| e.to_string())
    }

    fn export_view_dialog(&mut self, ctx: &egui::Context) {
        let suggested = format!(
            "{}-{}.png",
            slug(&self.scenario.name),
            self.settings.view.key()
        );
        let Some(path) = rfd::FileDialog::new()
            .set_title("Export view as PNG")
            .add_filter("PNG image", &["png"])
            .set_file_name(suggested)
            .save_file()
        else {
            return;
        };
        match self
            .render_current_view(ctx)
            .and_then(|image| render::save_png(&image, &path).map_err(|e| e.to_string()))
        {
            Ok(()) => {
                self.banner = Some(Banner {
                    text: format!("Exported {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.error(format!("Export PNG: {e}")),
        }
    }

    /// Saves the cost view's curves (every model's monthly cost at every volume on the chart) as
    /// CSV, to a file chosen in a native dialog.
    fn export_curves_dialog(&mut self) {
        let suggested = format!("{}-cost-curves.csv", slug(&self.scenario.name));
        let Some(path) = rfd::FileDialog::new()
            .set_title("Export curve data as CSV")
            .add_filter("CSV", &["csv"])
            .set_file_name(suggested)
            .save_file()
        else {
            return;
        };
        match presets::write_atomically(&path, self.derived.curves.to_csv().as_bytes()) {
            Ok(()) => {
                self.banner = Some(Banner {
                    text: format!("Exported curve data to {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.error(format!("Could not export curve data: {e}")),
        }
    }

    fn export_window_dialog(&mut self, ctx: &egui::Context) {
        let suggested = format!("{}-window.png", slug(&self.scenario.name));
        let Some(path) = rfd::FileDialog::new()
            .set_title("Export window as PNG")
            .add_filter("PNG image", &["png"])
            .set_file_name(suggested)
            .save_file()
        else {
            return;
        };
        let slot: ScreenshotSlot = Arc::new(Mutex::new(None));
        let callback_slot = Arc::clone(&slot);
        let callback_path = path.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let result = render::save_png(&image, &callback_path).map_err(|e| e.to_string());
            if let Ok(mut s) = callback_slot.lock() {
                *s = Some(result);
            }
            repaint.request_repaint();
        });
        self.window_shot = Some((path, slot));
    }

    /// Reports the outcome of a window export once its screenshot was written.
    fn finish_window_shot(&mut self) {
        let Some((path, slot)) = &self.window_shot else {
            return;
        };
        let outcome = slot.lock().ok().and_then(|mut s| s.take());
        let path = path.clone();
        match outcome {
            Some(Ok(())) => {
                self.window_shot = None;
                self.banner = Some(Banner {
                    text: format!("Exported {}", path.display()),
                    error: false,
                });
            }
            Some(Err(e)) => {
                self.window_shot = None;
                self.error(format!("Export PNG: {e}"));
            }
            None => {}
        }
    }

    fn error(&mut self, text: String) {
        log::warn!("{text}");
        self.banner = Some(Banner { text, error: true });
    }

    /// Opens a preset chosen in a native dialog.
    fn open_dialog(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .set_title("Open preset")
            .add_filter("Serverless Explorer preset", &["ron"])
            .pick_file()
        else {
            return;
        };
        self.open_file(&path);
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
    fn load_file(&mut self, path: &Path) -> Result<(), presets::PresetError> {
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
    fn save_as_dialog(&mut self) {
        let suggested = format!("{}.ron", slug(&self.scenario.name));
        let Some(path) = rfd::FileDialog::new()
            .set_title("Save preset as")
            .add_filter("Serverless Explorer preset", &["ron"])
            .set_file_name(suggested)
            .save_file()
        else {
            return;
        };
        self.save_to(&path);
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

    /// Keyboard shortcuts that act on the whole window.
    fn handle_keys(&mut self, ctx: &egui::Context) {
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

    /// The keyboard shortcuts, for the help window.
    pub const SHORTCUTS: [(&'static str, &'static str); 16] = [
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

    fn help_ui(&mut self, ctx: &egui::Context) {
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

    /// The top bar: title, preset picker, file buttons, view tabs and theme.
    #[expect(
        clippy::too_many_lines,
        reason = "the top bar is one row of widgets in reading order"
    )]
    fn top_bar_ui(&mut self, ui: &mut egui::Ui, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            if self.settings.presentation {
                ui.label(
                    egui::RichText::new(format!(
                        "{}: {}",
                        self.settings.view.label(),
                        self.scenario.name
                    ))
                    .font(theme.font(26.0))
                    .strong(),
                );
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
                if self.is_modified() {
                    ui.label(egui::RichText::new("(modified)").color(theme.weak_text))
                        .hover_tip("The scenario differs from its preset or file");
                }
                self.file_menu_ui(ui);
                let undo = ui
                    .add_enabled(!self.undo.is_empty(), egui::Button::new("Undo"))
                    .hover_tip("Undo the last change (Ctrl+Z)");
                if undo.clicked() {
                    self.commands.push(Command::Undo);
                }
                let redo = ui
                    .add_enabled(!self.redo.is_empty(), egui::Button::new("Redo"))
                    .hover_tip("Redo (Ctrl+Shift+Z)");
                if redo.clicked() {
                    self.commands.push(Command::Redo);
                }
            }
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
                    if ui.button("Keyboard shortcuts").hover_tip("F1").clicked() {
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
                .hover_tip("Presentation mode: large type, projector theme, editor hidden (F5)")
                .clicked()
            {
                self.commands.push(Command::TogglePresentation);
            }
            if self.tour.is_none()
                && ui
                    .button("Guided tour")
                    .hover_tip(
                        "Walk through the lesson step by step (the left and right arrow keys move)",
                    )
                    .clicked()
            {
                self.commands.push(Command::TourStep(0));
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

    fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("File", |ui| {
            let items: [(&str, &str, Command); 10] = [
                ("Open…", "Ctrl+O", Command::OpenDialog),
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
                    .hover_tip(hint)
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
    fn recent_menu_ui(&mut self, ui: &mut egui::Ui) {
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
                    .hover_tip(path.display().to_string())
                    .clicked()
                {
                    chosen = Some(path.clone());
                }
            }
            ui.separator();
            if ui
                .button("Clear recent files")
                .hover_tip("Forget this list (the files themselves are not touched)")
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

    fn preset_picker_ui(&mut self, ui: &mut egui::Ui) {
        let current = self.scenario.name.clone();
        egui::ComboBox::from_label("Preset")
            .selected_text(current)
            .width(230.0)
            .show_ui(ui, |ui| {
                for (builtin, scenario) in presets::all_built_ins() {
                    let selected = self.origin == Origin::BuiltIn(builtin.id.to_owned());
                    if ui
                        .selectable_label(selected, &scenario.name)
                        .hover_tip(&scenario.description)
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
    fn status_bar_ui(&self, ui: &mut egui::Ui, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            // The file name only: the full path is long and differs from machine to machine.
            let short = match &self.origin {
                Origin::File(path) => path.file_name().map_or_else(
                    || self.origin.to_string(),
                    |name| name.to_string_lossy().into_owned(),
                ),
                other => other.to_string(),
            };
            ui.label(egui::RichText::new(format!("Scenario: {short}")).color(theme.weak_text))
                .hover_tip(self.origin.to_string());
            ui.separator();
            ui.label(
                egui::RichText::new(format!("Rates as of {}", self.scenario.rates.as_of))
                    .color(theme.weak_text),
            )
            .hover_tip(&self.scenario.rates.source);
            ui.separator();
            ui.label(
                egui::RichText::new("Prices: USD, AWS us-east-1, on-demand").color(theme.weak_text),
            );
        });
    }

    /// Takes the `--screenshot` once the frame has settled, then closes the window.
    fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        job.frames += 1;
        let outcome = job.result.lock().ok().and_then(|mut slot| slot.take());
        if let Some(outcome) = outcome {
            if let Err(message) = outcome {
                eprintln!("{message}");
                if let Ok(mut code) = self.exit_code.lock() {
                    *code = 1;
                }
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !job.requested && job.frames >= SETTLE_FRAMES {
            job.requested = true;
            let path = job.path.clone();
            let slot = Arc::clone(&job.result);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result =
                    render::save_png(&image, &path).map_err(|e| format!("screenshot: {e}"));
                if let Ok(mut s) = slot.lock() {
                    *s = Some(result);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

/// While files are dragged over the window, says what dropping one does.
fn drop_hint_ui(ctx: &egui::Context, theme: &Theme) {
    let names: Vec<String> = ctx.input(|i| {
        i.raw
            .hovered_files
            .iter()
            .filter_map(|f| f.path.as_ref()?.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect()
    });
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let text = match names.first() {
        Some(name) => format!("Drop {name} to open it as the scenario"),
        None => "Drop a .ron preset file to open it as the scenario".to_owned(),
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

/// Reopens the preset or file that was open last time, if it still loads.
fn restore_origin(origin: Option<&Origin>) -> Option<(Origin, Scenario)> {
    match origin? {
        Origin::BuiltIn(id) => {
            presets::built_in(id).map(|(b, s)| (Origin::BuiltIn(b.id.to_owned()), s))
        }
        Origin::File(path) => presets::load(path)
            .ok()
            .map(|s| (Origin::File(path.clone()), s)),
        Origin::Clipboard => None,
    }
}

impl ExplorerApp {
    /// Draws the whole window: top bar, status bar, editor and the current view.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let theme = self.theme(&ctx);
        theme.apply(&ctx);
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
            egui::Panel::right("editor")
                .resizable(true)
                .default_size(360.0 * theme.text_scale)
                // The view keeps at least about two thirds of a laptop screen.
                .size_range(280.0..=(ui.available_width() * 0.36).max(300.0))
                .show(ui, |ui| {
                    self.settings.editor.ui(
                        ui,
                        &self.scenario,
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
            });

        self.help_ui(&ctx);
        self.confirm_ui(&ctx);
        drop_hint_ui(&ctx, &theme);
        self.handle_drops_and_paste(&ctx);
        self.apply_commands(&ctx);
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
