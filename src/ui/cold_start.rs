//! View placeholder being written (not committed until complete).

use serde::{Deserialize, Serialize};

use crate::app::Command;
use crate::derived::Derived;
use crate::model::scenario::Scenario;
use crate::ui::theme::Theme;

/// View state.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ColdStartView {}

impl ColdStartView {
    /// Shows the view.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        derived: &Derived,
        theme: &Theme,
        commands: &mut Vec<Command>,
    ) {
        let _ = (ui, scenario, derived, theme, commands);
    }
}
