//! The window: an eframe app that holds the scenario and the results shown for it, draws the
//! bars, the editor and the current view, applies the commands pushed during a frame, and
//! persists settings between runs. Each file adds one part of [`ExplorerApp`]'s behaviour.

mod bars;
mod commands;
mod explorer;
mod exports;
mod files;
mod frame;
mod keys;
mod path_prompt;
mod price_list;
mod results;
mod screenshot;
mod settings;
mod traffic;
mod windows;

pub use explorer::{Banner, ExplorerApp, Pending, PriceListPicker, SeriesPicker, Snapshot};
pub use path_prompt::PathPrompt;
pub use settings::{RECENT_FILES, Settings, StartOptions};
