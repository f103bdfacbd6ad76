//! `LazyLayout`: which parts of the editor are built this frame, and the measured sizes
//! that stand in for the others.

use std::hash::Hash;

use egui::{Id, IdMap, InnerResponse, Pos2, Rangef, Rect, Response, Vec2};

use crate::command::ViewId;
use crate::ui::theme::ThemeKind;

/// Which parts of the editor are laid out this frame.
///
/// The editor is far taller than its panel, and laying out every row of its open sections,
/// most of them scrolled out of view, took over 40 % of a frame. Now a block (a section's body,
/// a caption, a table) or a form row is built only when it is near the visible part of the
/// scroll area, or holds the keyboard focus; elsewhere it allocates the size it had when last
/// built. The sizes are measured, never guessed, and forgotten whenever what they depend on
/// changes (a value, the panel's width, the theme), so that frame builds everything again: the
/// scroll height and every visible pixel are the same as with everything built.
#[derive(Clone, Debug)]
pub(super) struct LazyLayout {
    /// Sizes of blocks in a vertical layout, by key.
    blocks: IdMap<Measured<Vec2>>,
    /// Sizes of form rows' name and value cells, by key.
    pub(super) rows: IdMap<Measured<[Vec2; 2]>>,
    /// Incremented when the measured sizes may no longer hold; only sizes of the current
    /// generation stand in for a part.
    generation: u64,
    /// What the sizes were measured with, besides the draft.
    inputs: Option<LayoutInputs>,
    /// Whether everything is built this frame (for assistive technology).
    everything: bool,
    /// Screen y range built this frame: the visible part of the editor.
    band: Rangef,
    /// The scroll content's top-left corner on screen this frame.
    origin: Pos2,
    /// The focused editor widget and its rect relative to `origin`: its row stays built
    /// wherever it is scrolled, or egui would drop the focus of a widget that vanished.
    focus: Option<(Id, Rect)>,
    /// The widget anywhere in the window that had the keyboard focus after the last frame.
    pub(super) last_focus: Option<Id>,
}

impl Default for LazyLayout {
    fn default() -> Self {
        Self {
            blocks: IdMap::default(),
            rows: IdMap::default(),
            generation: 0,
            inputs: None,
            everything: false,
            band: Rangef::NOTHING,
            origin: Pos2::ZERO,
            focus: None,
            last_focus: None,
        }
    }
}

/// A part's measured size.
#[derive(Clone, Copy, Debug)]
pub(super) struct Measured<T> {
    pub(super) size: T,
    /// The `LazyLayout::generation` it was measured in.
    generation: u64,
    /// Whether the measurement before it, in the same generation, was the same.
    settled: bool,
}

/// The height of a form row: its taller cell.
pub(super) fn height([name, value]: [Vec2; 2]) -> f32 {
    name.y.max(value.y)
}

/// What the measured sizes depend on, apart from the scenario and the traffic generator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LayoutInputs {
    pub(super) width: f32,
    pub(super) theme: ThemeKind,
    pub(super) pixels_per_point: f32,
    pub(super) focus: ViewId,
}

impl LazyLayout {
    /// Starts a frame in the scroll area's content `ui`.
    pub(super) fn begin(&mut self, ui: &egui::Ui, inputs: LayoutInputs, everything: bool) {
        if self.inputs != Some(inputs) {
            self.forget();
            self.inputs = Some(inputs);
        }
        self.everything = everything;
        self.origin = ui.max_rect().min;
        self.band = ui.clip_rect().y_range();
        if let Some((id, _)) = self.focus
            && !ui.memory(|m| m.has_focus(id))
        {
            self.focus = None;
        }
    }

    /// Makes every measured size out of date, so the parts are built and measured again.
    pub(super) fn forget(&mut self) {
        self.generation += 1;
    }

    /// A part's new measurement, after `known`.
    pub(super) fn measured<T: PartialEq>(
        &self,
        known: Option<Measured<T>>,
        size: T,
    ) -> Measured<T> {
        let settled = known.is_some_and(|k| k.generation == self.generation && k.size == size);
        Measured {
            size,
            generation: self.generation,
            settled,
        }
    }

    /// Whether a part's size can stand in for it: measured twice alike since the sizes were
    /// last forgotten. Once is not enough: a grid's first frame is a narrow sizing pass.
    pub(super) fn settled<T>(&self, measured: &Measured<T>) -> bool {
        measured.settled && measured.generation == self.generation
    }

    /// Whether a part `height` tall whose top is at screen y `top` is built this frame.
    pub(super) fn shows(&self, top: f32, height: f32) -> bool {
        let span = Rangef::new(top, top + height);
        self.everything
            || span.intersects(self.band)
            || self.focus.is_some_and(|(_, rect)| {
                span.intersects(Rangef::new(
                    rect.top() + self.origin.y,
                    rect.bottom() + self.origin.y,
                ))
            })
    }

    /// A block of a vertical layout: built by `add` in a child `Ui` when it shows, else its
    /// last measured size allocated (one child `Ui` or one allocation either way, so the
    /// widgets after it keep their automatic ids). Returns what `add` returned, if it ran.
    pub(super) fn block<R>(
        &mut self,
        ui: &mut egui::Ui,
        key: impl Hash + std::fmt::Debug,
        add: impl FnOnce(&mut egui::Ui, &mut Self) -> R,
    ) -> Option<R> {
        let key = Id::unique(("editor block", key));
        let top = ui.cursor().min.y;
        let known = self.blocks.get(&key).copied();
        if let Some(block) = known
            && self.settled(&block)
            && !self.shows(top, block.size.y)
        {
            ui.allocate_space(block.size);
            return None;
        }
        let InnerResponse { inner, response } = ui.scope(|ui| add(ui, self));
        let block = self.measured(known, response.rect.size());
        self.blocks.insert(key, block);
        Some(inner)
    }

    /// Called with every widget that can take the keyboard focus: remembers where the focused
    /// one is, and scrolls one that just gained the focus (by Tab, say) into view.
    pub(super) fn note(&mut self, response: &Response) {
        if response.has_focus() {
            self.focus = Some((response.id, response.rect.translate(-self.origin.to_vec2())));
            if response.gained_focus() {
                response.scroll_to_me(None);
            }
        }
    }
}
