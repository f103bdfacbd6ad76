//! A slide fitted to its size, for the `export` command and the window's image exports alike. A
//! slide cannot scroll, so it lays itself out for its size ([`lay_out_slide`]): first at the
//! theme's type size, then with the type shrunk step by step down to
//! [`crate::ui::slide::FLOOR_BODY_PX`], then leaving out the view's optional sections one by one,
//! until the texts egui painted pass [`crate::geometry`]'s checks: none cut, none overlapping.
//! It draws through the one function the window and the exports share
//! ([`crate::ui::view::slide_ui`]).

use crate::command::ViewId;
use crate::derived::Derived;
use crate::geometry::{self, Problem};
use crate::model::scenario::Scenario;
use crate::render::{Offscreen, RenderError, SETTLE_FRAMES, run_frames};
use crate::ui::slide::{FLOOR_BODY_PX, SlideArea};
use crate::ui::theme::Theme;
use crate::ui::view::{Views, optional_sections, slide_ui};

/// A slide laid out for its size, ready to render.
pub struct SlideLayout {
    /// The context the slide ran in.
    pub ctx: egui::Context,
    /// The last frame's output: what the image shows.
    pub output: egui::FullOutput,
    /// How much the slide's type (and everything with it) was shrunk: 1 is the theme's size.
    pub zoom: f32,
    /// How many of the view's optional sections were left out.
    pub left_out: usize,
    /// The slide's area in the layout's points (its size divided by the zoom).
    pub screen: egui::Rect,
    /// Where the view had room and what it laid out.
    pub area: SlideArea,
    /// What is still wrong with the texts: empty unless even the smallest layout fails.
    pub problems: Vec<Problem>,
}

impl Drop for SlideLayout {
    fn drop(&mut self) {
        // A layout tried and not rendered: egui checks that its textures were not dropped unseen.
        self.output.textures_delta.clear();
    }
}

impl SlideLayout {
    /// Renders the slide.
    pub fn render(mut self, renderer: &mut Offscreen) -> Result<egui::ColorImage, RenderError> {
        let output = std::mem::take(&mut self.output);
        renderer.render(&self.ctx, output)
    }

    /// The shapes of the slide, for checking them.
    pub fn shapes(&self) -> &[egui::epaint::ClippedShape] {
        &self.output.shapes
    }
}

/// The type sizes a slide tries, largest first: the theme's, then smaller by tenths, and the
/// floor where body text is [`FLOOR_BODY_PX`] on the slide.
fn zooms(theme: &Theme) -> Vec<f32> {
    let floor = (FLOOR_BODY_PX / theme.body_size()).min(1.0);
    let mut zooms: Vec<f32> = [1.0, 0.9, 0.8, 0.7]
        .into_iter()
        .filter(|&z| z > floor + 0.02)
        .collect();
    zooms.push(floor);
    zooms
}

/// Lays out `view` as a slide of `size_points` (see the module's comment): the first layout,
/// from the largest type and everything shown, whose texts are all whole and apart; else the
/// one with the fewest problems (never expected: the slide geometry test checks every preset).
pub fn lay_out_slide(
    view: ViewId,
    views: &Views,
    data: (&Scenario, &Derived),
    theme: &Theme,
    (size_points, scale): (egui::Vec2, f32),
) -> Option<SlideLayout> {
    let mut best: Option<SlideLayout> = None;
    let zooms = zooms(theme);
    for left_out in 0..=optional_sections(view).len() {
        // What does not fit in the smallest type fits in no larger one: that is tried first,
        // and where it fails the next section goes.
        let floor = zooms.last().copied().unwrap_or(1.0);
        let at_floor = try_layout(
            (view, views, data, theme),
            (size_points, scale),
            (floor, left_out),
            TRIAL_FRAMES,
        );
        if at_floor.as_ref().is_none_or(|l| !l.problems.is_empty()) {
            if let Some(layout) = at_floor
                && best
                    .as_ref()
                    .is_none_or(|b| layout.problems.len() < b.problems.len())
            {
                best = Some(layout);
            }
            continue;
        }
        drop(at_floor);
        for &zoom in &zooms {
            let trial = (view, views, data, theme);
            // Tried in a few frames (layout has settled by the third); the one kept is laid out
            // again over every frame an image takes, and checked again.
            let quick = try_layout(trial, (size_points, scale), (zoom, left_out), TRIAL_FRAMES);
            let found = if quick.as_ref().is_some_and(|l| l.problems.is_empty()) {
                drop(quick);
                try_layout(trial, (size_points, scale), (zoom, left_out), SETTLE_FRAMES)
            } else {
                quick
            };
            let Some(layout) = found else {
                continue;
            };
            if layout.problems.is_empty() {
                return Some(layout);
            }
            if best
                .as_ref()
                .is_none_or(|b| layout.problems.len() < b.problems.len())
            {
                best = Some(layout);
            }
        }
    }
    best
}

/// Frames a trial layout runs: enough for egui's layout to settle.
const TRIAL_FRAMES: u32 = 3;

/// Lays out one slide at a zoom, leaving out a number of sections, and checks it.
fn try_layout(
    (view, views, (scenario, derived), theme): (ViewId, &Views, (&Scenario, &Derived), &Theme),
    (size_points, scale): (egui::Vec2, f32),
    (zoom, left_out): (f32, usize),
    frames: u32,
) -> Option<SlideLayout> {
    let mut views = views.clone();
    views.leave_out(view, left_out);
    let logical = size_points / zoom;
    let mut area = None;
    let (ctx, output) = run_frames(logical, scale * zoom, frames, |ui| {
        area = Some(slide_ui(ui, view, &mut views, (scenario, derived), theme));
    });
    let (Some(output), Some(area)) = (output, area) else {
        return None;
    };
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, logical);
    let boxes = geometry::text_boxes(&output.shapes);
    let mut problems = geometry::problems(&boxes, screen, geometry::deliberate_overlay);
    if area.overflows() {
        problems.push(Problem::Overflow {
            room: area.room,
            content: area.content,
        });
    }
    Some(SlideLayout {
        ctx,
        output,
        zoom,
        left_out,
        screen,
        area,
        problems,
    })
}
