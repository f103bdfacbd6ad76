//! Serverless Explorer: see what changes when compute moves from racks to functions: who owns each
//! layer, how each hosting model scales, what cold starts cost in latency, and what each costs.

pub mod app;
pub mod command;
pub mod derived;
pub mod export;
pub mod model;
pub mod presets;
pub mod render;
pub mod report;
pub mod ui;
