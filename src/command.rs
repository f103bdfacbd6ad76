//! App-wide actions as values: which view is shown ([`ViewId`]) and the [`Command`]s that views
//! and the app's own bars push during a frame, applied once by the app at its end. Views and the
//! app both import this module; it imports only the model.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::origin::Origin;
use crate::model::scenario::{HostingModel, Scenario};
use crate::model::traffic_import::ImportOptions;

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

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathAction {
    /// Open a preset file.
    OpenPreset,
    /// Save the scenario as a preset file.
    SavePresetAs,
    /// Write the current view as a PNG.
    ExportView,
    /// Write the whole window as a PNG.
    ExportWindow,
    /// Write the cost curves as CSV.
    ExportCurves,
    /// Import a traffic file.
    ImportTraffic,
    /// Import an AWS price list file.
    ImportPriceList,
}

impl PathAction {
    /// The prompt window's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::OpenPreset => "Open preset",
            Self::SavePresetAs => "Save preset as",
            Self::ExportView => "Export view as PNG",
            Self::ExportWindow => "Export window as PNG",
            Self::ExportCurves => "Export curve data as CSV",
            Self::ImportTraffic => "Import traffic",
            Self::ImportPriceList => "Import AWS price list",
        }
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
    /// Undo the last scenario edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Go back to the scenario as its preset or file has it.
    Revert,
    /// Save to the scenario's file, or ask where if it is a built-in preset.
    Save,
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Show the previous (-1) or next (+1) built-in preset.
    StepPreset(i32),
    /// Export a PNG of the current view at 2× (asks where).
    ExportViewDialog,
    /// Export a PNG of the whole window as it is on screen (asks where).
    ExportWindowDialog,
    /// Copy an image of the current view to the clipboard.
    CopyImage,
    /// Open or close the keyboard-shortcut help.
    ToggleHelp,
    /// Copy the scenario to the clipboard as RON text.
    CopyPreset,
    /// Load a preset from the clipboard's text (validated like a file).
    PastePreset,
    /// Go to a step of the guided tour (starting it if needed).
    TourStep(usize),
    /// Close the guided tour.
    EndTour,
    /// Save the cost view's curves as CSV (asks where).
    ExportCurvesCsv,
    /// Ask for a traffic file (CSV, access log or AWS CLI JSON) to import.
    ImportTrafficDialog,
    /// Import a traffic file's requests as the scenario's traffic, read as the options say (the
    /// series of a file that holds several, an access log's bin).
    ImportTraffic(PathBuf, ImportOptions),
    /// Do with a typed path what a file dialog that could not open would have done.
    UsePath(PathAction, PathBuf),
    /// Pick AWS price list files in a native dialog, then their region.
    ImportPriceListDialog,
    /// Price the scenario from these AWS price list files for this region (one undoable edit).
    ImportPriceList(Vec<PathBuf>, String),
}
