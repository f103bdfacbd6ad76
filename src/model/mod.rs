//! Pure data and arithmetic behind the four views. Nothing below here imports egui: the model takes
//! time as an argument and randomness as a seed, so every result is deterministic.

pub mod cold_start;
pub mod cost;
pub mod format;
pub mod memory_sweep;
pub mod origin;
pub mod price_list;
pub mod rates_from_files;
pub mod rng;
pub mod runtime;
pub mod savings_plan_file;
pub mod scaling;
pub mod scenario;
pub mod sizing;
pub mod stack;
pub mod traffic;
pub mod traffic_file;
pub mod traffic_import;
