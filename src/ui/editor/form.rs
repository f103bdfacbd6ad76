//! Form widgets: the two-column grid of labelled values (`Form`) and its rows (numbers,
//! toggles, text, choices, instance picker), and the full-width text field.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::RangeInclusive;

use egui::emath::Numeric;
use egui::{
    Align, Checkbox, Id, InnerResponse, Layout, Rect, Response, RichText, TextEdit, Vec2, pos2,
    vec2,
};

use super::choices::Choice;
use super::lazy_layout::{LazyLayout, height};
use super::number_box::{Num, format_number, number_drag_noting, typed_notice};
use crate::model::scenario::InstancePrice;
use crate::ui::theme::{EDITOR_GAP, EDITOR_LABEL_WIDTH, EDITOR_VALUE_WIDTH};

/// Where a form leaves its note on a typed value it did not take as typed, for the editor to show
/// in the banner (egui's per-frame data, read and removed once the editor is drawn).
pub(super) const EDITOR_NOTICE: &str = "editor_typed_value_notice";

/// A two-column grid of labelled values; returns whether a value changed.
pub(super) fn form(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    id: impl egui::AsIdSalt,
    value_width: f32,
    add: impl FnOnce(&mut Form<'_>),
) -> bool {
    // A fixed label column, not one computed from the panel's width: the values line up across
    // sections, and a value wider than its column cannot make the panel grow frame after frame.
    let label_width = EDITOR_LABEL_WIDTH * value_width / EDITOR_VALUE_WIDTH;
    let key = Id::unique(("form", &id));
    egui::Grid::new(id)
        .num_columns(2)
        .spacing(vec2(EDITOR_GAP * 1.5, EDITOR_GAP))
        .show(ui, |ui| {
            let mut f = Form {
                ui,
                layout,
                key,
                row: 0,
                row_height: 0.0,
                label_width,
                value_width,
                changed: false,
                disabled: None,
            };
            add(&mut f);
            f.changed
        })
        .inner
}

/// A text field as wide as the panel under its label, committed when focus leaves it.
/// `(rows, max_chars)`: its height in lines and its length limit.
pub(super) fn wide_text<'t>(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    text: &'t mut String,
    kind: fn(&'t mut dyn egui::TextBuffer) -> TextEdit<'t>,
    (rows, max_chars): (usize, usize),
    label: &str,
    tip: &str,
) -> bool {
    let label = ui.label(label).on_hover_text(tip);
    let response = ui
        .add(
            kind(text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .char_limit(max_chars),
        )
        .labelled_by(label.id)
        .on_hover_text(tip);
    layout.note(&response);
    response.lost_focus()
}

/// The rows of one grid: each call adds a label (with its tooltip) and a value widget labelled
/// by it, and records whether the value changed. Rows away from the visible part of the editor
/// are not built (see `Form::lazy_row`).
pub(super) struct Form<'u> {
    ui: &'u mut egui::Ui,
    layout: &'u mut LazyLayout,
    /// The grid's key; a row's key is this with the row's index.
    key: Id,
    /// Index of the next grid row.
    row: usize,
    /// Height of the row being built, as measured last time (0 if never).
    row_height: f32,
    label_width: f32,
    value_width: f32,
    changed: bool,
    /// Set while the next rows do not apply, with the reason shown on hover.
    pub(super) disabled: Option<&'static str>,
}

impl Form<'_> {
    /// The size of a number box: the value column's width, the usual widget height.
    fn value_size(&self) -> egui::Vec2 {
        vec2(self.value_width, self.ui.spacing().interact_size.y)
    }

    /// One grid row: `build` adds its name cell and its value cell and returns their rects.
    /// Away from the visible band (see `LazyLayout::shows`), the two cells only allocate the
    /// sizes they had when last built: the grid's column widths and row heights, and so every
    /// visible pixel and the scroll height, stay exactly as if the row were there. Each cell
    /// is one child `Ui` either way, so the widgets after it keep their automatic ids (and
    /// with them focus and state) however far the editor is scrolled.
    fn lazy_row(&mut self, build: impl FnOnce(&mut Self) -> [Rect; 2]) {
        let key = self.key.with(self.row);
        self.row += 1;
        let top = self.ui.cursor().min.y;
        let known = self.layout.rows.get(&key).copied();
        match known {
            Some(row) if self.layout.settled(&row) && !self.layout.shows(top, height(row.size)) => {
                for size in row.size {
                    self.ui.allocate_space(size);
                }
            }
            _ => {
                // The grid centres each cell on the row's height of the frame before, which
                // these cells made: the value cell is centred on the same height.
                self.row_height = known.map_or(0.0, |row| height(row.size));
                let cells = build(self).map(|rect| rect.size());
                let row = self.layout.measured(known, cells);
                self.layout.rows.insert(key, row);
            }
        }
        self.ui.end_row();
    }

    /// The row's name cell, the name on one line in the label column's width. Returns the
    /// cell's rect and the name's response.
    pub(super) fn label(&mut self, text: &str, tip: &str) -> (Rect, Response) {
        // As tall as the value widgets and centred like them, so label and value line up. Names
        // are short enough not to wrap; one that is longer widens its column rather than being
        // cut or overlapping the next row.
        // Painted straight into the grid cell rather than as a `Label` in a child `Ui` of its
        // own: the same text, place and accessibility node for a fraction of the work, which
        // counts with a dozen rows on screen every frame.
        let ui = &mut *self.ui;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley = ui
            .painter()
            .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER);
        let size = vec2(
            self.label_width.max(galley.size().x),
            ui.spacing().interact_size.y.max(galley.size().y),
        );
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Label, ui.is_enabled(), text)
        });
        if ui.is_rect_visible(rect) {
            let top = rect.center().y - galley.size().y / 2.0;
            ui.painter()
                .galley(pos2(rect.left(), top), galley, ui.visuals().text_color());
        }
        (rect, response.on_hover_text(tip))
    }

    /// The row's value cell: one child `Ui` centred on the row as a grid centres its cells,
    /// disabled while `self.disabled` says the row does not apply.
    fn value<R>(&mut self, add: impl FnOnce(&mut egui::Ui) -> R) -> InnerResponse<R> {
        let size = vec2(
            self.ui.available_width(),
            self.row_height.max(self.ui.spacing().interact_size.y),
        );
        let enabled = self.disabled.is_none();
        self.ui
            .allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
                if !enabled {
                    ui.disable();
                }
                add(ui)
            })
    }

    /// A value cell holding a number box (see [`number_drag`]), disabled unless `enabled`.
    /// A typed value that is not a number, or outside the range, is named in the banner with
    /// what was done instead.
    fn number_cell(
        &mut self,
        shown: &mut f64,
        (spec, label): (&Num<'_>, &str),
        size: Vec2,
        enabled: bool,
    ) -> InnerResponse<Response> {
        let typed = RefCell::new(None);
        let cell = self.value(|ui| {
            if !enabled {
                ui.disable();
            }
            ui.add(number_drag_noting(shown, spec, size, Some(&typed)))
        });
        if let Some(notice) = typed
            .into_inner()
            .and_then(|text| typed_notice(label, &text, spec, *shown))
        {
            self.ui
                .data_mut(|d| d.insert_temp(Id::unique(EDITOR_NOTICE), notice));
        }
        cell
    }

    /// Ties the value widget to its label and adds its tooltips.
    fn finish(&mut self, response: &Response, label: &Response, tip: &str) {
        self.layout.note(response);
        let response = response.clone().labelled_by(label.id).on_hover_text(tip);
        if let Some(reason) = self.disabled {
            response.on_disabled_hover_ui(|ui| {
                ui.label(tip);
                ui.label(RichText::new(reason).strong());
            });
        }
    }

    /// A row of a name and the widget `add` adds.
    fn row(&mut self, label: &str, tip: &str, add: impl FnOnce(&mut egui::Ui) -> Response) {
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let value = f.value(add);
            f.changed |= value.inner.changed();
            f.finish(&value.inner, &name, tip);
            [name_cell, value.response.rect]
        });
    }

    /// A number of any numeric type, within `range`.
    pub(super) fn num<N: Numeric>(
        &mut self,
        value: &mut N,
        range: RangeInclusive<N>,
        label: &str,
        unit: &str,
        tip: &str,
    ) {
        let spec = Num::of(range, unit);
        self.number(value, &spec, label, tip);
    }

    /// A fraction from `min` to 1, shown as a percentage.
    pub(super) fn percent(&mut self, value: &mut f64, min: f64, label: &str, tip: &str) {
        self.number(value, &Num::percent(min), label, tip);
    }

    /// A price in USD from 0 to `max`.
    pub(super) fn price(&mut self, value: &mut f64, max: f64, label: &str, unit: &str, tip: &str) {
        self.number(value, &Num::money(max, unit), label, tip);
    }

    fn number<N: Numeric>(&mut self, value: &mut N, spec: &Num<'_>, label: &str, tip: &str) {
        let mut shown = value.to_f64();
        let size = self.value_size();
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let value = f.number_cell(&mut shown, (spec, label), size, true);
            f.changed |= value.inner.changed();
            f.finish(&value.inner, &name, tip);
            [name_cell, value.response.rect]
        });
        if shown != value.to_f64() {
            *value = N::from_f64(if spec.integral { shown.round() } else { shown });
        }
    }

    /// A request count with ÷10 and ×10 buttons: steps along the cost view's log axis.
    pub(super) fn count(&mut self, value: &mut u64, max: u64, label: &str, tip: &str) {
        self.num(value, 0..=max, label, "", tip);
        // The buttons sit on a row of their own under the value, so the value column keeps
        // its width.
        let (mut down, mut up) = (false, false);
        self.lazy_row(|f| {
            let name_cell = f.ui.label("").rect;
            let buttons = f.value(|ui| {
                ui.horizontal(|ui| {
                    let down = ui
                        .small_button("÷10")
                        .accessible_name(format!("Divide {} by 10", label.to_lowercase()))
                        .on_hover_text("Divide by 10: one step left on the cost view's log axis");
                    let up = ui
                        .small_button("×10")
                        .accessible_name(format!("Multiply {} by 10", label.to_lowercase()))
                        .on_hover_text(
                            "Multiply by 10: one step right on the cost view's log axis",
                        );
                    [down, up]
                })
                .inner
            });
            for button in &buttons.inner {
                f.layout.note(button);
            }
            let [down_button, up_button] = &buttons.inner;
            (down, up) = (down_button.clicked(), up_button.clicked());
            [name_cell, buttons.response.rect]
        });
        let stepped = if down {
            *value / 10
        } else if up {
            value.saturating_mul(10).min(max)
        } else {
            *value
        };
        if stepped != *value {
            *value = stepped;
            self.changed = true;
        }
    }

    /// An optional number: the checkbox in the label column sets it, the value is edited beside
    /// it; ticking it starts from `fallback`.
    pub(super) fn optional<N: Numeric>(
        &mut self,
        value: &mut Option<N>,
        fallback: N,
        spec: &Num<'_>,
        label: &str,
        tip: &str,
    ) {
        let mut on = value.is_some();
        let mut shown = value.unwrap_or(fallback).to_f64();
        self.lazy_row(|f| {
            let label_width = f.label_width;
            let enabled = f.disabled.is_none();
            let size = vec2(label_width, f.ui.spacing().interact_size.y);
            let check =
                f.ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
                    ui.set_min_width(size.x);
                    ui.add_enabled(enabled, Checkbox::new(&mut on, label))
                });
            let check_response = check.inner.on_hover_text(tip);
            f.layout.note(&check_response);
            let size = f.value_size();
            let drag = f.number_cell(&mut shown, (spec, label), size, on);
            let response = drag
                .inner
                .on_disabled_hover_text("Tick the box to set a value");
            f.finish(&response, &check_response, tip);
            [check.response.rect, drag.response.rect]
        });
        let shown = N::from_f64(if spec.integral { shown.round() } else { shown });
        let new = on.then_some(shown);
        if new != *value {
            *value = new;
            self.changed = true;
        }
    }

    /// A yes/no value.
    pub(super) fn toggle(&mut self, value: &mut bool, label: &str, tip: &str) {
        self.row(label, tip, |ui| ui.add(Checkbox::without_text(value)));
    }

    /// One-line text, committed when focus leaves it (so retyping a name does not recompute
    /// every view on each key).
    pub(super) fn text(&mut self, value: &mut String, max_chars: usize, label: &str, tip: &str) {
        let width = self.value_width;
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let edit = f.value(|ui| {
                ui.add(
                    TextEdit::singleline(value)
                        .desired_width(width)
                        .char_limit(max_chars),
                )
            });
            f.changed |= edit.inner.lost_focus();
            f.finish(&edit.inner, &name, tip);
            [name_cell, edit.response.rect]
        });
    }

    /// An enum picked from a combo box; hovering an option shows its hint.
    pub(super) fn choice<T: Choice>(&mut self, value: &mut T, label: &str, tip: &str) {
        self.choice_with(value, label, tip, |option| Cow::Borrowed(option.hint()));
    }

    /// An enum picked from a combo box, with option hints built only while the list is open.
    pub(super) fn choice_with<T: Choice>(
        &mut self,
        value: &mut T,
        label: &str,
        tip: &str,
        hint: impl Fn(T) -> Cow<'static, str>,
    ) {
        self.choice_among(value, T::OPTIONS, label, tip, hint);
    }

    /// An enum picked from a combo box offering only `options`, with option hints built only
    /// while the list is open.
    pub(super) fn choice_among<T: Choice>(
        &mut self,
        value: &mut T,
        options: &[T],
        label: &str,
        tip: &str,
        hint: impl Fn(T) -> Cow<'static, str>,
    ) {
        let before = *value;
        let width = self.value_width;
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let combo = f.value(|ui| {
                egui::ComboBox::from_id_salt(label)
                    .width(width)
                    .selected_text(value.text())
                    .show_ui(ui, |ui| {
                        for &option in options {
                            let text = hint(option);
                            let item = ui.selectable_value(value, option, option.text());
                            if !text.is_empty() {
                                item.on_hover_text(text);
                            }
                        }
                    })
                    .response
            });
            f.finish(&combo.inner, &name, tip);
            [name_cell, combo.response.rect]
        });
        self.changed |= *value != before;
    }

    /// Picks an instance type from the price list, setting its name and hourly price together.
    pub(super) fn instance_picker(
        &mut self,
        name: &mut String,
        hourly_usd: &mut f64,
        instances: &[InstancePrice],
        label: &str,
        tip: &str,
    ) {
        let width = self.value_width;
        let mut picked = None;
        self.lazy_row(|f| {
            let (name_cell, name_response) = f.label(label, tip);
            let combo = f.value(|ui| {
                egui::ComboBox::from_id_salt(label)
                    .width(width)
                    .selected_text(name.as_str())
                    .show_ui(ui, |ui| {
                        for instance in instances {
                            let text = format!(
                                "{}  ${}/h",
                                instance.name,
                                format_number(instance.hourly_usd, 2..=6)
                            );
                            if ui
                                .selectable_label(instance.name == *name, text)
                                .on_hover_text("Sets the name and the hourly price")
                                .clicked()
                            {
                                picked = Some(instance);
                            }
                        }
                    })
                    .response
            });
            f.finish(&combo.inner, &name_response, tip);
            [name_cell, combo.response.rect]
        });
        if let Some(instance) = picked
            && (instance.name != *name || instance.hourly_usd != *hourly_usd)
        {
            name.clone_from(&instance.name);
            *hourly_usd = instance.hourly_usd;
            self.changed = true;
        }
    }
}
