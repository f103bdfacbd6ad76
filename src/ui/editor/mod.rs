//! The scenario editor: the right-hand panel where every preset field is edited, grouped as the
//! preset format is (workload, traffic, Lambda, cold start, the alternatives, rates). Widgets
//! enforce the ranges `Scenario::validate` accepts; a change is sent to the app as one
//! `Command::SetScenario` per frame.
//!
//! - `panel`: [`EditorPanel`], the frame's order (title, sections, validation) and the fields
//!   kept consistent before an edit is sent.
//! - `sections`: the collapsible sections, which start open in each view, and their captions.
//! - `workload`, `lambda`, `alternatives`: the rows of the identity block and the workload
//!   section; of the Lambda and cold-start sections; of the VM, container and on-premises
//!   sections.
//! - `traffic`: the traffic section, its generator row and its table of points.
//! - `rates`: the rates section, its tier tables and the EC2 price list.
//! - `form`: the grid of labelled values and its rows (numbers, toggles, text, choices).
//! - `number_box`: number boxes (egui's `DragValue` with units, ranges and a log-like drag
//!   speed), number formatting and parsing.
//! - `choices`: the enums offered in combo boxes, with each option's text and hint.
//! - `lazy_layout`: which parts are built this frame, and the measured sizes standing in for
//!   the others.

mod alternatives;
mod choices;
mod form;
mod lambda;
mod lazy_layout;
mod number_box;
mod panel;
mod rates;
mod sections;
mod traffic;
mod workload;

pub use panel::EditorPanel;
