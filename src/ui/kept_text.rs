//! Text laid out in earlier frames, painted again while it has not changed.
//!
//! egui keeps the galleys it laid out in the frame before, but finding one again means building
//! a `LayoutJob` (a `String` and a section list) and hashing it, for every text on every frame.
//! A view that paints its own text can keep the galleys it used last frame instead, keyed by a
//! hash of the text, font and colour, and build nothing when the text is the same.
//!
//! A kept galley's glyphs point into egui's font atlas. egui rebuilds the atlas (when it fills
//! up, or the fonts or the scale change) and then drops its whole galley cache. So every frame
//! lays out one fixed text through egui: while egui hands back the very same galley, its cache
//! and the atlas have not been rebuilt; when it hands back a new one, every kept galley goes.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, IdMap, Painter};

/// The text whose galley tells whether egui's text cache was rebuilt.
const SENTINEL: &str = "kept text";

/// Galleys kept from one frame to the next.
#[derive(Clone, Debug, Default)]
pub struct KeptText {
    /// egui's galley of [`SENTINEL`] in the last frame.
    sentinel: Option<Arc<Galley>>,
    /// Galleys by key, with the frame that last used each.
    galleys: IdMap<(u64, Arc<Galley>)>,
    frame: u64,
    /// How many times egui's text cache was found rebuilt.
    resets: u64,
}

impl KeptText {
    /// Starts a frame: forgets galleys that went unused for a frame, and all of them if egui's
    /// text cache was rebuilt since the last frame.
    pub fn begin_frame(&mut self, painter: &Painter) {
        let sentinel =
            painter.layout_no_wrap(SENTINEL.to_owned(), FontId::default(), Color32::WHITE);
        if !self
            .sentinel
            .as_ref()
            .is_some_and(|kept| Arc::ptr_eq(kept, &sentinel))
        {
            self.galleys.clear();
            self.resets += 1;
        }
        self.sentinel = Some(sentinel);
        let last = self.frame;
        self.galleys.retain(|_, (used, _)| *used == last);
        self.frame += 1;
    }

    /// How many times egui's text cache was found rebuilt: galleys kept elsewhere are good
    /// while this stays the same.
    pub fn resets(&self) -> u64 {
        self.resets
    }

    /// `text` on one line, laid out by egui the first time it is asked for.
    pub fn no_wrap(
        &mut self,
        painter: &Painter,
        text: &str,
        font: &FontId,
        color: Color32,
    ) -> Arc<Galley> {
        self.wrapped(painter, text, font, color, f32::INFINITY)
    }

    /// `text` wrapped at `width`, laid out by egui the first time it is asked for.
    pub fn wrapped(
        &mut self,
        painter: &Painter,
        text: &str,
        font: &FontId,
        color: Color32,
        width: f32,
    ) -> Arc<Galley> {
        let key = egui::Id::unique((text, font, color, width.to_bits()));
        let frame = self.frame;
        if let Some((used, galley)) = self.galleys.get_mut(&key) {
            *used = frame;
            return Arc::clone(galley);
        }
        let galley = painter.layout(text.to_owned(), font.clone(), color, width);
        self.galleys.insert(key, (frame, Arc::clone(&galley)));
        galley
    }
}

#[cfg(test)]
mod tests {
    use egui::{Context, FontId, RawInput};

    use super::*;

    #[test]
    fn kept_galleys_are_reused_and_forgotten_with_egui_cache() {
        let ctx = Context::default();
        let mut kept = KeptText::default();
        let font = FontId::proportional(14.0);
        let frame = |kept: &mut KeptText| {
            let mut galley = None;
            let mut output = ctx.run_ui(RawInput::default(), |ui| {
                kept.begin_frame(ui.painter());
                galley = Some(kept.no_wrap(ui.painter(), "1,234 rps", &font, Color32::RED));
            });
            output.textures_delta.clear();
            galley
        };
        let first = frame(&mut kept);
        let second = frame(&mut kept);
        assert!(first.is_some() && second.is_some(), "no galley laid out");
        // The same text in the next frame is the kept galley, not a new layout.
        assert!(matches!((&first, &second), (Some(a), Some(b)) if Arc::ptr_eq(a, b)));
        // Rebuilding egui's fonts (as a new scale or a full atlas does) drops egui's galleys,
        // and with them the kept ones.
        let resets = kept.resets();
        ctx.set_pixels_per_point(2.0);
        let third = frame(&mut kept);
        assert!(matches!((&second, &third), (Some(a), Some(b)) if !Arc::ptr_eq(a, b)));
        assert_eq!(kept.resets(), resets + 1);
    }
}
