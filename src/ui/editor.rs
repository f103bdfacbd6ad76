//! Editor placeholder being written (not committed until complete).

use serde::{Deserialize, Serialize};

use crate::app::{Command, ViewId};
use crate::model::scenario::Scenario;
use crate::ui::theme::Theme;

/// Editor state.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EditorPanel {}

impl EditorPanel {
    /// Shows the editor.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        focus: ViewId,
        theme: &Theme,
        commands: &mut Vec<Command>,
    ) {
        let _ = (ui, scenario, focus, theme, commands);
    }
}
