//! The eframe app: holds the scenario and the results derived from it, shows the top bar and the
//! current view, applies the commands views push, and persists settings between runs.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::derived::Derived;
use crate::model::scenario::{HostingModel, Scenario};
use crate::presets::{self, Origin};
use crate::ui::cold_start::ColdStartView;
use crate::ui::cost::CostView;
use crate::ui::editor::EditorPanel;
use crate::ui::scaling::ScalingView;
use crate::ui::stack::StackView;
use crate::ui::theme::{Theme, ThemeChoice, ThemeKind};

/// The views of the window, in tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ViewId {
    /// Who owns each layer.
    #[default]
    Stack,
    /// A traffic spike played through all four models.
    Scaling,
    /// Environments, init phases and latency.
    ColdStart,
    /// Monthly bills and break-even points.
    Cost,
}

impl ViewId {
    /// Every view, in tab order.
    pub const ALL: [Self; 4] = [Self::Stack, Self::Scaling, Self::ColdStart, Self::Cost];

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stack => "Who owns what",
            Self::Scaling => "Scaling",
            Self::ColdStart => "Cold starts",
            Self::Cost => "Cost",
        }
    }

    /// The name used on the command line (`--view stack`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Stack => "stack",
            Self::Scaling => "scaling",
            Self::ColdStart => "cold-start",
            Self::Cost => "cost",
        }
    }

    /// Parses a command-line view name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.key() == text)
    }
}

/// An action with app-wide effect, pushed by a view and applied once at the end of the frame.
#[derive(Debug)]
pub enum Command {
    /// Replace the scenario with an edited copy.
    SetScenario(Box<Scenario>),
    /// Switch to another scenario (a preset or a file).
    Load(Box<Scenario>, Origin),
    /// Ask for a preset file to open.
    OpenDialog,
    /// Ask where to save the scenario.
    SaveAsDialog,
    /// Show an error in the window.
    Error(String),
    /// Show a short confirmation in the window.
    Info(String),
    /// Show another view.
    ShowView(ViewId),
    /// Make a hosting model the focus of the views (keys 1–4).
    FocusModel(HostingModel),
}

/// Settings persisted between runs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark, projector or follow the system.
    pub theme: ThemeChoice,
    /// The view shown.
    pub view: ViewId,
    /// State of the stack view.
    pub stack: StackView,
    /// State of the scaling view.
    pub scaling: ScalingView,
    /// State of the cold-start view.
    pub cold_start: ColdStartView,
    /// State of the cost view.
    pub cost: CostView,
    /// State of the scenario editor.
    pub editor: EditorPanel,
    /// Whether the scenario editor is shown.
    pub show_editor: bool,
    /// The preset or file open when the app was last closed.
    pub last_origin: Option<Origin>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            view: ViewId::Stack,
            stack: StackView::default(),
            scaling: ScalingView::default(),
            cold_start: ColdStartView::default(),
            cost: CostView::default(),
            editor: EditorPanel::default(),
            show_editor: true,
            last_origin: None,
        }
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

/// Outcome of the `--screenshot` mode, shared with the screenshot callback.
type ScreenshotSlot = Arc<Mutex<Option<Result<(), String>>>>;

/// State of the `--screenshot` mode.
struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: ScreenshotSlot,
}

/// Frames rendered before the screenshot is taken, so fonts, layout and transitions settle.
const SETTLE_FRAMES: u32 = 12;

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
    forced_theme: Option<ThemeKind>,
    screenshot: Option<ScreenshotJob>,
    commands: Vec<Command>,
}

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
        Self::with_settings(settings, options)
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
            scenario,
            origin,
            derived,
            banner: None,
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
    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::SetScenario(scenario) => match scenario.validate() {
                    Ok(()) => self.set_scenario(*scenario),
                    Err(e) => self.error(format!("Not applied: {e}")),
                },
                Command::Load(scenario, origin) => {
                    self.set_scenario(*scenario);
                    self.settings.last_origin = Some(origin.clone());
                    self.origin = origin;
                }
                Command::OpenDialog => self.open_dialog(),
                Command::SaveAsDialog => self.save_as_dialog(),
                Command::Error(text) => self.error(text),
                Command::Info(text) => {
                    self.banner = Some(Banner { text, error: false });
                }
                Command::ShowView(view) => self.settings.view = view,
                Command::FocusModel(model) => self.settings.stack.primary = model,
            }
        }
        let _ = ctx;
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
        match presets::load(path) {
            Ok(scenario) => {
                self.commands.push(Command::Load(
                    Box::new(scenario),
                    Origin::File(path.to_owned()),
                ));
                self.banner = Some(Banner {
                    text: format!("Opened {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.error(e.to_string()),
        }
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
        ctx.input_mut(|input| {
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                self.commands.push(Command::OpenDialog);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )) {
                self.commands.push(Command::SaveAsDialog);
            }
            if typing {
                return;
            }
            for (key, model) in [Key::Num1, Key::Num2, Key::Num3, Key::Num4]
                .into_iter()
                .zip(HostingModel::ALL)
            {
                if input.consume_key(Modifiers::NONE, key) {
                    self.commands.push(Command::FocusModel(model));
                }
            }
        });
    }

    /// The top bar: title, preset picker, file buttons, view tabs and theme.
    fn top_bar_ui(&mut self, ui: &mut egui::Ui, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new("Serverless Explorer")
                    .heading()
                    .strong(),
            );
            ui.separator();
            self.preset_picker_ui(ui);
            if ui
                .button("Open…")
                .on_hover_text("Open a preset file (Ctrl+O)")
                .clicked()
            {
                self.commands.push(Command::OpenDialog);
            }
            if ui
                .button("Save as…")
                .on_hover_text("Save this scenario as a preset file (Ctrl+Shift+S)")
                .clicked()
            {
                self.commands.push(Command::SaveAsDialog);
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
            egui::ComboBox::from_id_salt("theme")
                .selected_text(format!("Theme: {}", self.settings.theme.label()))
                .show_ui(ui, |ui| {
                    for choice in ThemeChoice::ALL {
                        ui.selectable_value(&mut self.settings.theme, choice, choice.label());
                    }
                });
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

    fn preset_picker_ui(&mut self, ui: &mut egui::Ui) {
        let current = self.scenario.name.clone();
        egui::ComboBox::from_id_salt("preset")
            .selected_text(format!("Preset: {current}"))
            .width(280.0)
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
    fn status_bar_ui(&self, ui: &mut egui::Ui, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(format!("Scenario: {}", self.origin)).color(theme.weak_text),
            );
            ui.separator();
            ui.label(
                egui::RichText::new(format!("Rates as of {}", self.scenario.rates.as_of))
                    .color(theme.weak_text),
            )
            .on_hover_text(&self.scenario.rates.source);
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
                    crate::export::save_png(&image, &path).map_err(|e| format!("screenshot: {e}"));
                if let Ok(mut s) = slot.lock() {
                    *s = Some(result);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
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

/// A file-name-friendly version of a scenario name.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "preset".to_owned()
    } else {
        trimmed.to_owned()
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
        if self.settings.show_editor {
            egui::Panel::right("editor")
                .resizable(true)
                .default_size(360.0)
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
            .show(ui, |ui| self.view_ui(ui, view, &theme, true));

        self.apply_commands(&ctx);
        self.drive_screenshot(&ctx);
    }

    /// Puts the views in the state a slide should show: two stacks compared side by side.
    pub fn prepare_export(&mut self) {
        self.settings.stack.mode = crate::ui::stack::StackMode::Compare;
        self.settings.stack.primary = HostingModel::OnPrem;
        self.settings.stack.secondary = HostingModel::Lambda;
    }

    /// Draws one view alone under a title, filling the frame: used for PNG export.
    pub fn draw_view_only(&mut self, ui: &mut egui::Ui, view: ViewId) {
        let ctx = ui.ctx().clone();
        let theme = self.theme(&ctx);
        theme.apply(&ctx);
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(24)))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        egui::RichText::new(format!("{}: {}", view.label(), self.scenario.name))
                            .font(theme.font(28.0))
                            .strong(),
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(
                            egui::RichText::new(format!(
                                "Serverless Explorer · rates as of {} · USD, us-east-1",
                                self.scenario.rates.as_of
                            ))
                            .color(theme.weak_text),
                        );
                    });
                });
                ui.add_space(8.0);
                self.view_ui(ui, view, &theme, false);
            });
        // Views may push commands (none in export); they are dropped, not applied.
        self.commands.clear();
    }

    /// The body of one view; `controls` is false for exported slides.
    fn view_ui(&mut self, ui: &mut egui::Ui, view: ViewId, theme: &Theme, controls: bool) {
        let (scenario, derived, commands) = (&self.scenario, &self.derived, &mut self.commands);
        match view {
            ViewId::Stack => self
                .settings
                .stack
                .ui(ui, scenario, theme, commands, controls),
            ViewId::Scaling => self
                .settings
                .scaling
                .ui(ui, scenario, derived, theme, commands),
            ViewId::ColdStart => {
                self.settings
                    .cold_start
                    .ui(ui, scenario, derived, theme, commands);
            }
            ViewId::Cost => self
                .settings
                .cost
                .ui(ui, scenario, derived, theme, commands),
        }
    }
}

impl eframe::App for ExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
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
    fn slugs_are_file_friendly() {
        assert_eq!(slug("Startup REST API"), "startup-rest-api");
        assert_eq!(slug("  !!! "), "preset");
        assert_eq!(slug("Java (cold) API"), "java-cold-api");
    }

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
