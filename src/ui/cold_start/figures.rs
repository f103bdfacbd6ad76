//! The figures beside the timeline: big numbers for one runtime (cold share, wait, percentiles,
//! cold starts per hour, billed INIT) or a table of two runtimes side by side, then the latency
//! histograms, how the figures were computed, and the model's assumptions.

use std::fmt::Write as _;

use egui::{RichText, Ui, vec2};

use super::format::{figure_line, fmt_duration, fmt_ms, fmt_percent, fmt_s, fmt_times};
use super::histogram::histogram_ui;
use super::lane::Lane;
use super::trigger::trigger_ui;
use crate::model::cold_start::{LatencySummary, Method, WindowStart, assumptions};
use crate::model::format::group;
use crate::model::scaling::ModelSummary;
use crate::model::scenario::{Scenario, Trigger};
use crate::ui::slide::LeftOut;
use crate::ui::theme::Theme;

/// How many environments the timeline created against the most the scaling view has at once
/// (and, for work that waits, the two longest waits), when the timeline is the whole scenario
/// (not an aggregate run's window).
fn environments_text(lane: &Lane<'_>, scaling: &ModelSummary, trigger: Trigger) -> Option<String> {
    let run = lane.run;
    if run.method != Method::Exact || run.timeline.truncated {
        return None;
    }
    let created = run.timeline.environments_created as f64;
    let mut text = format!(
        "Environments: {} created in this timeline, where requests arrive at random; the scaling \
         view follows the average rate and has at most {} at once.",
        group(created, 0),
        group(scaling.peak_capacity, 0)
    );
    if trigger.keeps_work() && (run.latency.waited >= 0.5 || scaling.max_wait_s >= 0.5) {
        let _ = write!(
            text,
            " The longest wait is {} here and {} there, in its half-second steps.",
            fmt_duration(run.latency.wait.max_s),
            fmt_duration(scaling.max_wait_s)
        );
    }
    Some(text)
}

/// The figures beside the timeline: big numbers (or a table when comparing), latency
/// histograms, how they were computed, and every assumption; a slide may leave out the last three.
/// `scaling` is Lambda's summary in the scaling view's run.
pub(super) fn side_panel_ui(
    ui: &mut Ui,
    (lanes, scaling): (&[Lane<'_>], &ModelSummary),
    scenario: &Scenario,
    theme: &Theme,
    left_out: LeftOut,
) {
    let noun = scenario.workload.trigger.work_noun();
    match lanes {
        [lane] => big_numbers_ui(ui, lane, noun, theme),
        _ => comparison_table_ui(ui, lanes, theme),
    }
    ui.add_space(6.0);
    trigger_ui(ui, scenario, lanes, theme);
    if let [lane] = lanes
        && let Some(text) = environments_text(lane, scaling, scenario.workload.trigger)
    {
        ui.label(text).on_hover_text(
            "Both views count the same requests. The scaling view moves request rates in steps \
             of half a second, so it needs the environments the average rate keeps busy; here \
             each request arrives at its own random moment, and when several bunch up each one \
             that finds every environment busy starts a new one. Waits differ for the same \
             reason, and the scaling view counts them in whole half-second steps.",
        );
    }
    let keeps = |section| left_out.keeps(&super::SLIDE_SECTIONS, section);
    if keeps("latency histograms") {
        ui.add_space(10.0);
        histograms_ui(ui, lanes, theme);
    }
    if keeps("how the figures were computed") {
        for lane in lanes {
            ui.label(RichText::new(method_text(lane)).color(theme.weak_text))
                .on_hover_text(
                    "Exact: every request simulated one by one. Aggregate: above 200,000 \
                     requests, the figures come from a model stepped through time; the timeline \
                     is still a request-by-request simulation of the window it shows",
                );
        }
    }
    if keeps("assumptions") {
        ui.add_space(6.0);
        egui::CollapsingHeader::new("Assumptions")
            .default_open(false)
            .show(ui, |ui| {
                for assumption in assumptions(scenario.workload.trigger) {
                    ui.label(format!("• {assumption}"));
                }
            });
    }
}

/// The latency histogram of each runtime, under a title.
fn histograms_ui(ui: &mut Ui, lanes: &[Lane<'_>], theme: &Theme) {
    for lane in lanes {
        let title = if lanes.len() > 1 {
            format!("Latency of every request, {}", lane.name)
        } else {
            "Latency of every request".to_owned()
        };
        ui.label(RichText::new(title).strong());
        histogram_ui(ui, &lane.run.histogram, theme);
        ui.add_space(6.0);
    }
}

/// How a run's figures and timeline were computed.
fn method_text(lane: &Lane<'_>) -> String {
    let run = lane.run;
    let (h0, h1) = run.horizon_s;
    let (w0, w1) = run.timeline_window;
    let mut text = match run.method {
        Method::Exact => format!(
            "{}: exact, every request of the scenario simulated ({} to {}).",
            lane.name,
            fmt_s(h0),
            fmt_s(h1)
        ),
        Method::Aggregate => format!(
            "{}: aggregate. The figures cover the whole scenario ({} to {}); the timeline shows \
             an exact window from {} to {}.",
            lane.name,
            fmt_s(h0),
            fmt_s(h1),
            fmt_s(w0),
            fmt_s(w1)
        ),
    };
    // Writing to a String cannot fail.
    match (run.method, run.window_start) {
        (Method::Aggregate, WindowStart::Spike) => {
            text.push_str(
                " It opens a second before the steepest spike in demand, with the environments \
                 the traffic before it left warm.",
            );
        }
        (Method::Aggregate, WindowStart::Typical) => {
            let _ = write!(
                text,
                " It opens at the median request, a typical moment, with the {} environments \
                 the traffic before it left warm.",
                group(run.timeline.warm_at_start as f64, 0)
            );
        }
        _ => {}
    }
    if run.timeline.truncated {
        let _ = write!(
            text,
            " The timeline stops at {}: it keeps at most 500 environments and 20,000 handler \
             runs ({} environments created).",
            fmt_s(w1),
            group(run.timeline.environments_created as f64, 0)
        );
    }
    text
}

/// Big numbers for one runtime.
fn big_numbers_ui(ui: &mut Ui, lane: &Lane<'_>, noun: &str, theme: &Theme) {
    let l = &lane.run.latency;
    let about = if lane.run.method == Method::Aggregate {
        "about "
    } else {
        ""
    };
    // The runtime's name is in the combo box above: the first line is the lesson's number.
    ui.label(
        RichText::new(fmt_percent(l.cold_ratio))
            .font(theme.font(40.0))
            .strong(),
    )
    .on_hover_text("Cold starts divided by requests served, over the whole scenario");
    ui.label(
        RichText::new(format!(
            "of {noun} were cold ({about}{} of {})",
            group(l.cold, 0),
            group(l.served, 0)
        ))
        .color(theme.weak_text),
    );
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!("+{}", fmt_ms(lane.run.cold_penalty_ms)))
            .font(theme.font(30.0))
            .strong(),
    )
    .on_hover_text(
        "Every init phase plus the first run's extra time: what a cold request waits for",
    );
    ui.label(
        RichText::new("wait of each cold request before its handler runs").color(theme.weak_text),
    );
    if l.cold > 0.0 && l.warm_mean_ms > 0.0 {
        ui.label(format!(
            "Cold requests averaged {}, warm ones {} ({} slower)",
            fmt_ms(l.cold_mean_ms),
            fmt_ms(l.warm_mean_ms),
            fmt_times(l.cold_mean_ms / l.warm_mean_ms)
        ));
    }
    ui.add_space(4.0);
    percentiles_ui(ui, l, theme);
    ui.add_space(4.0);
    figure_line(
        ui,
        &group(
            l.cold_starts_per_hour,
            usize::from(l.cold_starts_per_hour < 10.0),
        ),
        "cold starts per hour",
        "Cold starts divided by the scenario's length in hours",
        theme,
    );
    figure_line(
        ui,
        &format!(
            "{} s",
            group(l.billed_init_s, usize::from(l.billed_init_s < 10.0))
        ),
        "billed INIT",
        "Init time billed since Aug 2025 (extensions + runtime + your init per cold start), \
         over this timeline; multiply by memory in GB for GB-s. The cost view's Serverless bill \
         shows this count beside the month's estimate and says which the month uses.",
        theme,
    );
    if l.throttled > 0.0 {
        figure_line(
            ui,
            &group(l.throttled, 0),
            "requests throttled (HTTP 429)",
            "Refused because as many requests were in flight as the concurrency limit",
            theme,
        );
    }
}

/// p50, p95 and p99 side by side, in the largest type that fits the panel's width.
fn percentiles_ui(ui: &mut Ui, l: &LatencySummary, theme: &Theme) {
    let all = percentiles(l);
    let texts = all.map(|(_, value, _)| fmt_ms(value));
    let gap = 12.0;
    let column_w = ((ui.available_width() - 2.0 * gap) / 3.0).max(1.0);
    let widest = |size: f32| {
        texts
            .iter()
            .map(|t| {
                ui.painter()
                    .layout_no_wrap(t.clone(), theme.font(size), theme.strong_text)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
    };
    let mut size = 22.0;
    while size > 13.0 && widest(size) > column_w {
        size -= 2.0;
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for ((name, _, what), text) in all.iter().zip(&texts) {
            ui.vertical(|ui| {
                ui.set_width(column_w);
                ui.label(RichText::new(text).font(theme.font(size)).strong())
                    .on_hover_text(format!("{name}: {what}"));
                ui.label(RichText::new(*name).color(theme.weak_text))
                    .on_hover_text(*what);
            });
        }
    });
}

/// The three percentiles with their names and meanings.
fn percentiles(l: &LatencySummary) -> [(&'static str, f64, &'static str); 3] {
    [
        (
            "p50",
            l.p50_ms,
            "Half of the requests were at least this fast",
        ),
        (
            "p95",
            l.p95_ms,
            "95% of the requests were at least this fast",
        ),
        (
            "p99",
            l.p99_ms,
            "99% of the requests were at least this fast. Cold starts rarer than 1% of requests \
             do not move it: compare the cold requests' average",
        ),
    ]
}

/// How the comparison table reads one figure of a lane.
type Figure = fn(&Lane<'_>) -> String;

/// The figures of two runtimes side by side.
fn comparison_table_ui(ui: &mut Ui, lanes: &[Lane<'_>], theme: &Theme) {
    let rows: [(&str, &str, Figure); 8] = [
        (
            "Cold share",
            "Cold starts divided by requests served, over the whole scenario",
            |l| fmt_percent(l.run.latency.cold_ratio),
        ),
        (
            "Cold start wait",
            "Every init phase plus the first run's extra time: what each cold request waits for",
            |l| fmt_ms(l.run.cold_penalty_ms),
        ),
        ("Cold mean", "Average latency of cold requests", |l| {
            fmt_ms(l.run.latency.cold_mean_ms)
        }),
        ("p50", "Half of the requests were at least this fast", |l| {
            fmt_ms(l.run.latency.p50_ms)
        }),
        ("p95", "95% of the requests were at least this fast", |l| {
            fmt_ms(l.run.latency.p95_ms)
        }),
        (
            "p99",
            "99% of the requests were at least this fast. Cold starts rarer than 1% of requests \
             do not move it",
            |l| fmt_ms(l.run.latency.p99_ms),
        ),
        (
            "Cold starts/h",
            "Cold starts per hour of the scenario",
            |l| group(l.run.latency.cold_starts_per_hour, 1),
        ),
        (
            "Billed INIT",
            "Init time billed over the whole scenario (extensions + runtime + your init)",
            |l| format!("{} s", group(l.run.latency.billed_init_s, 1)),
        ),
    ];
    let values: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, _, figure)| lanes.iter().map(figure).collect())
        .collect();
    // The largest type in which the widest row fits the panel.
    let gap = 10.0;
    let body = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |text: &str, font: egui::FontId| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font, theme.strong_text)
            .size()
            .x
    };
    let label_w = rows
        .iter()
        .map(|(name, _, _)| width_of(name, body.clone()))
        .fold(0.0, f32::max);
    let column_w =
        (ui.available_width() - label_w - gap * lanes.len() as f32) / lanes.len().max(1) as f32;
    let fits = |size: f32| {
        values
            .iter()
            .flatten()
            .all(|v| width_of(v, theme.font(size)) <= column_w)
    };
    let size = [19.0, 17.0, 15.0]
        .into_iter()
        .find(|&size| fits(size))
        .unwrap_or(14.0);
    egui::Grid::new("cold_start_comparison")
        .num_columns(lanes.len() + 1)
        .spacing(vec2(gap, 6.0))
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for lane in lanes {
                // "Java 21 + SnapStart" on two lines keeps its column as narrow as its numbers.
                ui.label(RichText::new(lane.name.replace(" + ", "\n+ ")).strong());
            }
            ui.end_row();
            for ((name, what, _), row) in rows.iter().zip(&values) {
                ui.label(RichText::new(*name).color(theme.weak_text))
                    .on_hover_text(*what);
                for value in row {
                    ui.label(RichText::new(value).font(theme.font(size)).strong());
                }
                ui.end_row();
            }
        });
}
