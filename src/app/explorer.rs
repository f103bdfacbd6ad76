//! The app's state: the scenario and the results shown for it, where it came from, its undo
//! history, the banner, and what waits for the user. The other files of `app` each add one
//! part of its behaviour.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::settings::{Settings, StartOptions};
use crate::command::Command;
use crate::derived::worker::Worker;
use crate::derived::{Derived, Inputs};
use crate::model::origin::Origin;
use crate::model::scenario::Scenario;
use crate::model::traffic_file::TrafficFile;
use crate::model::traffic_import::ImportOptions;
use crate::presets;
use crate::render::Offscreen;
use crate::ui::theme::{Theme, ThemeChoice, ThemeKind};

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

/// A traffic file that holds several series, waiting for the user to pick one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesPicker {
    /// The file.
    pub path: PathBuf,
    /// How it is to be read, but for the series.
    pub options: ImportOptions,
    /// The series it holds (column names, or get-metric-data Ids and Labels).
    pub choices: Vec<String>,
}

/// One undo step: the scenario, and the preset or file it came from with its baseline, so undoing
/// the opening of a preset also brings back the name and "modified" state of the one before.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The scenario.
    pub scenario: Scenario,
    /// Where it came from.
    pub origin: Origin,
    /// Its preset or file as opened.
    pub baseline: Arc<Scenario>,
}

/// AWS price list files chosen in File → Import AWS price list…, and the region to read.
#[derive(Clone, Debug)]
pub struct PriceListPicker {
    /// The files.
    pub paths: Vec<PathBuf>,
    /// The region code typed or picked (the rates' own to begin with).
    pub region: String,
}

/// Where results are computed.
pub(super) enum Results {
    /// In the frame that needs them (tests, or the window when no thread could start).
    Inline,
    /// On a thread of their own.
    Worker {
        /// The thread.
        worker: Worker,
        /// The inputs last sent to it.
        requested: Box<Inputs>,
        /// The request whose results are awaited, and since when (the app's clock, s).
        waiting: Option<(u64, f64)>,
    },
}

/// Outcome of the `--screenshot` mode, shared with the screenshot callback.
pub(super) type ScreenshotSlot = Arc<Mutex<Option<Result<(), String>>>>;

/// State of the `--screenshot` mode.
pub(super) struct ScreenshotJob {
    pub(super) path: PathBuf,
    pub(super) frames: u32,
    pub(super) requested: bool,
    pub(super) result: ScreenshotSlot,
}

/// The application.
pub struct ExplorerApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The scenario every view is computed from.
    pub scenario: Scenario,
    /// Where the scenario came from.
    pub origin: Origin,
    /// The results the views draw: those of the scenario, or while newer ones are being computed
    /// (see [`ExplorerApp::is_updating`]), of the scenario as it was a moment ago.
    pub derived: Derived,
    /// What `derived` was computed from.
    pub(super) derived_inputs: Inputs,
    /// Where results are computed, and what is on its way.
    pub(super) results: Results,
    /// The error or confirmation shown under the top bar.
    pub banner: Option<Banner>,
    pub(super) exit_code: Arc<Mutex<i32>>,
    /// The scenario as its preset or file has it, to show "modified" and to revert (shared with
    /// the undo steps, which keep the one they were taken under).
    pub baseline: Arc<Scenario>,
    /// Earlier states, most recent last.
    pub undo: Vec<Snapshot>,
    /// Undone states, most recent last.
    pub redo: Vec<Snapshot>,
    /// Whether the keyboard-shortcut help is open.
    pub show_help: bool,
    /// The guided tour's current step, while it runs.
    pub tour: Option<usize>,
    /// An action waiting for the user to confirm discarding unsaved changes.
    pub pending: Option<Pending>,
    /// The traffic file imported last (see [`ExplorerApp::traffic_file`] for whether the
    /// traffic is still its).
    pub(super) traffic_file: Option<TrafficFile>,
    /// A traffic file of several series, waiting for the user to pick one.
    pub series_picker: Option<SeriesPicker>,
    /// AWS price list files chosen, waiting for their region.
    pub price_list_picker: Option<PriceListPicker>,
    /// Width of the top bar's tabs and buttons in presentation mode, last frame: the title gets
    /// the rest of the row.
    pub(super) tools_width: f32,
    /// A path being typed because no file dialog could open.
    pub path_prompt: Option<super::PathPrompt>,
    pub(super) last_edit_s: f64,
    pub(super) before_presentation: Option<(bool, ThemeChoice)>,
    pub(super) forced_theme: Option<ThemeKind>,
    pub(super) screenshot: Option<ScreenshotJob>,
    pub(super) window_shot: Option<(PathBuf, ScreenshotSlot)>,
    pub(super) offscreen: Option<Offscreen>,
    pub(super) device: Option<(eframe::wgpu::Device, eframe::wgpu::Queue)>,
    pub(super) commands: Vec<Command>,
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
        let present = options.present;
        let background = options.compute_in_background;
        let mut app = Self::with_settings(settings, options);
        if background {
            app.compute_in_background(&cc.egui_ctx);
        }
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
        let derived_inputs = Inputs::of(scenario.clone());
        let derived = Derived::compute_inputs(&derived_inputs);
        let traffic = options.traffic;
        let mut app = Self {
            settings,
            baseline: Arc::new(scenario.clone()),
            scenario,
            origin,
            derived,
            derived_inputs,
            results: Results::Inline,
            banner: None,
            undo: Vec::new(),
            redo: Vec::new(),
            show_help: false,
            tour: None,
            pending: None,
            traffic_file: None,
            series_picker: None,
            price_list_picker: None,
            path_prompt: None,
            tools_width: 0.0,
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
        };
        if let Some(file) = traffic {
            app.use_traffic_file(file);
        }
        app
    }

    /// Computes results on a thread of their own from now on; if none can start, the window
    /// keeps computing them in the frame, and says so in the log.
    pub fn compute_in_background(&mut self, ctx: &egui::Context) {
        let repaint = ctx.clone();
        let seed = (self.derived_inputs.clone(), self.derived.clone());
        match Worker::spawn(seed, move || repaint.request_repaint()) {
            Ok(worker) => {
                self.results = Results::Worker {
                    worker,
                    requested: Box::new(self.derived_inputs.clone()),
                    waiting: None,
                };
            }
            Err(e) => log::warn!("cannot start the results thread, computing in the frame: {e}"),
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

    /// Whether the scenario differs from its preset or file.
    pub fn is_modified(&self) -> bool {
        self.scenario != *self.baseline
    }

    /// Shows an error in the banner, and logs it.
    pub(super) fn error(&mut self, text: String) {
        log::warn!("{text}");
        self.banner = Some(Banner { text, error: true });
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
