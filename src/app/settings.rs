//! What the window remembers between runs ([`Settings`]) and how it was started
//! ([`StartOptions`]).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::command::ViewId;
use crate::model::origin::Origin;
use crate::model::scenario::Scenario;
use crate::model::traffic_file::TrafficFile;
use crate::ui::editor::EditorPanel;
use crate::ui::theme::{ThemeChoice, ThemeKind};
use crate::ui::view::Views;

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
    /// A traffic file already read, whose requests replace the scenario's traffic (as an edit
    /// that can be undone).
    pub traffic: Option<TrafficFile>,
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
    /// Compute results on a thread of their own, so no edit freezes a frame (the window does);
    /// tests leave it off and get every result in the frame that asks for it.
    pub compute_in_background: bool,
    /// Where the screenshot mode leaves its exit code (0, or 1 if the PNG could not be written).
    pub exit_code: Arc<Mutex<i32>>,
}
