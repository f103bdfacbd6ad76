//! Slides from the command line: one view of a scenario, laid out at a size in points, rendered
//! offscreen at a scale and theme, in the state a slide shows first ([`Views::for_slide`]). The
//! slide fits itself to its size as the window's own exports do ([`crate::slide_fit`]).

use crate::command::ViewId;
use crate::derived::Derived;
use crate::model::scenario::Scenario;
use crate::render::{Offscreen, RenderError};
use crate::slide_fit::{SlideLayout, lay_out_slide};
use crate::ui::theme::{Theme, ThemeKind};
use crate::ui::view::Views;

/// What image of a view to render.
#[derive(Clone, Copy, Debug)]
pub struct ImageSpec {
    /// The view.
    pub view: ViewId,
    /// Layout size in points.
    pub size_points: egui::Vec2,
    /// Pixels per point.
    pub scale: f32,
    /// The theme.
    pub theme: ThemeKind,
}

/// Renders one view of a scenario as a slide at `size_points` × `scale` pixels.
pub fn render_slide(
    renderer: &mut Offscreen,
    scenario: &Scenario,
    derived: &Derived,
    spec: ImageSpec,
) -> Result<egui::ColorImage, RenderError> {
    layout_slide(scenario, derived, spec)
        .ok_or_else(|| RenderError::Device("no frame was rendered".to_owned()))?
        .render(renderer)
}

/// Lays out one view as [`render_slide`] does, without rendering it.
pub fn layout_slide(
    scenario: &Scenario,
    derived: &Derived,
    spec: ImageSpec,
) -> Option<SlideLayout> {
    let views = Views::for_slide(derived);
    let theme = Theme::new(spec.theme);
    lay_out_slide(
        spec.view,
        &views,
        (scenario, derived),
        &theme,
        (spec.size_points, spec.scale),
    )
}
