//! Number boxes: how a number is shown and edited (`Num`), the `DragValue` behind it, and
//! number formatting and parsing.

use std::cell::RefCell;
use std::ops::RangeInclusive;

use egui::DragValue;
use egui::emath::Numeric;

use crate::model::format::separate_thousands;

/// How a number is shown and edited: its range, unit and kind.
#[derive(Clone, Debug)]
pub(super) struct Num<'s> {
    range: RangeInclusive<f64>,
    unit: &'s str,
    pub(super) integral: bool,
    /// Shown value = stored value × scale (100 for percentages).
    scale: f64,
    /// Prices: a "$" prefix and up to ten decimals, for rates such as $0.0000166667.
    money: bool,
}

impl<'s> Num<'s> {
    /// A number of type `N` in `range`, shown with `unit` after it.
    pub(super) fn of<N: Numeric>(range: RangeInclusive<N>, unit: &'s str) -> Self {
        Self {
            range: range.start().to_f64()..=range.end().to_f64(),
            unit,
            integral: N::INTEGRAL,
            scale: 1.0,
            money: false,
        }
    }

    /// A value stored in `range` and shown multiplied by `scale`.
    pub(super) fn scaled(range: RangeInclusive<f64>, scale: f64, unit: &'s str) -> Self {
        Self {
            scale,
            ..Self::of(range.start() * scale..=range.end() * scale, unit)
        }
    }

    /// A fraction from `min` to 1, shown as a percentage.
    pub(super) fn percent(min: f64) -> Self {
        Self::scaled(min..=1.0, 100.0, " %")
    }

    /// A price from 0 to `max` USD.
    pub(super) fn money(max: f64, unit: &'s str) -> Self {
        Self {
            money: true,
            ..Self::of(0.0..=max, unit)
        }
    }

    /// Drag speed per point: half a percent of the value, so dragging is roughly logarithmic and
    /// works for 0.00001 as for 1,000,000, with a floor so a zero can move.
    fn speed(&self, shown: f64) -> f64 {
        let floor = if self.money {
            1e-10
        } else if self.integral {
            0.05
        } else {
            ((self.range.end() - self.range.start()) * 1e-4).clamp(0.01, 1.0)
        };
        (shown.abs() * 0.005).max(floor)
    }
}

/// A DragValue over an f64 as `spec` says: range, unit, speed, thousands separators, typed
/// values applied on Enter or when focus leaves, "3M"-style input accepted.
pub(super) fn number_drag<'a>(
    value: &'a mut f64,
    spec: &Num<'a>,
    size: egui::Vec2,
) -> DragValue<'a> {
    number_drag_noting(value, spec, size, None)
}

/// [`number_drag`], keeping the text a user typed in `typed` when it is applied, so the form can
/// say what became of it.
pub(super) fn number_drag_noting<'a>(
    value: &'a mut f64,
    spec: &Num<'a>,
    size: egui::Vec2,
    typed: Option<&'a RefCell<Option<String>>>,
) -> DragValue<'a> {
    let scale = spec.scale;
    let speed = spec.speed(*value * scale);
    // Prices under $100 keep their cents; larger ones read better without.
    let min_decimals = if spec.money && value.abs() < 100.0 {
        2
    } else {
        0
    };
    let drag = DragValue::from_get_set(move |set| {
        if let Some(shown) = set {
            *value = shown / scale;
        }
        *value * scale
    })
    .range(spec.range.clone())
    .speed(speed)
    .suffix(spec.unit)
    .custom_formatter(move |value, decimals| {
        // The shortest exact text, not egui's minimum from the drag speed: "3 ×", not "3.00 ×".
        format_number(value, min_decimals..=(*decimals.end()).max(min_decimals))
    })
    .custom_parser(move |text| {
        if let Some(typed) = typed {
            *typed.borrow_mut() = Some(text.to_owned());
        }
        parse_number(text)
    })
    .update_while_editing(false)
    .min_size(size);
    if spec.money {
        drag.prefix("$").max_decimals(10)
    } else if spec.integral {
        drag.max_decimals(0)
    } else {
        drag
    }
}

/// What became of a typed value that was not taken as typed, in words for the banner: not a
/// number (the value is kept) or outside the range (set to the nearest end); `None` when the
/// text was taken as it is. `shown` is the value after the edit, in shown units.
pub(super) fn typed_notice(label: &str, text: &str, spec: &Num<'_>, shown: f64) -> Option<String> {
    let (min, max) = (*spec.range.start(), *spec.range.end());
    let words = |v: f64| {
        let prefix = if spec.money { "$" } else { "" };
        format!("{prefix}{}{}", format_number(v, 0..=10), spec.unit)
    };
    let allowed = format!("allowed {} to {}", words(min), words(max));
    match parse_number(text) {
        None => Some(format!(
            "{label}: \"{}\" is not a number ({allowed}); kept {}",
            text.trim(),
            words(shown)
        )),
        Some(v) if v < min || v > max => Some(format!(
            "{label}: {} is outside the range ({allowed}); set to {}",
            text.trim(),
            words(shown)
        )),
        Some(_) => None,
    }
}

/// Formats a number with thousands separators and the fewest decimals in `decimals` that give
/// it back. egui's own formatter compares in f32 with an absolute margin, which would show
/// $0.0000000309 as $0.00.
pub(super) fn format_number(value: f64, decimals: RangeInclusive<usize>) -> String {
    let (min, max) = (*decimals.start(), (*decimals.end()).min(16));
    let exact = (min..max).find_map(|d| {
        let text = format!("{value:.d$}");
        let back: f64 = text.parse().ok()?;
        ((back - value).abs() <= value.abs() * 1e-9).then_some(text)
    });
    separate_thousands(&exact.unwrap_or_else(|| format!("{value:.max$}")))
}

/// Parses typed numbers: separators (",", "_", spaces) are ignored, "−" is a minus, and a
/// k, M, B (or G) or T suffix multiplies by a thousand, million, billion or trillion.
fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let (digits, factor) = [
        (['k', 'K'], 1e3),
        (['M', 'M'], 1e6),
        (['B', 'G'], 1e9),
        (['T', 'T'], 1e12),
    ]
    .into_iter()
    .find_map(|(suffix, factor)| cleaned.strip_suffix(suffix).map(|d| (d, factor)))
    .unwrap_or((cleaned.as_str(), 1.0));
    digits
        .parse::<f64>()
        .ok()
        .map(|v| v * factor)
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use egui::{Pos2, pos2, vec2};

    use super::*;

    /// Frames of one number box (1,000 requests/s, 0 to 10,000) in a bare context: the input of
    /// each frame is built by `events(frame)`; returns the value after the last frame.
    fn number_box_frames(frames: u32, mut events: impl FnMut(u32) -> Vec<egui::Event>) -> f64 {
        let ctx = egui::Context::default();
        let mut value = 1000.0;
        let spec = Num::of(0.0..=10_000.0, " requests/s");
        for frame in 0..frames {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0))),
                time: Some(f64::from(frame) / 60.0),
                events: events(frame),
                ..egui::RawInput::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                ui.add(number_drag(&mut value, &spec, vec2(160.0, 20.0)));
            });
            output.textures_delta.clear();
        }
        value
    }

    #[test]
    fn dragging_a_number_box_changes_its_value_within_range() {
        let at = |x: f32| pos2(x, 10.0);
        // Frame 0 lays the box out (egui finds what a press hits among the widgets of the frame
        // before); frame 1 presses on it, frames 2 to 7 drag to `to`, frame 8 lets go.
        let drag = |to: f32| {
            move |frame: u32| match frame {
                1 => vec![
                    egui::Event::PointerMoved(at(40.0)),
                    egui::Event::PointerButton {
                        pos: at(40.0),
                        button: egui::PointerButton::Primary,
                        pressed: true,
                        modifiers: egui::Modifiers::NONE,
                    },
                ],
                2..=7 => vec![egui::Event::PointerMoved(at(
                    40.0 + (to - 40.0) * (frame - 1) as f32 / 6.0
                ))],
                8 => vec![egui::Event::PointerButton {
                    pos: at(to),
                    button: egui::PointerButton::Primary,
                    pressed: false,
                    modifiers: egui::Modifiers::NONE,
                }],
                _ => Vec::new(),
            }
        };
        let right = number_box_frames(10, drag(100.0));
        assert!(right > 1000.0 && right < 10_000.0, "{right}");
        let far_right = number_box_frames(10, drag(100_000.0));
        assert_eq!(far_right, 10_000.0);
    }

    #[test]
    fn numbers_parse_with_separators_and_suffixes() {
        assert_eq!(parse_number("3,000,000"), Some(3e6));
        assert_eq!(parse_number(" 1 536 "), Some(1536.0));
        assert_eq!(parse_number("3M"), Some(3e6));
        assert_eq!(parse_number("1.5B"), Some(1.5e9));
        assert_eq!(parse_number("250k"), Some(250e3));
        assert_eq!(parse_number("2T"), Some(2e12));
        assert_eq!(parse_number("−4"), Some(-4.0));
        assert_eq!(parse_number("0.0000166667"), Some(0.000_016_666_7));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
    }
    #[test]
    fn drag_speed_scales_with_the_value() {
        let ms = Num::of(0.0..=10_000.0, " ms");
        assert_eq!(ms.speed(0.0), 1.0);
        assert_eq!(ms.speed(1_000.0), 5.0);
        let price = Num::money(1.0, " /GB-s");
        assert!(price.speed(0.000_016_666_7) < 1e-6);
        let count = Num::of(0..=10u32, "");
        assert_eq!(count.speed(0.0), 0.05);
    }
}
