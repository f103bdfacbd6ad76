//! Where the texts of a frame landed, and what is wrong with them: a text past the edge of the
//! image, cut by its own clip rectangle, or drawn over another text. Slides cannot scroll, so the
//! slide geometry test (tests/slide_geometry.rs) checks every export with this.

use std::fmt;

use egui::epaint::{ClippedShape, Shape, TextShape};
use egui::{Pos2, Rect};

/// How far (points) a text may poke past an edge or into another text before it counts: the
/// rounding of glyph positions to pixels, not a visible cut.
const TOLERANCE: f32 = 1.0;

/// One painted line of text: what it says, where its glyphs are, and the clip rectangle it was
/// painted in.
#[derive(Clone, Debug)]
pub struct TextBox {
    /// The line's text.
    pub text: String,
    /// The box around the line's visible glyphs (not trailing spaces), points.
    pub rect: Rect,
    /// The clip rectangle the line was painted in, points.
    pub clip: Rect,
}

/// What is wrong with one text, or with two.
#[derive(Clone, Debug)]
pub enum Problem {
    /// A text reaches past the image.
    OffScreen(TextBox),
    /// A text reaches past its clip rectangle: part of it is cut off.
    Clipped(TextBox),
    /// Two texts are drawn over each other.
    Overlap(TextBox, TextBox),
    /// A view laid out more than the room it had (`content` past `room`): what lies past the
    /// edge is not painted at all, so no text of it can be checked.
    Overflow {
        /// The room the view had.
        room: Rect,
        /// What it laid out.
        content: Rect,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short = |r: Rect| {
            format!(
                "[{:.0},{:.0} – {:.0},{:.0}]",
                r.min.x, r.min.y, r.max.x, r.max.y
            )
        };
        match self {
            Self::OffScreen(t) => write!(f, "off the image: {:?} at {}", t.text, short(t.rect)),
            Self::Clipped(t) => write!(
                f,
                "cut by its clip rect: {:?} at {} in {}",
                t.text,
                short(t.rect),
                short(t.clip)
            ),
            Self::Overlap(a, b) => write!(
                f,
                "overlap: {:?} at {} and {:?} at {}",
                a.text,
                short(a.rect),
                b.text,
                short(b.rect)
            ),
            Self::Overflow { room, content } => write!(
                f,
                "laid out past its room: {} in {}",
                short(*content),
                short(*room)
            ),
        }
    }
}

/// Every line of text painted in `shapes`, one box per galley row, blank rows left out.
pub fn text_boxes(shapes: &[ClippedShape]) -> Vec<TextBox> {
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

fn walk(shape: &Shape, clip: Rect, out: &mut Vec<TextBox>) {
    match shape {
        Shape::Text(text) => text_rows(text, clip, out),
        Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
        _ => {}
    }
}

/// The rows of one text shape. A rotated text (an axis title) counts as one box, its bounds.
fn text_rows(text: &TextShape, clip: Rect, out: &mut Vec<TextBox>) {
    if text.galley.text().trim().is_empty() || text.opacity_factor <= 0.0 {
        return;
    }
    if text.angle != 0.0 {
        out.push(TextBox {
            text: text.galley.text().to_owned(),
            rect: text.visual_bounding_rect(),
            clip,
        });
        return;
    }
    let origin = text.pos.to_vec2();
    for placed in &text.galley.rows {
        let visible: Vec<_> = placed
            .row
            .glyphs
            .iter()
            .filter(|g| !g.chr.is_whitespace())
            .collect();
        let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
            continue;
        };
        let top = placed.pos.y;
        let rect = Rect::from_min_max(
            Pos2::new(placed.pos.x + first.pos.x, top),
            Pos2::new(
                placed.pos.x + last.pos.x + last.advance_width,
                top + placed.row.size.y,
            ),
        )
        .translate(origin);
        out.push(TextBox {
            text: visible.iter().map(|g| g.chr).collect(),
            rect,
            clip,
        });
    }
}

/// The deliberate overlays, texts drawn over another on purpose, which [`problems`] lets cross:
/// none so far. Both the export, choosing a slide's layout, and the slide geometry test use it.
pub fn deliberate_overlay(_top: &TextBox, _under: &TextBox) -> bool {
    false
}

/// Whether `inner` lies inside `outer`, give or take the tolerance.
fn inside(inner: Rect, outer: Rect) -> bool {
    outer.expand(TOLERANCE).contains_rect(inner)
}

/// Whether two boxes share more than the tolerance in both directions.
fn overlap(a: Rect, b: Rect) -> bool {
    let shared = a.intersect(b);
    shared.width() > TOLERANCE && shared.height() > TOLERANCE
}

/// Everything wrong with the texts of a frame of `screen`. `overlay(a, b)` names the deliberate
/// overlays (a label on a chart line, say) that may cross another text.
pub fn problems(
    boxes: &[TextBox],
    screen: Rect,
    overlay: impl Fn(&TextBox, &TextBox) -> bool,
) -> Vec<Problem> {
    let mut found = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        if !inside(a.rect, screen) {
            found.push(Problem::OffScreen(a.clone()));
        } else if !inside(a.rect, a.clip) {
            found.push(Problem::Clipped(a.clone()));
        }
        for b in boxes.iter().skip(i + 1) {
            // A text drawn twice in the same place (a shadow, a selection) is one text.
            let same = a.text == b.text && a.rect == b.rect;
            if !same && overlap(a.rect, b.rect) && !overlay(a, b) && !overlay(b, a) {
                found.push(Problem::Overlap(a.clone(), b.clone()));
            }
        }
    }
    found
}

/// Everything wrong with the texts of a window's frame of `screen`. A window scrolls, so a text
/// cut by its clip rectangle (a scroll area's edge) is fine there; what is seen must still be
/// whole at the window's edge and apart from every other text seen.
pub fn window_problems(
    boxes: &[TextBox],
    screen: Rect,
    overlay: impl Fn(&TextBox, &TextBox) -> bool,
) -> Vec<Problem> {
    let seen: Vec<TextBox> = boxes
        .iter()
        .filter_map(|b| {
            let visible = b.rect.intersect(b.clip);
            (visible.width() > TOLERANCE && visible.height() > TOLERANCE).then(|| TextBox {
                rect: visible,
                ..b.clone()
            })
        })
        .collect();
    let mut found = Vec::new();
    for (i, a) in seen.iter().enumerate() {
        if !inside(a.rect, screen) {
            found.push(Problem::OffScreen(a.clone()));
        }
        for b in seen.iter().skip(i + 1) {
            let same = a.text == b.text && a.rect == b.rect;
            if !same && overlap(a.rect, b.rect) && !overlay(a, b) && !overlay(b, a) {
                found.push(Problem::Overlap(a.clone(), b.clone()));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Context, RawInput, vec2};

    fn shapes_of(mut draw: impl FnMut(&mut egui::Ui)) -> Vec<ClippedShape> {
        let ctx = Context::default();
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0))),
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| draw(ui));
        output.textures_delta.clear();
        output.shapes
    }

    fn screen() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0))
    }

    #[test]
    fn two_labels_in_a_column_are_fine() {
        let shapes = shapes_of(|ui| {
            ui.label("one");
            ui.label("two");
        });
        let boxes = text_boxes(&shapes);
        assert_eq!(boxes.len(), 2);
        assert!(problems(&boxes, screen(), |_, _| false).is_empty());
    }

    #[test]
    fn texts_painted_on_each_other_overlap() {
        let shapes = shapes_of(|ui| {
            let font = egui::FontId::proportional(16.0);
            let color = egui::Color32::BLACK;
            let at = egui::pos2(10.0, 10.0);
            ui.painter()
                .text(at, egui::Align2::LEFT_TOP, "first", font.clone(), color);
            ui.painter()
                .text(at, egui::Align2::LEFT_TOP, "second", font, color);
        });
        let found = problems(&text_boxes(&shapes), screen(), |_, _| false);
        assert!(
            matches!(found.as_slice(), [Problem::Overlap(..)]),
            "{found:?}"
        );
        let allowed = problems(&text_boxes(&shapes), screen(), |a, _| a.text == "first");
        assert!(allowed.is_empty());
    }

    #[test]
    fn a_text_past_the_edge_or_its_clip_is_found() {
        let shapes = shapes_of(|ui| {
            let font = egui::FontId::proportional(16.0);
            let color = egui::Color32::BLACK;
            ui.painter().text(
                egui::pos2(390.0, 10.0),
                egui::Align2::LEFT_TOP,
                "past the edge",
                font.clone(),
                color,
            );
            let clipped = ui.painter().with_clip_rect(Rect::from_min_size(
                egui::pos2(0.0, 100.0),
                vec2(30.0, 30.0),
            ));
            clipped.text(
                egui::pos2(5.0, 105.0),
                egui::Align2::LEFT_TOP,
                "cut by the clip",
                font,
                color,
            );
        });
        let found = problems(&text_boxes(&shapes), screen(), |_, _| false);
        assert!(
            matches!(
                found.as_slice(),
                [Problem::OffScreen(_), Problem::Clipped(_)]
            ),
            "{found:?}"
        );
    }
}
