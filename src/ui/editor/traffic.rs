//! The traffic section: the imported file and its import button, the generator row and the
//! table of traffic points.

use egui::{Label, RichText, vec2};

use super::form::form;
use super::lazy_layout::LazyLayout;
use super::number_box::{Num, number_drag};
use super::sections::subheading;
use crate::command::Command;
use crate::model::scenario::{MAX_TRAFFIC_POINTS, MAX_TRAFFIC_RPS, MAX_TRAFFIC_SECS};
use crate::model::traffic::{ShapeParams, TrafficShape};
use crate::model::traffic_file::TrafficFile;
use crate::model::traffic_import::{ImportOptions, LogBin, TrafficFormat};
use crate::ui::theme::{EDITOR_GAP, Theme};

/// Traffic points shown at once in the points table; more scroll.
const TABLE_ROWS: f32 = 8.0;

/// Smallest gap kept between two traffic points' times, s, so times stay strictly increasing.
const MIN_POINT_GAP_S: f64 = 0.01;

/// Inputs of the "Generate new traffic" rows of the traffic section.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Generator {
    shape: TrafficShape,
    params: ShapeParams,
}

/// What the traffic section works with besides the scenario's points.
pub(super) struct TrafficPart<'a> {
    /// Inputs of the "Generate new traffic" rows.
    pub(super) generator: &'a mut Generator,
    /// The file the points were imported from, while they are still its.
    pub(super) file: Option<&'a TrafficFile>,
    /// Where the import button's commands go.
    pub(super) commands: &'a mut Vec<Command>,
}

/// The generator's heading, and the note that its fields are not the scenario's traffic.
fn generator_heading_ui(ui: &mut egui::Ui, layout: &mut LazyLayout, theme: &Theme) {
    subheading(
        ui,
        layout,
        theme,
        "Generate new traffic",
        "Replace the points with a ready-made pattern; hover a shape for what it shows. These \
         are the new pattern's inputs, not the scenario's traffic, which is in the points below",
    );
    layout.block(ui, "traffic_generator_note", |ui, _| {
        ui.add(
            egui::Label::new(
                egui::RichText::new(
                    "Inputs of a new pattern, not the scenario's traffic: nothing changes until \
                     you press Replace traffic.",
                )
                .color(theme.weak_text),
            )
            .wrap(),
        );
    });
}

pub(super) fn traffic_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    traffic: &mut Vec<(f64, f64)>,
    part: &mut TrafficPart<'_>,
    theme: &Theme,
    value_width: f32,
) -> bool {
    subheading(
        ui,
        layout,
        theme,
        "From a file",
        "Your own traffic: a metric export or a request log, whose requests replace the points",
    );
    let file = part.file;
    let commands = &mut *part.commands;
    layout.block(ui, "traffic_file", |ui, layout| {
        file_ui(ui, layout, file, commands, theme);
    });
    ui.add_space(EDITOR_GAP);
    generator_heading_ui(ui, layout, theme);
    let generator = &mut *part.generator;
    let before = *generator;
    let Generator { shape, params } = generator;
    // The generator's inputs are not part of the scenario: their changes send nothing.
    form(ui, layout, "traffic_generator", value_width, |f| {
        f.choice(
            shape,
            "Shape",
            "The pattern to generate; hover an option for what it shows",
        );
        f.num(
            &mut params.base_rps,
            0.0..=MAX_TRAFFIC_RPS,
            "Base rate",
            " requests/s",
            "Quiet-time rate of the generated traffic. Default 1.",
        );
        f.num(
            &mut params.peak_rps,
            0.0..=MAX_TRAFFIC_RPS,
            "Peak rate",
            " requests/s",
            "Busiest rate of the generated traffic. Default 10,000: the launch spike of the \
             scaling view.",
        );
        f.disabled =
            (*shape == TrafficShape::DailyCycle).then_some("The daily cycle always lasts one day");
        f.num(
            &mut params.duration_s,
            1.0..=MAX_TRAFFIC_SECS,
            "Duration",
            " s",
            "Length of the generated timeline, up to 31 days. The spike lasts at least 430 s and \
             the scheduled job 4,270 s. Default 600 s.",
        );
        f.disabled =
            (*shape != TrafficShape::BurstyWebhooks).then_some("Used only by bursty webhooks");
        f.num(
            &mut params.seed,
            0..=u64::MAX,
            "Burst seed",
            "",
            "Seed of the bursty-webhooks bursts: the same seed gives the same bursts. Default 42.",
        );
    });
    if *generator != before {
        // Their rows' sizes and disabled states follow the shape.
        layout.forget();
    }
    let replace = layout.block(ui, "replace_traffic", |ui, layout| {
        let button = ui
            .button("Replace traffic")
            .on_hover_text("Replace every traffic point below with the generated shape");
        layout.note(&button);
        button.clicked()
    });
    let mut changed = false;
    if replace == Some(true) {
        *traffic = generator.shape.points(&generator.params);
        changed = true;
    }

    ui.add_space(EDITOR_GAP);
    changed
        | layout
            .block(ui, "traffic_points", |ui, layout| {
                // The curve itself, point by point: closed at first, since the generator and the
                // scaling view's chart tell most of it.
                let title = RichText::new(format!("Points ({})", traffic.len()))
                    .color(theme.weak_text)
                    .strong();
                let response = egui::CollapsingHeader::new(title)
                    .id_salt("traffic_points_open")
                    .default_open(false)
                    .show(ui, |ui| points_table(ui, layout, traffic, theme));
                layout.note(&response.header_response);
                response.header_response.on_hover_text(
                    "Requests per second at each time, linearly interpolated between points. \
                     Times always increase: each is kept between its neighbours'. 2 to 10,000 \
                     points, up to 31 days, 0–1,000,000 requests/s.",
                );
                response.body_returned.unwrap_or(false)
            })
            .unwrap_or(false)
}

/// The imported file's details, its access-log bin, and the import button.
fn file_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    file: Option<&TrafficFile>,
    commands: &mut Vec<Command>,
    theme: &Theme,
) {
    if let Some(file) = file {
        let source = &file.imported.source;
        ui.label(RichText::new(&source.file_name).strong())
            .on_hover_text(file.path.display().to_string());
        for line in file.summary_lines() {
            ui.add(Label::new(RichText::new(line).color(theme.weak_text)).wrap());
        }
        if source.format == TrafficFormat::AccessLog {
            ui.horizontal(|ui| {
                ui.label("Count requests per");
                for (bin, name) in [(LogBin::Second, "second"), (LogBin::Minute, "minute")] {
                    let chosen = file.options.log_bin == bin;
                    let button = ui
                        .selectable_label(chosen, name)
                        .on_hover_text(format!("Read the log again, counting requests per {name}"));
                    layout.note(&button);
                    if button.clicked() && !chosen {
                        let options = ImportOptions {
                            log_bin: bin,
                            ..file.options.clone()
                        };
                        commands.push(Command::ImportTraffic(file.path.clone(), options));
                    }
                }
            });
        }
    }
    let button = ui.button("Import traffic file…").on_hover_text(
        "Replace the points with a file's requests (Ctrl+I, or drop the file on the window): a \
         CloudWatch console CSV, a CSV of timestamp or seconds with requests or rps, a combined \
         access log, or AWS CLI get-metric-statistics / get-metric-data JSON. Up to 31 days and \
         100 MB; the total and the busiest period are kept exactly.",
    );
    layout.note(&button);
    if button.clicked() {
        commands.push(Command::ImportTrafficDialog);
    }
}

/// What a row's buttons asked for, applied after the rows are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowAction {
    InsertAfter(usize),
    Remove(usize),
}

/// Column widths of the points table, from the width available.
struct PointColumns {
    index: f32,
    time: f32,
    rate: f32,
    height: f32,
}

impl PointColumns {
    pub(super) fn new(ui: &egui::Ui, theme: &Theme) -> Self {
        let height = ui.spacing().interact_size.y;
        let spacing = ui.spacing().item_spacing.x;
        let index = 36.0 * theme.text_scale;
        let buttons = 2.0 * (height + spacing);
        let rest = (ui.available_width() - index - buttons - 3.0 * spacing).max(120.0);
        Self {
            index,
            time: rest * 0.45,
            rate: rest * 0.55,
            height,
        }
    }
}

fn points_table(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    points: &mut Vec<(f64, f64)>,
    theme: &Theme,
) -> bool {
    let columns = PointColumns::new(ui, theme);
    ui.horizontal(|ui| {
        ui.add_sized([columns.index, columns.height], Label::new("#"))
            .on_hover_text("Point number");
        ui.add_sized([columns.time, columns.height], Label::new("Time (s)"))
            .on_hover_text("Seconds from the start of the timeline");
        ui.add_sized(
            [columns.rate, columns.height],
            Label::new("Rate (requests/s)"),
        )
        .on_hover_text("Requests per second arriving at that time");
    });
    let count = points.len();
    let mut changed = false;
    let mut action = None;
    let row_height = columns.height;
    let max_height = (row_height + ui.spacing().item_spacing.y) * TABLE_ROWS;
    egui::ScrollArea::vertical()
        .id_salt("traffic_points")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, count, |ui, rows| {
            for i in rows {
                let lower = match i.checked_sub(1).and_then(|p| points.get(p)) {
                    Some(previous) => previous.0 + MIN_POINT_GAP_S,
                    None => 0.0,
                };
                let upper = points
                    .get(i + 1)
                    .map_or(MAX_TRAFFIC_SECS, |next| next.0 - MIN_POINT_GAP_S);
                let can_insert = insert_point(points, i).is_some();
                let Some(point) = points.get_mut(i) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let n = i + 1;
                    ui.add_sized([columns.index, row_height], Label::new(n.to_string()));
                    let time = ui
                        .add(
                            number_drag(
                                &mut point.0,
                                &Num::of(lower..=upper, " s"),
                                vec2(columns.time, row_height),
                            )
                            .clamp_existing_to_range(false),
                        )
                        .accessible_name(format!("Point {n} time"))
                        .on_hover_text(
                            "Seconds from the start; kept between the neighbouring points' times",
                        );
                    let rate = ui
                        .add(number_drag(
                            &mut point.1,
                            &Num::of(0.0..=MAX_TRAFFIC_RPS, ""),
                            vec2(columns.rate, row_height),
                        ))
                        .accessible_name(format!("Point {n} rate"))
                        .on_hover_text("Requests per second at this time, 0–1,000,000");
                    changed |= time.changed() || rate.changed();
                    let insert = ui
                        .add_enabled(can_insert, egui::Button::new("+"))
                        .accessible_name(format!("Insert a point after point {n}"))
                        .on_hover_text(
                            "Insert a point after this one (halfway to the next, or 60 s later)",
                        );
                    if insert.clicked() {
                        action = Some(RowAction::InsertAfter(i));
                    }
                    let remove = ui
                        .add_enabled(count > 2, egui::Button::new("−"))
                        .accessible_name(format!("Remove point {n}"))
                        .on_hover_text("Remove this point (at least 2 remain)");
                    if remove.clicked() {
                        action = Some(RowAction::Remove(i));
                    }
                    for response in [&time, &rate, &insert, &remove] {
                        layout.note(response);
                    }
                });
            }
        });
    match action {
        Some(RowAction::InsertAfter(i)) => {
            if let Some(point) = insert_point(points, i) {
                points.insert(i + 1, point);
                changed = true;
            }
        }
        Some(RowAction::Remove(i)) if points.len() > 2 && i < points.len() => {
            points.remove(i);
            changed = true;
        }
        _ => {}
    }
    changed
}

/// The point to insert after point `i`: halfway to the next point, or 60 s after the last one
/// (within 31 days). `None` when there is no room for strictly increasing times or no room for
/// another point.
fn insert_point(points: &[(f64, f64)], i: usize) -> Option<(f64, f64)> {
    if points.len() >= MAX_TRAFFIC_POINTS {
        return None;
    }
    let &(t, rps) = points.get(i)?;
    if let Some(&(next_t, next_rps)) = points.get(i + 1) {
        (next_t - t > 2.0 * MIN_POINT_GAP_S).then_some((0.5 * (t + next_t), 0.5 * (rps + next_rps)))
    } else {
        let new_t = (t + 60.0).min(MAX_TRAFFIC_SECS);
        (new_t - t >= MIN_POINT_GAP_S).then_some((new_t, rps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_points_keep_times_increasing() {
        let points = vec![(0.0, 1.0), (60.0, 3.0), (60.015, 5.0)];
        assert_eq!(insert_point(&points, 0), Some((30.0, 2.0)));
        // Too close to split while keeping the minimum gap.
        assert_eq!(insert_point(&points, 1), None);
        assert_eq!(insert_point(&points, 2), Some((120.015, 5.0)));
        let end = vec![(0.0, 1.0), (MAX_TRAFFIC_SECS, 1.0)];
        assert_eq!(insert_point(&end, 1), None);
        assert_eq!(insert_point(&end, 5), None);
        let full = vec![(0.0, 1.0); MAX_TRAFFIC_POINTS];
        assert_eq!(insert_point(&full, 0), None);
    }
}
