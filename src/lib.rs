//! Serverless Explorer: see what changes when compute moves from racks to functions: who owns each
//! layer, how each hosting model scales, what cold starts cost in latency, and what each costs.
//!
//! How data flows, one way:
//!
//! 1. **Scenario** (`model::scenario`): one preset, loaded and saved by `presets`, edited in the app.
//! 2. **Derived results** (`derived`): bills, curves and the scaling and cold-start simulations,
//!    computed by the pure `model` from the scenario, on a worker thread for the window
//!    (`derived::worker`), directly for `report` and `export`; only the parts an edit touches.
//! 3. **Views** (`ui`): each draws the scenario and its results (`ui::view::view_ui`, or
//!    `slide_ui` for PNGs) and pushes **commands** (`command::Command`) instead of changing
//!    anything itself.
//! 4. **App** (`app`): applies the commands at the end of the frame (a new scenario goes back to
//!    step 1), does the file and clipboard I/O, and persists settings.
//!
//! `render` turns frames into images offscreen; `report` and `export` are the headless outputs.

pub mod app;
pub mod command;
pub mod derived;
pub mod export;
pub mod geometry;
pub mod model;
pub mod presets;
pub mod render;
pub mod report;
pub mod slide_fit;
pub mod ui;
