//! The views and their shared theme. Each view is a struct of view state with a `ui` function:
//! data in, commands out.

pub mod cold_start;
pub mod cost;
pub mod editor;
pub mod scaling;
pub mod stack;
pub mod theme;
pub mod tour;
