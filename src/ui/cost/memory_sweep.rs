//! The memory sweep, as AWS Lambda Power Tuning draws it: the function's duration (left axis) and
//! its cost per million invocations (right axis) at every memory size from 128 MB to 10,240 MB,
//! the cheapest, fastest and balanced sizes marked, and a click (or a button) that sets the
//! memory.

use egui::RichText;
use egui_plot::{AxisHints, HPlacement, Line, MarkerShape, Plot, Points, VLine};

use crate::command::Command;
use crate::derived::Derived;
use crate::model::cost::format_usd;
use crate::model::format::group_digits;
use crate::model::memory_sweep::{MAX_MEMORY_MB, MIN_MEMORY_MB, MemorySweep, SweepPoint};
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::theme::Theme;

/// The accessible name of the sweep's chart.
pub const SWEEP_CHART_NAME: &str = "Duration and cost per million invocations at every memory size";

/// The marked sizes: what each is called, its marker and the point.
fn marks(sweep: &MemorySweep) -> [(&'static str, MarkerShape, SweepPoint); 3] {
    [
        ("cheapest", MarkerShape::Diamond, sweep.cheapest),
        ("balanced", MarkerShape::Circle, sweep.balanced),
        ("fastest", MarkerShape::Up, sweep.fastest),
    ]
}

fn mb(memory_mb: u32) -> String {
    format!("{} MB", group_digits(u64::from(memory_mb)))
}

/// The x coordinate of a memory size: log2, so 128 MB to 10 GB spread evenly by doubling.
fn x_of(memory_mb: f64) -> f64 {
    memory_mb.max(1.0).log2()
}

pub(super) fn memory_sweep_ui(
    ui: &mut egui::Ui,
    (scenario, derived): (&Scenario, &Derived),
    theme: &Theme,
    commands: &mut Vec<Command>,
    show_controls: bool,
) {
    let sweep = &derived.memory_sweep;
    let w = &scenario.workload;
    ui.label(RichText::new("Memory sweep: which size suits this function").strong())
        .on_hover_text(
            "As AWS Lambda Power Tuning draws it. Lambda gives CPU in proportion to memory: \
             1,769 MB is one vCPU, 6 vCPUs at most. Only the CPU-bound share of the work speeds \
             up, on at most as many vCPUs as it has threads. Cost per million = requests + \
             billed duration at the first price tier, without the free tier.",
        );
    ui.add(
        egui::Label::new(format!(
            "{:.0}% of the {:.0} ms at {} is CPU-bound, on {} thread{}. Cheapest {} ({} per \
             million), fastest {} ({:.0} ms), balanced {}.",
            w.cpu_bound_share * 100.0,
            w.avg_duration_ms,
            mb(w.memory_mb),
            w.threads,
            if w.threads == 1 { "" } else { "s" },
            mb(sweep.cheapest.memory_mb),
            format_usd(sweep.cheapest.cost_per_million_usd),
            mb(sweep.fastest.memory_mb),
            sweep.fastest.duration_ms,
            mb(sweep.balanced.memory_mb),
        ))
        .wrap(),
    );
    let clicked = chart_ui(ui, sweep, theme);
    legend_ui(ui, sweep, theme);
    let mut set = clicked;
    if show_controls {
        ui.horizontal_wrapped(|ui| {
            for (name, _, point) in marks(sweep) {
                let button = ui
                    .add_enabled(
                        point.memory_mb != w.memory_mb,
                        egui::Button::new(format!("Use {} ({name})", mb(point.memory_mb))),
                    )
                    .on_hover_text(format!(
                        "Set the function's memory to {}: {:.0} ms, {} per million invocations. \
                         The duration scales with it.",
                        mb(point.memory_mb),
                        point.duration_ms,
                        format_usd(point.cost_per_million_usd)
                    ))
                    .on_disabled_hover_text("The function already has this memory");
                if button.clicked() {
                    set = Some(point);
                }
            }
        });
    }
    if let Some(point) = set.filter(|p| p.memory_mb != w.memory_mb) {
        let mut edited = scenario.clone();
        edited.workload.memory_mb = point.memory_mb;
        // The duration the sweep predicts at the new size, so the bill follows the sweep.
        edited.workload.avg_duration_ms = (point.duration_ms * 1000.0).round() / 1000.0;
        commands.push(Command::SetScenario(Box::new(edited)));
    }
}

/// The chart; returns the size clicked, if any.
fn chart_ui(ui: &mut egui::Ui, sweep: &MemorySweep, theme: &Theme) -> Option<SweepPoint> {
    let largest = |of: fn(&SweepPoint) -> f64| sweep.points.iter().map(of).fold(0.0_f64, f64::max);
    let max_ms = largest(|p| p.duration_ms).max(1e-3);
    let max_usd = largest(|p| p.cost_per_million_usd).max(1e-9);
    // Cost is drawn on the duration's scale and labelled on the right axis in dollars.
    let cost_y = move |usd: f64| usd / max_usd * max_ms;
    let duration_color = theme.model(HostingModel::Lambda);
    let cost_color = theme.strong_text;
    let response = sweep_plot(theme, max_ms, max_usd).show(ui, |plot_ui| {
        let along = |y: fn(&SweepPoint) -> f64| -> Vec<[f64; 2]> {
            sweep
                .points
                .iter()
                .map(|p| [x_of(f64::from(p.memory_mb)), y(p)])
                .collect()
        };
        plot_ui.line(
            Line::new("Duration", along(|p| p.duration_ms))
                .color(duration_color)
                .width(theme.line_width),
        );
        let cost: Vec<[f64; 2]> = sweep
            .points
            .iter()
            .map(|p| [x_of(f64::from(p.memory_mb)), cost_y(p.cost_per_million_usd)])
            .collect();
        plot_ui.line(
            Line::new("Cost per million", cost)
                .color(cost_color)
                .width(theme.line_width)
                .style(egui_plot::LineStyle::dashed_dense()),
        );
        plot_ui.vline(
            VLine::new("This function", x_of(f64::from(sweep.current.memory_mb)))
                .color(theme.highlight)
                .width(1.5),
        );
        for (name, shape, point) in marks(sweep) {
            let x = x_of(f64::from(point.memory_mb));
            for (y, color) in [
                (point.duration_ms, duration_color),
                (cost_y(point.cost_per_million_usd), cost_color),
            ] {
                plot_ui.points(
                    Points::new(name, vec![[x, y]])
                        .shape(shape)
                        .radius(6.0 * theme.text_scale)
                        .filled(true)
                        .color(color),
                );
            }
        }
        plot_ui.pointer_coordinate()
    });
    let clicked = response.response.clicked();
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, SWEEP_CHART_NAME));
    let at = response.inner?;
    if !clicked {
        return None;
    }
    // The size nearest the click along the memory axis.
    sweep.points.iter().copied().min_by(|a, b| {
        let d = |p: &SweepPoint| (x_of(f64::from(p.memory_mb)) - at.x).abs();
        d(a).total_cmp(&d(b))
    })
}

/// The sweep's frame: memory on a log axis, duration on the left, cost per million on the right
/// (drawn on the duration's scale: `max_ms` on the left is `max_usd` on the right), fixed.
fn sweep_plot(theme: &Theme, max_ms: f64, max_usd: f64) -> Plot<'static> {
    let duration_color = theme.model(HostingModel::Lambda);
    let font = theme.font(13.0);
    let sizes = [128, 256, 512, 1024, 2048, 4096, 10_240];
    Plot::new("memory_sweep")
        .height(190.0 * theme.text_scale)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(max_ms * 1.08)
        .include_x(x_of(f64::from(MIN_MEMORY_MB)))
        .include_x(x_of(f64::from(MAX_MEMORY_MB)))
        .x_grid_spacer(move |_| {
            sizes
                .iter()
                .map(|&mb| egui_plot::GridMark {
                    value: x_of(f64::from(mb)),
                    step_size: 1.0,
                })
                .collect()
        })
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(RichText::new("Memory (MB, log scale)").font(font.clone()))
                .tick_label_font(font.clone())
                // The marks are an octave or more apart: room for "10,240" at the right end.
                .label_spacing(30.0..=40.0)
                .formatter(|mark, _| group_digits(mark.value.exp2().round() as u64)),
        ])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(
                    RichText::new("Duration (ms)")
                        .color(duration_color)
                        .font(font.clone()),
                )
                .tick_label_font(font.clone())
                .formatter(|mark, _| format!("{:.0}", mark.value)),
            AxisHints::new_y()
                .label(RichText::new("Cost per million (USD)").font(font.clone()))
                .tick_label_font(font)
                .placement(HPlacement::Right)
                .formatter(move |mark, _| {
                    let usd = mark.value / max_ms * max_usd;
                    if usd < 10.0 {
                        format!("${usd:.2}")
                    } else {
                        format!("${usd:.0}")
                    }
                }),
        ])
}

/// A small swatch of a line, solid or dashed, for the legend.
fn line_swatch(ui: &mut egui::Ui, color: egui::Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 14.0), egui::Sense::hover());
    let points = [rect.left_center(), rect.right_center()];
    let stroke = egui::Stroke::new(2.5, color);
    if dashed {
        ui.painter()
            .extend(egui::Shape::dashed_line(&points, stroke, 4.0, 3.0));
    } else {
        ui.painter().line_segment(points, stroke);
    }
}

/// A marker drawn as on the chart, for the legend.
fn marker_swatch(ui: &mut egui::Ui, shape: MarkerShape, color: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    let c = rect.center();
    let r = 5.5;
    let painter = ui.painter();
    match shape {
        MarkerShape::Diamond => painter.add(egui::Shape::convex_polygon(
            vec![
                c + egui::vec2(0.0, -r),
                c + egui::vec2(r, 0.0),
                c + egui::vec2(0.0, r),
                c + egui::vec2(-r, 0.0),
            ],
            color,
            egui::Stroke::NONE,
        )),
        MarkerShape::Up => painter.add(egui::Shape::convex_polygon(
            vec![
                c + egui::vec2(0.0, -r),
                c + egui::vec2(r, r * 0.8),
                c + egui::vec2(-r, r * 0.8),
            ],
            color,
            egui::Stroke::NONE,
        )),
        _ => painter.add(egui::Shape::circle_filled(c, r, color)),
    };
}

/// What each line and marker means, in one wrapped row.
fn legend_ui(ui: &mut egui::Ui, sweep: &MemorySweep, theme: &Theme) {
    ui.horizontal_wrapped(|ui| {
        line_swatch(ui, theme.model(HostingModel::Lambda), false);
        ui.label("duration");
        ui.add_space(6.0);
        line_swatch(ui, theme.strong_text, true);
        ui.label("cost per million");
        for (name, shape, point) in marks(sweep) {
            ui.add_space(6.0);
            marker_swatch(ui, shape, theme.strong_text);
            ui.label(format!("{name} {}", mb(point.memory_mb)));
        }
        ui.add_space(6.0);
        line_swatch(ui, theme.highlight, false);
        ui.label(
            RichText::new(format!("now {}", mb(sweep.current.memory_mb))).color(theme.highlight),
        )
        .on_hover_text(
            "The function's memory in this scenario; click the chart or a button to change it",
        );
    });
}
