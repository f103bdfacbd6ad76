//! Number boxes: how a number is shown and edited (`Num`), the `DragValue` behind it, the
//! picture that stands in for it at rest, and number formatting and parsing.

use std::ops::RangeInclusive;

use egui::emath::Numeric;
use egui::{DragValue, Id, IdMap, Rect, Response, Vec2};

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

/// What a number box at rest painted the last time egui drew it, to be painted again while
/// nothing about it changes.
#[derive(Clone, Debug)]
pub(super) struct RestingPicture {
    /// The value shown, as bits.
    value_bits: u64,
    /// The `LazyLayout::picture_generation` it was drawn in: the theme, width and scale it
    /// assumes, and egui's text cache its galleys belong to.
    generation: (u64, u64),
    /// Whether it was drawn enabled (a disabled box is drawn faded).
    enabled: bool,
    /// Where it was last painted.
    rect: Rect,
    /// Its shapes, relative to the top-left corner of `rect`.
    shapes: Vec<egui::Shape>,
}

/// A number box: egui's `DragValue` (see [`number_drag`]), or, while it rests, the picture of
/// it at rest with the same value. A `DragValue` costs about as much as a dozen labels a
/// frame and the editor shows a dozen; at rest it only repeats itself. The picture is allocated
/// and interacts exactly like the widget (same id, size and sense, and it stays in the keyboard
/// focus order), so a press, a drag, a hover or the focus arriving finds the real widget from
/// that frame on. `generation` is `None` where a picture must not stand in; it changes when
/// egui rebuilds its text cache, so a picture's glyphs never outlive the font atlas they point
/// into.
pub(super) fn number_box(
    ui: &mut egui::Ui,
    pictures: &mut IdMap<RestingPicture>,
    generation: Option<(u64, u64)>,
    value: &mut f64,
    spec: &Num<'_>,
    size: Vec2,
) -> Response {
    let id = ui.next_auto_id();
    if let Some(generation) = generation
        && let Some(picture) = pictures.get_mut(&id)
        && picture.value_bits == value.to_bits()
        && picture.generation == generation
        && picture.enabled == ui.is_enabled()
        && !needs_widget(ui, id, picture.rect)
    {
        // What `DragValue` does at rest: allocate, interact, join the focus order, paint.
        let (_, rect) = ui.allocate_space(picture.rect.size());
        let response = ui.interact(rect, id, egui::Sense::click_and_drag());
        if ui.is_enabled() {
            ui.memory_mut(|m| m.interested_in_focus(id, ui.layer_id()));
        }
        picture.rect = rect;
        if ui.is_rect_visible(rect) {
            // The shapes were faded as they were painted if the `Ui` is disabled: a painter of
            // the same layer and clip that does not fade them again.
            let painter = egui::Painter::new(ui.ctx().clone(), ui.layer_id(), ui.clip_rect());
            for shape in &picture.shapes {
                painter.add(moved(shape.clone(), rect.min.to_vec2()));
            }
        }
        return response;
    }
    let layer = ui.layer_id();
    let first = ui
        .ctx()
        .graphics(|g| g.get(layer).map_or(0, |list| list.next_idx().0));
    let rested = ui.ctx().read_response(id).is_some_and(|r| at_rest(&r));
    let response = ui.add(number_drag(value, spec, size));
    // Only a widget drawn at rest after a frame at rest is drawn in its resting style (egui
    // styles a widget by its state the frame before).
    let picture = generation
        .filter(|_| rested && at_rest(&response))
        .and_then(|generation| {
            let offset = -response.rect.min.to_vec2();
            let shapes = ui.ctx().graphics(|g| {
                g.get(layer).map(|list| {
                    list.all_entries()
                        .skip(first)
                        .map(|clipped| moved(clipped.shape.clone(), offset))
                        .collect()
                })
            })?;
            Some(RestingPicture {
                value_bits: value.to_bits(),
                generation,
                enabled: ui.is_enabled(),
                rect: response.rect,
                shapes,
            })
        });
    match picture {
        Some(picture) => pictures.insert(id, picture),
        None => pictures.remove(&id),
    };
    response
}

/// `shape` moved by `delta`. A text moves by its position alone: `Shape::translate` would
/// copy its whole galley to move the galley's bounds too, which painting never reads.
fn moved(shape: egui::Shape, delta: Vec2) -> egui::Shape {
    match shape {
        egui::Shape::Text(mut text) => {
            text.pos += delta;
            egui::Shape::Text(text)
        }
        mut other => {
            other.translate(delta);
            other
        }
    }
}

/// Whether a widget is in its resting state: not hovered, pressed, dragged or focused.
fn at_rest(response: &Response) -> bool {
    !(response.hovered()
        || response.contains_pointer()
        || response.is_pointer_button_down_on()
        || response.has_focus()
        || response.clicked()
        || response.dragged()
        || response.highlighted())
}

/// Whether the number box `id`, last painted at `rect`, must be the real widget this frame:
/// it has the focus or is dragged, the pointer is over it, or it was not at rest last frame.
fn needs_widget(ui: &egui::Ui, id: Id, rect: Rect) -> bool {
    ui.memory(|m| m.has_focus(id))
        || ui.ctx().is_being_dragged(id)
        || ui
            .ctx()
            .pointer_latest_pos()
            .is_some_and(|pointer| rect.contains(pointer))
        || ui.ctx().read_response(id).is_none_or(|r| !at_rest(&r))
}

/// A DragValue over an f64 as `spec` says: range, unit, speed, thousands separators, typed
/// values applied on Enter or when focus leaves, "3M"-style input accepted.
pub(super) fn number_drag<'a>(
    value: &'a mut f64,
    spec: &Num<'a>,
    size: egui::Vec2,
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
    .custom_parser(parse_number)
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
    /// each frame is built by `events(frame)`; returns the value and the shapes of each frame.
    fn number_box_frames(
        frames: u32,
        (pictures_allowed, enabled): (bool, bool),
        mut events: impl FnMut(u32) -> Vec<egui::Event>,
    ) -> (f64, Vec<String>) {
        let ctx = egui::Context::default();
        let mut pictures = IdMap::default();
        let mut value = 1000.0;
        let spec = Num::of(0.0..=10_000.0, " requests/s");
        let mut painted = Vec::new();
        for frame in 0..frames {
            let input = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0))),
                time: Some(f64::from(frame) / 60.0),
                events: events(frame),
                ..egui::RawInput::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                if !enabled {
                    ui.disable();
                }
                let generation = pictures_allowed.then_some((0, 0));
                number_box(
                    ui,
                    &mut pictures,
                    generation,
                    &mut value,
                    &spec,
                    vec2(160.0, 20.0),
                );
            });
            output.textures_delta.clear();
            painted.push(format!("{:?}", output.shapes));
        }
        (value, painted)
    }

    #[test]
    fn a_resting_number_box_paints_what_the_widget_painted() {
        let away = |frame| {
            if frame == 0 {
                vec![egui::Event::PointerMoved(pos2(390.0, 190.0))]
            } else {
                Vec::new()
            }
        };
        for enabled in [true, false] {
            let (_, widget) = number_box_frames(6, (false, enabled), away);
            let (_, pictured) = number_box_frames(6, (true, enabled), away);
            // Drawn twice at rest, then pictured: the same shapes in the same places, faded
            // once where the box is disabled.
            assert_eq!(widget.last(), pictured.last(), "enabled: {enabled}");
            assert!(widget.last().is_some_and(|shapes| shapes.contains("1,000")));
        }
    }

    #[test]
    fn a_resting_number_box_can_be_dragged_at_once() {
        // After resting, the pointer arrives and presses in the same frame (a touch screen),
        // then drags right.
        let at = |x: f32| pos2(x, 10.0);
        let drag = |frame: u32| match frame {
            0 => vec![egui::Event::PointerMoved(pos2(390.0, 190.0))],
            6 => vec![
                egui::Event::PointerMoved(at(40.0)),
                egui::Event::PointerButton {
                    pos: at(40.0),
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers: egui::Modifiers::NONE,
                },
            ],
            7..=12 => vec![egui::Event::PointerMoved(at(
                40.0 + 10.0 * (frame - 6) as f32
            ))],
            13 => vec![egui::Event::PointerButton {
                pos: at(100.0),
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            }],
            _ => Vec::new(),
        };
        let (pictured, _) = number_box_frames(16, (true, true), drag);
        let (widget, _) = number_box_frames(16, (false, true), drag);
        assert!(widget > 1000.0, "{widget}");
        assert_eq!(pictured, widget);
    }

    #[test]
    fn a_click_on_a_resting_number_box_edits_it() {
        let at = pos2(40.0, 10.0);
        let click = |frame: u32| match frame {
            0 => vec![egui::Event::PointerMoved(pos2(390.0, 190.0))],
            6 => vec![
                egui::Event::PointerMoved(at),
                egui::Event::PointerButton {
                    pos: at,
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers: egui::Modifiers::NONE,
                },
            ],
            7 => vec![egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            }],
            10 => vec![egui::Event::Text("2500".to_owned())],
            11 => vec![egui::Event::Key {
                key: egui::Key::Enter,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }],
            _ => Vec::new(),
        };
        let (value, _) = number_box_frames(14, (true, true), click);
        assert_eq!(value, 2500.0);
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
