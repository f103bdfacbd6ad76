//! Every export is a finished slide: for every shipped preset, view, theme and slide size, the
//! slide is laid out headless (the export's own path, without the GPU) and the texts egui painted
//! are checked: none past the image or its clip rectangle, no two over each other, and the view
//! laid out within its room (what lies past the edge is never painted, so no text check sees it).
//! The window, which scrolls, is checked for what it shows: presenting at the two projector
//! sizes, and in the projector theme with the editor open at 1024×768.
//!
//! The kittest snapshots keep the look; this test keeps the geometry.

use std::fmt::Write as _;
use std::time::Instant;

use egui_kittest::Harness;
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::derived::Derived;
use serverless_explorer::export::{ImageSpec, layout_slide};
use serverless_explorer::geometry::{
    Problem, deliberate_overlay, problems, text_boxes, window_problems,
};
use serverless_explorer::model::scenario::Scenario;
use serverless_explorer::presets;
use serverless_explorer::ui::theme::ThemeKind;

/// Classroom projectors (1024×768, 1280×800), 16:9 slides (1280×720, 1920×1080) and 4:3 slides
/// (1600×1200).
const SLIDE_SIZES: [(f32, f32); 5] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1280.0, 720.0),
    (1920.0, 1080.0),
    (1600.0, 1200.0),
];

const THEMES: [ThemeKind; 3] = [ThemeKind::Light, ThemeKind::Dark, ThemeKind::Projector];

/// Appends the problems of one layout to `report`, under a heading naming it.
fn record(report: &mut String, what: &str, found: &[Problem]) {
    if found.is_empty() {
        return;
    }
    // Writing to a String cannot fail.
    let _ = writeln!(report, "{what}:");
    for problem in found {
        let _ = writeln!(report, "  {problem}");
    }
}

/// Checks every slide of one preset; returns the report of its problems and how many slides.
fn check_preset(id: &str, scenario: &Scenario) -> (String, usize) {
    let mut report = String::new();
    let mut layouts = 0;
    let derived = Derived::compute(scenario);
    for view in ViewId::ALL {
        for theme in THEMES {
            for size in SLIDE_SIZES {
                let spec = ImageSpec {
                    view,
                    size_points: egui::vec2(size.0, size.1),
                    scale: 1.0,
                    theme,
                };
                let Some(layout) = layout_slide(scenario, &derived, spec) else {
                    let _ = writeln!(report, "{id} {}: no frame was laid out", view.key());
                    continue;
                };
                let boxes = text_boxes(layout.shapes());
                assert!(!boxes.is_empty(), "nothing painted");
                assert!(layout.screen.width() >= size.0, "the slide got smaller");
                // Checked here again, not taken from the layout: the test does not trust it.
                let mut found = problems(&boxes, layout.screen, deliberate_overlay);
                if layout.area.overflows() {
                    found.push(Problem::Overflow {
                        room: layout.area.room,
                        content: layout.area.content,
                    });
                }
                let what = format!(
                    "{id} {} {theme:?} {}x{} (zoom {:.2}, {} left out)",
                    view.key(),
                    size.0,
                    size.1,
                    layout.zoom,
                    layout.left_out
                );
                record(&mut report, &what, &found);
                layouts += 1;
            }
        }
    }
    (report, layouts)
}

#[test]
fn every_slide_of_every_preset_fits_its_size() {
    let started = Instant::now();
    let presets = presets::all_built_ins();
    // Two threads, as CI has two cores; each takes every other preset.
    let results: Vec<(String, usize)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|worker| {
                let presets = &presets;
                scope.spawn(move || {
                    presets
                        .iter()
                        .skip(worker)
                        .step_by(2)
                        .map(|(built_in, scenario)| check_preset(built_in.id, scenario))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let layouts: usize = results.iter().map(|(_, n)| n).sum();
    let report: String = results.into_iter().map(|(r, _)| r).collect();
    eprintln!("{layouts} slides checked in {:.1?}", started.elapsed());
    assert_eq!(
        layouts,
        presets.len() * 4 * THEMES.len() * SLIDE_SIZES.len()
    );
    assert!(report.is_empty(), "texts cut or overlapping:\n{report}");
}

/// The window at `size` showing `view`: presenting (F5), or in the projector theme with the
/// scenario editor open beside the view.
fn window(view: ViewId, size: (f32, f32), present: bool) -> Harness<'static, ExplorerApp> {
    Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .build_eframe(move |cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(view),
                    present,
                    theme: (!present).then_some(ThemeKind::Projector),
                    ..StartOptions::default()
                },
            )
        })
}

/// The window scrolls, so what a scroll area's edge cuts is fine there; what shows must be whole
/// at the window's edge, and no text may show over another (the editor's under the view's, say).
#[test]
fn the_window_fits_the_classroom_projectors() {
    let mut report = String::new();
    for (size, present) in [
        ((1024.0, 768.0), true),
        ((1280.0, 800.0), true),
        ((1024.0, 768.0), false),
    ] {
        for view in ViewId::ALL {
            let mut harness = window(view, size, present);
            harness.run();
            let boxes = text_boxes(&harness.output().shapes);
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
            let found = window_problems(&boxes, screen, deliberate_overlay);
            let mode = if present {
                "presenting"
            } else {
                "projector theme with the editor"
            };
            record(
                &mut report,
                &format!("{mode}: {} {}x{}", view.key(), size.0, size.1),
                &found,
            );
        }
    }
    assert!(report.is_empty(), "texts cut or overlapping:\n{report}");
}
