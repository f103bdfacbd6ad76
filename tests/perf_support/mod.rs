//! Shared by the monkey and soak tests: checks that no NaN or infinite coordinate reaches the
//! painter, shape by shape, before tessellation could hide it (the tessellator's min/max calls
//! drop NaN silently).

use egui::epaint::{ClippedShape, Shape};
use egui::{Pos2, Rect};

/// Describes the first shape with a non-finite coordinate or size, if any.
pub fn first_non_finite(shapes: &[ClippedShape]) -> Option<String> {
    shapes.iter().find_map(|clipped| {
        // Clip rects may be infinite (`Rect::EVERYTHING`) but never NaN.
        let clip = clipped.clip_rect;
        if [clip.min.x, clip.min.y, clip.max.x, clip.max.y]
            .iter()
            .any(|v| v.is_nan())
        {
            return Some(format!("NaN clip rect {clip:?}"));
        }
        let transform = clipped.transform_after_tessellation;
        if !(transform.scaling.is_finite()
            && transform.translation.x.is_finite()
            && transform.translation.y.is_finite())
        {
            return Some(format!("non-finite layer transform {transform:?}"));
        }
        check_shape(&clipped.shape)
    })
}

fn pos_ok(p: Pos2) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

fn rect_ok(r: Rect) -> bool {
    pos_ok(r.min) && pos_ok(r.max)
}

fn check_shape(shape: &Shape) -> Option<String> {
    let ok = match shape {
        Shape::Noop => true,
        Shape::Vec(shapes) => return shapes.iter().find_map(check_shape),
        Shape::Circle(c) => pos_ok(c.center) && c.radius.is_finite() && c.stroke.width.is_finite(),
        Shape::Ellipse(e) => pos_ok(e.center) && e.radius.x.is_finite() && e.radius.y.is_finite(),
        Shape::LineSegment { points, stroke } => {
            points.iter().all(|p| pos_ok(*p)) && stroke.width.is_finite()
        }
        Shape::Path(p) => p.points.iter().all(|p| pos_ok(*p)) && p.stroke.width.is_finite(),
        Shape::Band(b) => b
            .points
            .iter()
            .all(|p| p.x.is_finite() && p.y.min.is_finite() && p.y.max.is_finite()),
        Shape::Rect(r) => rect_ok(r.rect) && r.stroke.width.is_finite() && r.blur_width.is_finite(),
        Shape::Text(t) => pos_ok(t.pos) && rect_ok(t.galley.rect) && t.angle.is_finite(),
        Shape::Mesh(m) => m.vertices.iter().all(|v| pos_ok(v.pos)),
        Shape::QuadraticBezier(b) => b.points.iter().all(|p| pos_ok(*p)),
        Shape::CubicBezier(b) => b.points.iter().all(|p| pos_ok(*p)),
        Shape::Callback(c) => rect_ok(c.rect),
    };
    (!ok).then(|| format!("non-finite shape: {shape:?}"))
}
