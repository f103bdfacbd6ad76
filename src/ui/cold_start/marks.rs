//! What the view's marks look like and mean, wherever they are drawn: the colour of each init
//! phase and of handler runs, the text colour on a fill, the painted snowflake of a cold request,
//! the hatching of an environment idling until it is reclaimed, and each phase's meaning.

use egui::{Color32, Painter, Pos2, Rect, Stroke, pos2, vec2};

use crate::model::cold_start::PhaseKind;
use crate::ui::theme::{Theme, contrast_ratio};

/// Distance between the hatch lines of an idle-until-reclaimed stretch, points.
const HATCH_SPACING: f32 = 8.0;

/// The colour of an init phase.
pub(super) fn phase_color(kind: PhaseKind, theme: &Theme) -> Color32 {
    let index = match kind {
        PhaseKind::Environment => 0,
        PhaseKind::Extensions => 1,
        PhaseKind::Runtime => 2,
        PhaseKind::Function => 3,
        PhaseKind::Restore => 4,
        PhaseKind::FirstInvoke => 5,
    };
    theme.phases.get(index).copied().unwrap_or(theme.grid)
}

/// The colour of handler runs.
pub(super) fn handler_color(theme: &Theme) -> Color32 {
    theme.phases.get(5).copied().unwrap_or(theme.grid)
}

/// The colour of cold requests in the histogram.
pub(super) fn cold_color(theme: &Theme) -> Color32 {
    phase_color(PhaseKind::Function, theme)
}

/// The theme's text colour that reads best on `fill`.
pub(super) fn text_on(fill: Color32, theme: &Theme) -> Color32 {
    if contrast_ratio(theme.on_fill, fill) >= contrast_ratio(theme.strong_text, fill) {
        theme.on_fill
    } else {
        theme.strong_text
    }
}

/// Diagonal lines over `rect`, the mark of an environment idling until it is reclaimed.
pub(super) fn hatch(painter: &Painter, rect: Rect, theme: &Theme) {
    let rect = rect.intersect(painter.clip_rect());
    if !rect.is_positive() {
        return;
    }
    let clipped = painter.with_clip_rect(rect);
    let stroke = Stroke::new(1.2, theme.booting);
    let h = rect.height();
    // Anchored to a screen grid, so the pattern does not shimmer as bars grow.
    let mut x = (rect.left() / HATCH_SPACING).floor() * HATCH_SPACING - h;
    while x < rect.right() {
        clipped.line_segment([pos2(x, rect.bottom()), pos2(x + h, rect.top())], stroke);
        x += HATCH_SPACING;
    }
}

/// A painted snowflake, the mark of a cold request (painted rather than a glyph, which not every
/// font has).
pub(super) fn snowflake(painter: &Painter, center: Pos2, radius: f32, color: Color32) {
    let stroke = Stroke::new((radius * 0.2).max(1.2), color);
    let twig = std::f32::consts::FRAC_PI_4;
    for k in 0..3 {
        let angle = std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::PI / 3.0;
        let arm = vec2(angle.cos(), angle.sin()) * radius;
        painter.line_segment([center - arm, center + arm], stroke);
        // Two twigs on each arm make the star read as a snowflake where it is large enough to
        // see them (the legend); the timeline's small ones stay cheap.
        if radius >= 5.0 {
            for (end, angle) in [(arm, angle), (-arm, angle + std::f32::consts::PI)] {
                let fork = center + end * 0.55;
                for side in [-twig, twig] {
                    let branch = vec2((angle + side).cos(), (angle + side).sin());
                    painter.line_segment([fork, fork + branch * radius * 0.4], stroke);
                }
            }
        }
    }
}

/// What an init phase is, for tooltips.
pub(super) fn phase_meaning(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::Environment => {
            "Creating the execution environment and downloading the code; not billed"
        }
        PhaseKind::Extensions => "Starting Lambda extensions; billed as INIT",
        PhaseKind::Runtime => "Starting the language runtime; billed as INIT",
        PhaseKind::Function => {
            "Your code outside the handler (SDK clients, frameworks); billed as INIT"
        }
        PhaseKind::Restore => "Restoring a SnapStart snapshot instead of running init",
        PhaseKind::FirstInvoke => {
            "The first handler run in a new environment is slower (measured for .NET)"
        }
    }
}
