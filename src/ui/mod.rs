//! The views and their shared theme. Each view is a struct of view state with a `ui` function:
//! data in, commands out.

pub mod cold_start;
pub mod cost;
pub mod editor;
pub mod kept_text;
pub mod scaling;
pub mod stack;
pub mod theme;
pub mod tour;
pub mod view;

use egui::{Response, WidgetText};

/// Tooltips that cost next to nothing on the frames when the pointer is elsewhere.
///
/// [`Response::on_hover_text`] builds a tooltip popup and runs egui's whole show-or-not decision
/// for every widget on every frame; with a few hundred tooltips on screen that is a tenth of a
/// frame. These methods first ask whether the tooltip could show at all (the pointer over the
/// widget or one of its children, the tooltip already open, accessibility on, or everything
/// shown), and only then hand over to egui, so what shows, when, and what screen readers get
/// are unchanged.
#[expect(
    clippy::return_self_not_must_use,
    reason = "as with egui's on_hover_text, the response is often not needed after its tooltip"
)]
pub trait HoverTip: Sized {
    /// [`Response::on_hover_text`], skipped while it could not show.
    fn hover_tip(self, text: impl Into<WidgetText>) -> Self;
    /// [`HoverTip::hover_tip`] whose text is only built when it may show.
    fn hover_tip_with<T: Into<WidgetText>>(self, text: impl FnOnce() -> T) -> Self;
}

impl HoverTip for Response {
    fn hover_tip(self, text: impl Into<WidgetText>) -> Self {
        self.hover_tip_with(|| text)
    }

    fn hover_tip_with<T: Into<WidgetText>>(self, text: impl FnOnce() -> T) -> Self {
        if tooltip_may_show(&self) {
            self.on_hover_text(text())
        } else {
            self
        }
    }
}

/// Whether egui could show a tooltip for `response` this frame (a superset of when it does).
fn tooltip_may_show(response: &Response) -> bool {
    response.contains_pointer()
        || response.container_contains_pointer()
        || response.ctx.has_accesskit_node(response.id)
        || response.is_tooltip_open()
        || response.ctx.memory(egui::Memory::everything_is_visible)
}

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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use egui::{Pos2, pos2};

    use super::HoverTip;
    use super::test_frames::hover_for_two_seconds;

    /// A label with a tooltip at the top left, hovered at `pointer`: the texts painted in the
    /// last frame and how often the tip was built.
    fn hover_label(pointer: Pos2) -> (Vec<String>, usize) {
        let built = Cell::new(0);
        let texts = hover_for_two_seconds(pointer, |ui| {
            ui.label("Peak rate").hover_tip_with(|| {
                built.set(built.get() + 1);
                "Highest requests per second"
            });
        });
        (texts, built.get())
    }

    #[test]
    fn tooltip_shows_while_hovered() {
        // The label sits at the top left of the window.
        let (texts, built) = hover_label(pos2(20.0, 10.0));
        assert!(
            texts.iter().any(|t| t == "Highest requests per second"),
            "no tooltip among {texts:?}"
        );
        assert!(built > 0);
    }

    #[test]
    fn tooltip_text_is_not_built_while_the_pointer_is_elsewhere() {
        let (texts, built) = hover_label(pos2(300.0, 250.0));
        assert!(!texts.iter().any(|t| t == "Highest requests per second"));
        assert_eq!(built, 0);
    }
}
