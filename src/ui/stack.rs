//! View 1, "Who owns what": the seven layers of the stack coloured by who is responsible for them in
//! one hosting model, or two side by side, with the chores each layer means.

use std::sync::Arc;

use egui::{Color32, CornerRadius, Rect, Role, Sense, Stroke, StrokeKind, WidgetInfo, vec2};
use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::model::scenario::{HostingModel, LaunchType, PackageType, Scenario};
use crate::model::stack::{Layer, Owner, StackVariant, owner, who_does_it, you_manage};
use crate::ui::slide::LeftOut;
use crate::ui::theme::Theme;

/// What a slide of the stack view may leave out ([`crate::ui::slide`]): the stacks always stay.
pub const SLIDE_SECTIONS: [&str; 1] = ["changes list"];

/// Show one model or compare two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StackMode {
    /// One model, large.
    #[default]
    Single,
    /// Two models side by side.
    Compare,
}

/// View state of the stack diagram.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct StackView {
    /// One model or two.
    pub mode: StackMode,
    /// The model shown (left one when comparing).
    pub primary: HostingModel,
    /// The right-hand model when comparing.
    pub secondary: HostingModel,
    /// The layer whose chores are explained, if one was clicked.
    pub selected: Option<Layer>,
    /// The sections a slide leaves out to fit ([`SLIDE_SECTIONS`]).
    #[serde(skip)]
    pub left_out: LeftOut,
}

impl Default for StackView {
    fn default() -> Self {
        Self {
            mode: StackMode::Single,
            primary: HostingModel::OnPrem,
            secondary: HostingModel::Lambda,
            selected: None,
            left_out: LeftOut::default(),
        }
    }
}

/// Seconds a colour change takes.
const TRANSITION_S: f32 = 0.45;

impl StackView {
    /// The accessible name of one layer box, e.g. "Host OS patching in Serverless: AWS".
    pub fn layer_label(model: HostingModel, layer: Layer, owner: Owner) -> String {
        format!("{} in {}: {}", layer.name(), model.label(), owner.label())
    }

    /// Shows the controls: mode, model toggles and the two variants that change ownership.
    pub fn controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.mode, StackMode::Single, "One model")
                .on_hover_text("Show one hosting model; keys 1–4 switch it");
            ui.selectable_value(&mut self.mode, StackMode::Compare, "Compare two")
                .on_hover_text("Show two hosting models side by side");
            ui.separator();
            if self.mode == StackMode::Compare {
                ui.label("Left:");
            }
            for (i, model) in HostingModel::ALL.into_iter().enumerate() {
                ui.selectable_value(&mut self.primary, model, model.label())
                    .on_hover_text(format!(
                        "{} ({}), key {}",
                        model.label(),
                        model.service(),
                        i + 1
                    ));
            }
        });
        if self.mode == StackMode::Compare {
            ui.horizontal_wrapped(|ui| {
                ui.label("Right:");
                for model in HostingModel::ALL {
                    // Distinct labels, so the two rows of toggles have different accessible names.
                    ui.selectable_value(
                        &mut self.secondary,
                        model,
                        format!("vs {}", model.label()),
                    )
                    .on_hover_text(format!("Compare with {}", model.label()));
                }
            });
        }
        ui.horizontal_wrapped(|ui| {
            let mut fargate = scenario.containers.launch_type == LaunchType::Fargate;
            if ui
                .checkbox(&mut fargate, "Containers on Fargate")
                .on_hover_text(
                    "With Fargate, AWS runs the container hosts: no nodes for you to patch",
                )
                .changed()
            {
                let mut edited = scenario.clone();
                edited.containers.launch_type = if fargate {
                    LaunchType::Fargate
                } else {
                    LaunchType::Ec2
                };
                commands.push(Command::SetScenario(Box::new(edited)));
            }
            let mut image = scenario.cold_start.package_type == PackageType::Image;
            if ui
                .checkbox(&mut image, "Lambda as a container image")
                .on_hover_text(
                    "A container-image function carries its own runtime: its patches become yours",
                )
                .changed()
            {
                let mut edited = scenario.clone();
                edited.cold_start.package_type = if image {
                    PackageType::Image
                } else {
                    PackageType::Zip
                };
                commands.push(Command::SetScenario(Box::new(edited)));
            }
        });
    }

    /// Shows the whole view: controls, legend, diagram and the explanation of a layer.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        theme: &Theme,
        commands: &mut Vec<Command>,
        show_controls: bool,
    ) {
        if show_controls {
            self.controls_ui(ui, scenario, commands);
            ui.add_space(4.0);
        }
        legend_ui(ui, theme);
        ui.add_space(6.0);

        let variant = StackVariant::of(scenario);
        let models: Vec<HostingModel> = match self.mode {
            StackMode::Single => vec![self.primary],
            StackMode::Compare => vec![self.primary, self.secondary],
        };

        let available = ui.available_size();
        let detail_width = (available.x * 0.36).clamp(280.0, 560.0);
        let side_by_side = available.x > 900.0;
        let diagram_width = if side_by_side {
            available.x - detail_width - 16.0
        } else {
            available.x
        };
        let mut hovered = None;
        ui.horizontal_top(|ui| {
            // The columns' widths add up to the view's: no spacing beyond the 16 points between.
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.x = 8.0;
                ui.set_width(diagram_width);
                let height = if side_by_side {
                    available.y
                } else {
                    (available.y * 0.6).max(320.0)
                };
                hovered = self.diagram_ui(ui, &models, variant, theme, vec2(diagram_width, height));
            });
            if side_by_side {
                ui.add_space(16.0);
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing.x = 8.0;
                    ui.set_width(detail_width);
                    self.detail_ui(ui, hovered, (variant, &models), theme, show_controls);
                });
            }
        });
        if !side_by_side {
            self.detail_ui(ui, hovered, (variant, &models), theme, show_controls);
        }
    }

    /// Draws the columns of layers; returns the hovered layer.
    fn diagram_ui(
        &mut self,
        ui: &mut egui::Ui,
        models: &[HostingModel],
        variant: StackVariant,
        theme: &Theme,
        size: egui::Vec2,
    ) -> Option<Layer> {
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let gap = 24.0;
        let count = models.len().max(1) as f32;
        let column_width = ((rect.width() - gap * (count - 1.0)) / count).min(560.0);
        let total_width = column_width * count + gap * (count - 1.0);
        let left = rect.center().x - total_width / 2.0;
        let headers: Vec<_> = models
            .iter()
            .map(|&model| column_header(ui, model, variant, theme, column_width))
            .collect();
        let header_h = headers
            .iter()
            .map(|(title, count, trigger)| {
                title.size().y + count.size().y + trigger.as_ref().map_or(0.0, |t| t.size().y)
            })
            .fold(0.0, f32::max)
            + 16.0 * theme.text_scale;
        let row_gap = 6.0;
        let row_h = ((rect.height() - header_h - row_gap * 7.0) / 7.0).clamp(30.0, 96.0);
        let painter = ui.painter_at(rect);
        let font = row_font(
            &painter,
            theme.font((row_h * 0.32).clamp(14.0, 22.0)),
            column_width,
            row_h,
        );
        let mut hovered = None;

        for (column, (&model, header)) in models.iter().zip(headers).enumerate() {
            let x0 = left + column as f32 * (column_width + gap);
            // Centred galleys are laid out around x = 0: they are placed at the column's centre.
            let top = egui::pos2(x0 + column_width / 2.0, rect.top());
            header_ui(ui, &painter, (column, top), header, theme);

            for (row, layer) in Layer::ALL.into_iter().enumerate() {
                let y = rect.top() + header_h + row as f32 * (row_h + row_gap);
                let layer_rect = Rect::from_min_size(egui::pos2(x0, y), vec2(column_width, row_h));
                let who = owner(model, layer, variant);
                let id = ui.scope_id().with(("layer", column, row));
                let response = ui.interact(layer_rect, id, Sense::click());
                let label = Self::layer_label(model, layer, who);
                response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                if response.hovered() {
                    hovered = Some(layer);
                }
                if response.clicked() {
                    self.selected = if self.selected == Some(layer) {
                        None
                    } else {
                        Some(layer)
                    };
                }
                let fill = animated_fill(ui.ctx(), id, who, theme);
                painter.rect_filled(layer_rect, CornerRadius::same(6), fill);
                if self.selected == Some(layer) || response.hovered() {
                    painter.rect_stroke(
                        layer_rect,
                        CornerRadius::same(6),
                        Stroke::new(3.0, theme.highlight),
                        StrokeKind::Inside,
                    );
                }
                let badge =
                    painter.layout_no_wrap(who.label().to_owned(), font.clone(), theme.on_fill);
                painter.galley(
                    egui::pos2(
                        layer_rect.right() - ROW_PADDING - badge.size().x,
                        layer_rect.center().y - badge.size().y / 2.0,
                    ),
                    badge.clone(),
                    theme.on_fill,
                );
                let name = row_label(
                    &painter,
                    layer.name(),
                    font.clone(),
                    theme.on_fill,
                    layer_rect.size() - vec2(badge.size().x + 3.0 * ROW_PADDING, 8.0),
                );
                let elided = name.elided;
                painter.galley(
                    egui::pos2(
                        layer_rect.left() + ROW_PADDING,
                        layer_rect.center().y - name.size().y / 2.0,
                    ),
                    name,
                    theme.on_fill,
                );
                if elided {
                    // The name is shortened to keep clear of the badge: the whole of it on hover.
                    response.on_hover_text(layer.name());
                }
            }
        }
        hovered
    }

    /// Explains the hovered (else selected) layer: what it is, its chores, who does them. With
    /// none, a hint to point at one, or on a slide (no controls) what changes between the models
    /// shown.
    fn detail_ui(
        &self,
        ui: &mut egui::Ui,
        hovered: Option<Layer>,
        (variant, models): (StackVariant, &[HostingModel]),
        theme: &Theme,
        show_controls: bool,
    ) {
        let layer = hovered.or(self.selected);
        if layer.is_none() && !show_controls {
            if self.left_out.keeps(&SLIDE_SECTIONS, "changes list") {
                slide_summary_ui(ui, models, variant, theme);
            }
            return;
        }
        let Some(layer) = layer else {
            ui.label(
                egui::RichText::new("Point at or click a layer to see what it means in chores")
                    .color(theme.weak_text),
            );
            ui.add_space(8.0);
            ui.label(
                "From racks you own to functions you deploy, each step hands another layer to \
                 AWS. Switch models with the buttons above or keys 1 to 4.",
            );
            return;
        };
        ui.heading(layer.name());
        ui.label(layer.summary());
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Chores").strong());
        for chore in layer.chores() {
            ui.label(format!("• {chore}"));
        }
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Who does them").strong());
        egui::Grid::new("who_does_it")
            .num_columns(2)
            .spacing(vec2(10.0, 6.0))
            .show(ui, |ui| {
                for model in HostingModel::ALL {
                    let who = owner(model, layer, variant);
                    let chip = egui::RichText::new(format!(" {} ", who.label()))
                        .color(theme.on_fill)
                        .background_color(theme.owner(who))
                        .strong();
                    ui.label(chip);
                    ui.add(
                        egui::Label::new(format!(
                            "{}: {}",
                            model.label(),
                            who_does_it(model, layer, variant)
                        ))
                        .wrap(),
                    );
                    ui.end_row();
                }
            });
    }
}

/// What a slide says beside the stacks: with two, which layers change hands between them; with
/// one, the story of the four models.
fn slide_summary_ui(
    ui: &mut egui::Ui,
    models: &[HostingModel],
    variant: StackVariant,
    theme: &Theme,
) {
    let [from, to] = models else {
        ui.label(
            egui::RichText::new(
                "From racks you own to functions you deploy, each step hands another layer to AWS.",
            )
            .font(theme.font(18.0)),
        );
        return;
    };
    let moved: Vec<Layer> = Layer::ALL
        .into_iter()
        .filter(|&layer| owner(*from, layer, variant) != owner(*to, layer, variant))
        .collect();
    ui.label(
        egui::RichText::new(format!(
            "From {} to {}: {} of 7 layers change hands",
            from.label().to_lowercase(),
            to.label().to_lowercase(),
            moved.len()
        ))
        .font(theme.font(20.0))
        .strong(),
    );
    ui.add_space(6.0);
    // One row per layer: its new owner's chip, then the change, wrapped within the column.
    for layer in moved {
        let who = owner(*to, layer, variant);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 10.0;
            ui.label(
                egui::RichText::new(format!(" {} ", who.label()))
                    .font(theme.font(18.0))
                    .color(theme.on_fill)
                    .background_color(theme.owner(who))
                    .strong(),
            );
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!(
                        "{}: from {} to {}",
                        layer.name(),
                        owner(*from, layer, variant).label(),
                        who.label()
                    ))
                    .font(theme.font(18.0)),
                )
                .wrap(),
            );
        });
    }
}

/// Space between a layer's edge, its name and its owner's badge, points.
const ROW_PADDING: f32 = 14.0;

/// A column's title ("On-premises (your own servers)"), its count of managed layers and, for
/// serverless, what triggers the function, each wrapped to the column's width, so none runs
/// past the column or into its neighbour.
fn column_header(
    ui: &egui::Ui,
    model: HostingModel,
    variant: StackVariant,
    theme: &Theme,
    width: f32,
) -> (
    Arc<egui::Galley>,
    Arc<egui::Galley>,
    Option<Arc<egui::Galley>>,
) {
    let (you, shared) = you_manage(model, variant);
    let count = if shared > 0 {
        format!("You manage {you} of 7 layers, {shared} shared")
    } else {
        format!("You manage {you} of 7 layers")
    };
    let centred = |text: String, font: egui::FontId, color: Color32| {
        let mut job = egui::text::LayoutJob::simple(text, font, color, width);
        job.halign = egui::Align::Center;
        ui.painter().layout_job(job)
    };
    (
        centred(
            format!("{} ({})", model.label(), model.service()),
            theme.font(22.0),
            theme.strong_text,
        ),
        centred(count, theme.font(20.0), theme.weak_text),
        (model == HostingModel::Lambda)
            .then(|| centred(variant.triggered_by(), theme.font(16.0), theme.weak_text)),
    )
}

/// A column's title, its count and, for serverless, its trigger, centred on `top`; the count
/// and the trigger each get an accessible name.
fn header_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    (column, top): (usize, egui::Pos2),
    (title, count, trigger): ColumnHeader,
    theme: &Theme,
) {
    let count_top = top + vec2(0.0, title.size().y);
    painter.galley(top, title, theme.strong_text);
    let count_rect = count.rect.translate(count_top.to_vec2());
    let count_text = count.text().to_owned();
    ui.interact(
        count_rect,
        ui.scope_id().with(("count", column)),
        Sense::hover(),
    )
    .widget_info(|| WidgetInfo::labeled(Role::Label, true, &count_text));
    let trigger_top = count_top + vec2(0.0, count.size().y);
    painter.galley(count_top, count, theme.weak_text);
    if let Some(trigger) = trigger {
        trigger_line_ui(ui, painter, (column, trigger_top), trigger, theme);
    }
}

/// A column's title, count of managed layers and, for serverless, what triggers it.
type ColumnHeader = (
    Arc<egui::Galley>,
    Arc<egui::Galley>,
    Option<Arc<egui::Galley>>,
);

/// The serverless column's "Triggered by …" line at `top`, with its tooltip and accessible name.
fn trigger_line_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    (column, top): (usize, egui::Pos2),
    trigger: Arc<egui::Galley>,
    theme: &Theme,
) {
    let text = trigger.text().to_owned();
    let rect = trigger.rect.translate(top.to_vec2());
    ui.interact(
        rect,
        ui.scope_id().with(("trigger", column)),
        Sense::hover(),
    )
    .on_hover_text(
        "What invokes the function; set it in the editor's Workload section. AWS runs the \
             poller or the queue between the source and the function",
    )
    .widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
    painter.galley(top, trigger, theme.weak_text);
}

/// A layer's name laid out in `space` beside its badge: wrapped on as many lines as fit, else
/// shortened with "…" (the caller then shows the whole name on hover).
fn row_label(
    painter: &egui::Painter,
    name: &str,
    font: egui::FontId,
    color: Color32,
    space: egui::Vec2,
) -> std::sync::Arc<egui::Galley> {
    let line_h = painter.fonts_mut(|f| f.row_height(&font));
    let mut job = egui::text::LayoutJob::simple(name.to_owned(), font, color, space.x.max(1.0));
    job.wrap.max_rows = ((space.y / line_h).floor() as usize).max(1);
    painter.layout_job(job)
}

/// The type of every layer's name: `font`, or smaller by tenths down to [`ROW_LABEL_FLOOR`]
/// until every name fits beside the widest badge without being shortened. One size for all
/// rows, so no name looks less important than another.
fn row_font(
    painter: &egui::Painter,
    font: egui::FontId,
    column_width: f32,
    row_h: f32,
) -> egui::FontId {
    let fits = |font: &egui::FontId| {
        let widest_badge = [Owner::You, Owner::Aws, Owner::Shared]
            .into_iter()
            .map(|o| {
                painter
                    .layout_no_wrap(o.label().to_owned(), font.clone(), Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0, f32::max);
        let space = vec2(column_width - widest_badge - 3.0 * ROW_PADDING, row_h - 8.0);
        Layer::ALL.into_iter().all(|layer| {
            !row_label(painter, layer.name(), font.clone(), Color32::WHITE, space).elided
        })
    };
    let floor = ROW_LABEL_FLOOR.min(font.size);
    let mut size = font.size;
    while size * 0.9 >= floor && !fits(&egui::FontId::new(size, font.family.clone())) {
        size *= 0.9;
    }
    egui::FontId::new(size, font.family)
}

/// The smallest type a layer's name shrinks to before it is shortened, points.
const ROW_LABEL_FLOOR: f32 = 16.0;

/// The legend: one swatch per owner.
fn legend_ui(ui: &mut egui::Ui, theme: &Theme) {
    ui.horizontal(|ui| {
        for (who, meaning) in [
            (Owner::You, "your team does the work"),
            (Owner::Aws, "AWS does it for you"),
            (Owner::Shared, "AWS provides, you configure"),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(22.0, 22.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, CornerRadius::same(4), theme.owner(who));
            ui.label(egui::RichText::new(who.label()).strong());
            ui.label(egui::RichText::new(meaning).color(theme.weak_text));
            ui.add_space(14.0);
        }
    });
}

/// The fill of a layer, easing from its previous owner's colour to the new one.
fn animated_fill(ctx: &egui::Context, id: egui::Id, who: Owner, theme: &Theme) -> Color32 {
    let weight = |o: Owner| {
        ctx.animate_value_with_time(
            id.with(o.label()),
            f32::from(u8::from(who == o)),
            TRANSITION_S,
        )
    };
    let (wy, wa, ws) = (
        weight(Owner::You),
        weight(Owner::Aws),
        weight(Owner::Shared),
    );
    let total = (wy + wa + ws).max(f32::EPSILON);
    let mix = |f: fn(Color32) -> u8| {
        let v = (f32::from(f(theme.you)) * wy
            + f32::from(f(theme.aws)) * wa
            + f32::from(f(theme.shared)) * ws)
            / total;
        v.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(mix(|c| c.r()), mix(|c| c.g()), mix(|c| c.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `check` with a painter of a bare context's first frame.
    fn with_painter(check: impl FnOnce(&egui::Painter)) {
        let ctx = egui::Context::default();
        let mut check = Some(check);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(check) = check.take() {
                check(ui.painter());
            }
        });
        // No renderer takes the font texture; egui checks that it was not dropped unseen.
        output.textures_delta.clear();
    }

    #[test]
    fn a_name_wraps_where_it_can_and_is_shortened_where_it_cannot() {
        with_painter(|painter| {
            let font = egui::FontId::proportional(20.0);
            let name = "Capacity planning and scaling";
            let two_lines = row_label(
                painter,
                name,
                font.clone(),
                Color32::WHITE,
                vec2(180.0, 60.0),
            );
            assert!(!two_lines.elided);
            assert_eq!(two_lines.rows.len(), 2);
            let one_line = row_label(painter, name, font, Color32::WHITE, vec2(180.0, 30.0));
            assert!(one_line.elided, "shortened, and shown whole on hover");
            assert_eq!(one_line.rows.len(), 1);
            let shown: usize = one_line.rows.iter().map(|r| r.row.glyphs.len()).sum();
            assert!(shown < name.chars().count(), "{shown}");
        });
    }

    #[test]
    fn names_share_a_smaller_size_before_any_is_shortened() {
        with_painter(|painter| {
            let font = egui::FontId::proportional(28.0);
            assert_eq!(row_font(painter, font.clone(), 600.0, 60.0).size, 28.0);
            let narrow = row_font(painter, font, 260.0, 34.0).size;
            assert!((ROW_LABEL_FLOOR..28.0).contains(&narrow), "{narrow}");
        });
    }
}
