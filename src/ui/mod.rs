//! The views and their shared theme. Each view is a struct of view state with a `ui` function:
//! data in, commands out.

pub mod cold_start;
pub mod cost;
pub mod editor;
pub mod scaling;
pub mod slide;
pub mod stack;
pub mod theme;
pub mod tour;
pub mod view;

/// Helpers for unit tests of views: frames run through a bare `egui::Context`.
#[cfg(test)]
pub(crate) mod test_frames {
    use egui::epaint::{ClippedShape, Shape};
    use egui::{Context, Event, Pos2, RawInput, Rect, vec2};

    /// Every text painted in `shapes`.
    pub(crate) fn texts(shapes: &[ClippedShape]) -> Vec<String> {
        fn walk(shape: &Shape, out: &mut Vec<String>) {
            match shape {
                Shape::Text(text) => out.push(text.galley.text().to_owned()),
                Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for clipped in shapes {
            walk(&clipped.shape, &mut out);
        }
        out
    }

    /// Runs `draw` in a 1000×400 window for two seconds (past egui's tooltip delay) with the
    /// pointer resting at `pointer`; returns the texts painted in the last frame.
    pub(crate) fn hover_for_two_seconds(
        pointer: Pos2,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> Vec<String> {
        let ctx = Context::default();
        let mut last = Vec::new();
        for frame in 0..40 {
            let input = RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 400.0))),
                time: Some(f64::from(frame) * 0.05),
                events: if frame == 0 {
                    vec![Event::PointerMoved(pointer)]
                } else {
                    Vec::new()
                },
                ..RawInput::default()
            };
            let mut output = ctx.run_ui(input, &mut draw);
            last = texts(&output.shapes);
            // No renderer takes the font texture; egui checks that it was not dropped unseen.
            output.textures_delta.clear();
        }
        last
    }
}
