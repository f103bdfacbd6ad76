//! Slides from the command line: one view of a scenario, laid out at a size in points, rendered
//! offscreen at a scale and theme, in the state a slide shows first ([`Views::for_slide`]).

use crate::command::ViewId;
use crate::derived::Derived;
use crate::model::scenario::Scenario;
use crate::render::{Offscreen, RenderError, render_frames};
use crate::ui::theme::{Theme, ThemeKind};
use crate::ui::view::{Views, slide_ui};

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
    let mut views = Views::for_slide(derived);
    let theme = Theme::new(spec.theme);
    render_frames(renderer, spec.size_points, spec.scale, |ui| {
        slide_ui(ui, spec.view, &mut views, (scenario, derived), &theme);
    })
}
