//! How a slide fits its size. A slide cannot scroll: an export first shrinks its type, down to
//! [`FLOOR_BODY_PX`], then leaves out whole sections of the view, least needed first, until
//! nothing is cut and no two texts overlap ([`crate::slide_fit::lay_out_slide`]); a footer names
//! what was left out. The window never leaves anything out: it scrolls.

/// The smallest body text a slide shrinks to, in pixels of the slide at its size (at scale 1):
/// on a 1024×768 projector that is 1/55 of the screen's height, about the size of 24-point type
/// on a 4:3 slide seen from the back of a classroom. Small print (axis ticks, captions) is
/// 13/16 of it, 11 px.
pub const FLOOR_BODY_PX: f32 = 14.0;

/// How many of a view's optional sections a slide leaves out: the first `n` of its list.
/// Zero (the default) everywhere in the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut(pub usize);

impl LeftOut {
    /// Whether `section` of `sections` (a view's list) is shown.
    pub fn keeps(self, sections: &[&str], section: &str) -> bool {
        sections
            .iter()
            .position(|s| *s == section)
            .is_none_or(|i| i >= self.0)
    }

    /// The sections left out of `sections`, for the slide's footer.
    pub fn names(self, sections: &'static [&'static str]) -> &'static [&'static str] {
        sections
            .get(..self.0.min(sections.len()))
            .unwrap_or_default()
    }
}

/// A vertical scroll area in the window. A slide cannot scroll: there the content is laid out
/// as it is, so that what does not fit shows as overflow ([`SlideArea`]) instead of hiding
/// below a scroll area's edge.
///
/// `to_top` scrolls the area back to its top on this frame (a tour step asks for it), and is
/// cleared.
pub fn scroll_unless_slide<R>(
    ui: &mut egui::Ui,
    slide: bool,
    (id_salt, to_top): (&str, &mut bool),
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    if slide {
        ui.vertical(add).inner
    } else {
        let mut area = egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink([false, false]);
        if std::mem::take(to_top) {
            area = area.vertical_scroll_offset(0.0);
        }
        area.show(ui, add).inner
    }
}

/// Where a slide's view was given room, and where its content went.
#[derive(Clone, Copy, Debug)]
pub struct SlideArea {
    /// The room under the title (and above the footer).
    pub room: egui::Rect,
    /// What the view laid out.
    pub content: egui::Rect,
}

impl SlideArea {
    /// Whether the view laid out more than its room: what is past the edge is not painted, so
    /// no text check would see it.
    pub fn overflows(&self) -> bool {
        !self.room.expand(1.0).contains_rect(self.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_left_out_in_order() {
        let sections = ["a", "b", "c"];
        let cut = LeftOut(2);
        assert!(!cut.keeps(&sections, "a"));
        assert!(!cut.keeps(&sections, "b"));
        assert!(cut.keeps(&sections, "c"));
        assert!(cut.keeps(&sections, "not optional"));
        assert!(LeftOut::default().keeps(&sections, "a"));
        assert_eq!(LeftOut(9).names(&["x", "y"]), ["x", "y"]);
    }
}
