//! The only place colours and sizes are written: light, dark and projector themes, the ownership
//! and hosting-model palettes, and text sizes. Palettes are drawn from Okabe and Ito's
//! colour-blind-safe set.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

use crate::model::scenario::HostingModel;
use crate::model::stack::Owner;

/// The theme the user picked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Light or dark, following the operating system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// High contrast for projectors: white background, black text, thick lines, large type.
    Projector,
}

impl ThemeChoice {
    /// All choices, in menu order.
    pub const ALL: [Self; 4] = [Self::System, Self::Light, Self::Dark, Self::Projector];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Follow system",
            Self::Light => "Light",
            Self::Dark => "Dark",
            Self::Projector => "Projector",
        }
    }
}

/// A theme after resolving "follow system".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeKind {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// Projector.
    Projector,
}

impl ThemeKind {
    /// Parses `light`, `dark` or `projector` (command line).
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            "projector" => Some(Self::Projector),
            _ => None,
        }
    }
}

// Okabe–Ito colour-blind-safe palette.
const ORANGE: Color32 = Color32::from_rgb(230, 159, 0);
const SKY_BLUE: Color32 = Color32::from_rgb(86, 180, 233);
const BLUISH_GREEN: Color32 = Color32::from_rgb(0, 158, 115);
const YELLOW: Color32 = Color32::from_rgb(240, 228, 66);
const BLUE: Color32 = Color32::from_rgb(0, 114, 178);
const VERMILLION: Color32 = Color32::from_rgb(213, 94, 0);
const REDDISH_PURPLE: Color32 = Color32::from_rgb(204, 121, 167);

/// Gap between the rows and columns of the scenario editor's grids, points.
pub const EDITOR_GAP: f32 = 6.0;

/// Indent of the scenario editor's section bodies, points (egui's default is 18).
pub const EDITOR_INDENT: f32 = 10.0;

/// Text size of the scenario editor's section headers, points before the theme's text scale.
pub const EDITOR_SECTION_TEXT: f32 = 18.0;

/// Width of the label column of the scenario editor, points before the theme's text scale.
pub const EDITOR_LABEL_WIDTH: f32 = 176.0;

/// Width of a value widget (number box, combo box, text field) in the scenario editor, points
/// before the theme's text scale.
pub const EDITOR_VALUE_WIDTH: f32 = 140.0;

/// Width of the two number columns of the scenario editor's price-tier tables, points before the
/// theme's text scale.
pub const EDITOR_TIER_WIDTH: f32 = 130.0;

/// Every colour and size a view needs. Built once per frame from the resolved theme.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Which theme this is.
    pub kind: ThemeKind,
    /// Fill of a layer you own.
    pub you: Color32,
    /// Fill of a layer AWS owns.
    pub aws: Color32,
    /// Fill of a shared layer.
    pub shared: Color32,
    /// Text drawn on an ownership fill.
    pub on_fill: Color32,
    /// Strong text (titles, numbers).
    pub strong_text: Color32,
    /// Secondary text; still at least 4.5:1 against the background.
    pub weak_text: Color32,
    /// Panel background.
    pub background: Color32,
    /// Background of cards and canvases.
    pub card: Color32,
    /// Grid lines and outlines.
    pub grid: Color32,
    /// Highlight of the hovered or selected element.
    pub highlight: Color32,
    /// Demand (requests arriving).
    pub demand: Color32,
    /// Capacity that is booting and not yet serving.
    pub booting: Color32,
    /// Requests dropped or throttled.
    pub dropped: Color32,
    /// Capacity paid for but idle.
    pub idle: Color32,
    /// Cold-start phases: environment, extensions, runtime, your init, restore, handler.
    pub phases: [Color32; 6],
    /// A warm execution environment waiting for requests (idle until reclaimed).
    pub warm_idle: Color32,
    /// Width of chart lines, points.
    pub line_width: f32,
    /// Multiplier applied to every text size.
    pub text_scale: f32,
}

impl Theme {
    /// The theme of a kind.
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Light => Self {
                kind,
                you: VERMILLION,
                aws: BLUE,
                shared: REDDISH_PURPLE,
                on_fill: Color32::WHITE,
                strong_text: Color32::from_gray(20),
                weak_text: Color32::from_gray(80),
                background: Color32::from_gray(248),
                card: Color32::WHITE,
                grid: Color32::from_gray(200),
                highlight: Color32::from_rgb(0, 0, 0),
                demand: Color32::from_gray(30),
                booting: Color32::from_rgb(170, 170, 170),
                dropped: VERMILLION,
                idle: Color32::from_rgba_unmultiplied(230, 159, 0, 90),
                phases: [
                    Color32::from_gray(120),
                    REDDISH_PURPLE,
                    ORANGE,
                    VERMILLION,
                    SKY_BLUE,
                    BLUISH_GREEN,
                ],
                warm_idle: Color32::from_gray(222),
                line_width: 2.0,
                text_scale: 1.0,
            },
            ThemeKind::Dark => Self {
                kind,
                you: Color32::from_rgb(235, 120, 40),
                aws: Color32::from_rgb(40, 140, 210),
                shared: REDDISH_PURPLE,
                on_fill: Color32::from_gray(10),
                strong_text: Color32::from_gray(240),
                weak_text: Color32::from_gray(175),
                background: Color32::from_gray(27),
                card: Color32::from_gray(36),
                grid: Color32::from_gray(70),
                highlight: Color32::WHITE,
                demand: Color32::from_gray(230),
                booting: Color32::from_gray(100),
                dropped: Color32::from_rgb(255, 110, 60),
                idle: Color32::from_rgba_unmultiplied(240, 228, 66, 60),
                phases: [
                    Color32::from_gray(150),
                    REDDISH_PURPLE,
                    ORANGE,
                    Color32::from_rgb(255, 110, 60),
                    SKY_BLUE,
                    BLUISH_GREEN,
                ],
                warm_idle: Color32::from_gray(62),
                line_width: 2.0,
                text_scale: 1.0,
            },
            ThemeKind::Projector => Self {
                kind,
                you: VERMILLION,
                aws: BLUE,
                shared: REDDISH_PURPLE,
                on_fill: Color32::WHITE,
                strong_text: Color32::BLACK,
                weak_text: Color32::from_gray(45),
                background: Color32::WHITE,
                card: Color32::WHITE,
                grid: Color32::from_gray(150),
                highlight: Color32::BLACK,
                demand: Color32::BLACK,
                booting: Color32::from_gray(150),
                dropped: VERMILLION,
                idle: Color32::from_rgba_unmultiplied(240, 228, 66, 140),
                phases: [
                    Color32::from_gray(110),
                    REDDISH_PURPLE,
                    ORANGE,
                    VERMILLION,
                    BLUE,
                    BLUISH_GREEN,
                ],
                warm_idle: Color32::from_gray(215),
                line_width: 3.5,
                text_scale: 1.3,
            },
        }
    }

    /// Whether the background is dark.
    pub fn is_dark(&self) -> bool {
        self.kind == ThemeKind::Dark
    }

    /// The fill of an ownership.
    pub fn owner(&self, owner: Owner) -> Color32 {
        match owner {
            Owner::You => self.you,
            Owner::Aws => self.aws,
            Owner::Shared => self.shared,
        }
    }

    /// The colour of a hosting model in charts and lanes.
    pub fn model(&self, model: HostingModel) -> Color32 {
        let dark = self.is_dark();
        match model {
            // Not vermillion: that colour means dropped requests.
            HostingModel::OnPrem => {
                if dark {
                    REDDISH_PURPLE
                } else {
                    Color32::from_rgb(170, 68, 130)
                }
            }
            HostingModel::Vm => {
                if dark {
                    SKY_BLUE
                } else {
                    BLUE
                }
            }
            HostingModel::Containers => {
                if dark {
                    Color32::from_rgb(60, 200, 150)
                } else {
                    BLUISH_GREEN
                }
            }
            HostingModel::Lambda => {
                if dark {
                    YELLOW
                } else {
                    Color32::from_rgb(160, 100, 0)
                }
            }
        }
    }

    /// A stroke of the theme's line width.
    pub fn line(&self, color: Color32) -> Stroke {
        Stroke::new(self.line_width, color)
    }

    /// A proportional font of `size` points before the theme's scale.
    pub fn font(&self, size: f32) -> FontId {
        FontId::new(size * self.text_scale, FontFamily::Proportional)
    }

    /// Body text size, points.
    pub fn body_size(&self) -> f32 {
        16.0 * self.text_scale
    }

    /// The egui visuals of this theme.
    pub fn visuals(&self) -> Visuals {
        let mut visuals = if self.is_dark() {
            Visuals::dark()
        } else {
            Visuals::light()
        };
        visuals.panel_fill = self.background;
        visuals.window_fill = self.card;
        visuals.extreme_bg_color = self.card;
        visuals.override_text_color = Some(self.strong_text);
        visuals.hyperlink_color = if self.is_dark() { SKY_BLUE } else { BLUE };
        // Widget corners of radius 4 rather than egui's 6: crisper on a projector, and egui draws
        // a corner of radius 3 to 5 with 5 points where 6 to 17 takes 9, so every button, box
        // and field costs about 40% fewer vertices to tessellate (measured in benches/frame).
        for widget in [
            &mut visuals.widgets.noninteractive,
            &mut visuals.widgets.inactive,
            &mut visuals.widgets.hovered,
            &mut visuals.widgets.active,
            &mut visuals.widgets.open,
        ] {
            widget.corner_radius = egui::CornerRadius::same(4);
        }
        if self.kind == ThemeKind::Projector {
            visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(90));
            visuals.widgets.inactive.bg_stroke = Stroke::new(1.5, Color32::from_gray(60));
            visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(230);
            visuals.widgets.inactive.bg_fill = Color32::from_gray(230);
            visuals.selection.bg_fill = BLUE;
            visuals.selection.stroke = Stroke::new(2.0, Color32::WHITE);
        }
        visuals
    }

    /// Applies this theme's visuals and text sizes to the context.
    /// Restyling rebuilds every style of the context, so it happens only when the theme in
    /// force changes, not every frame.
    pub fn apply(&self, ctx: &egui::Context) {
        let applied = egui::Id::unique("serverless_explorer_applied_theme");
        if ctx.data(|d| d.get_temp::<ThemeKind>(applied)) == Some(self.kind) {
            return;
        }
        ctx.data_mut(|d| d.insert_temp(applied, self.kind));
        let scale = self.text_scale;
        let visuals = self.visuals();
        ctx.all_styles_mut(|style| {
            style.visuals = visuals.clone();
            style.text_styles = [
                (TextStyle::Small, FontId::proportional(13.0 * scale)),
                (TextStyle::Body, FontId::proportional(16.0 * scale)),
                (TextStyle::Button, FontId::proportional(16.0 * scale)),
                (TextStyle::Heading, FontId::proportional(24.0 * scale)),
                (TextStyle::Monospace, FontId::monospace(15.0 * scale)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(8.0, 6.0);
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            style.spacing.interact_size.y = 24.0 * scale;
            // Check boxes, radio buttons and collapsing arrows grow with the text they label.
            style.spacing.icon_width = 14.0 * scale;
            style.spacing.icon_width_inner = 8.0 * scale;
            style.spacing.icon_spacing = 4.0 * scale;
        });
    }
}

/// Relative luminance of an sRGB colour (WCAG 2.x).
pub fn relative_luminance(color: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_contrast_is_at_least_4_5_to_1() {
        for kind in [ThemeKind::Light, ThemeKind::Dark, ThemeKind::Projector] {
            let t = Theme::new(kind);
            for background in [t.background, t.card] {
                for text in [t.strong_text, t.weak_text] {
                    let ratio = contrast_ratio(text, background);
                    assert!(
                        ratio >= 4.5,
                        "{kind:?}: {ratio:.2} for {text:?} on {background:?}"
                    );
                }
            }
            for owner in [Owner::You, Owner::Aws, Owner::Shared] {
                let ratio = contrast_ratio(t.on_fill, t.owner(owner));
                // Labels on fills are large and bold: WCAG's 3:1 for large text applies.
                assert!(ratio >= 3.0, "{kind:?}: {ratio:.2} for text on {owner:?}");
            }
        }
    }

    #[test]
    fn contrast_ratio_extremes() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn theme_names_parse() {
        assert_eq!(ThemeKind::parse("Projector"), Some(ThemeKind::Projector));
        assert_eq!(ThemeKind::parse("sepia"), None);
    }
}
