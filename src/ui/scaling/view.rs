//! `ScalingView`: the view's state, its transport (Play/Pause, Restart, speed, the time slider)
//! and how the playhead moves, and its frame: lanes, chart and summary in one scroll area.

use egui::{Key, Modifiers, RichText, vec2};
use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::derived::Derived;
use crate::model::scaling::ScalingRun;
use crate::model::scenario::Scenario;
use crate::ui::slide::{LeftOut, scroll_unless_slide};
use crate::ui::theme::Theme;

use super::SLIDE_SECTIONS;
use super::chart::{ChartInput, chart_ui};
use super::dots::DotClock;
use super::figures::ViewCache;
use super::format::{duration, speed_label, time_text};
use super::lanes::Lanes;
use super::legend::{chart_legend_ui, lane_legend_ui};
use super::summary::{assumptions_ui, purchase_notes_ui, summary_ui};
use super::waiting::waiting_ui;

/// Playback speeds offered, in simulated seconds per second.
pub const SPEEDS: [f64; 7] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];

/// The slowest and fastest speeds in [`SPEEDS`].
const MIN_SPEED: f64 = 1.0;
const MAX_SPEED: f64 = 100.0;

/// The speed a fresh view plays at: a 10-minute spike then takes one minute to watch.
pub(super) const DEFAULT_SPEED: f64 = 10.0;

/// Longest frame time the playhead trusts, s: after a stall it slows down instead of jumping.
const MAX_FRAME_S: f32 = 0.1;

/// View state of the scaling animation.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct ScalingView {
    /// Playhead, simulated seconds on the scenario's timeline.
    #[serde(skip)]
    pub t_s: f64,
    /// Whether the playhead is moving.
    #[serde(skip)]
    pub playing: bool,
    /// Simulated seconds per second of playback (one of [`SPEEDS`]); kept between runs.
    pub speed: f64,
    /// Show the time but no transport controls (exported slides).
    #[serde(skip)]
    pub hide_controls: bool,
    /// Scroll back to the top on the next frame (a tour step asks for it).
    #[serde(skip)]
    pub to_top: bool,
    /// Figures and shapes kept between frames.
    #[serde(skip)]
    cache: ViewCache,
    /// The sections a slide leaves out to fit ([`super::SLIDE_SECTIONS`]).
    #[serde(skip)]
    pub left_out: LeftOut,
}

impl Default for ScalingView {
    fn default() -> Self {
        Self {
            t_s: 0.0,
            playing: false,
            speed: DEFAULT_SPEED,
            hide_controls: false,
            to_top: false,
            cache: ViewCache::default(),
            left_out: LeftOut::default(),
        }
    }
}

impl ScalingView {
    /// The playhead, simulated seconds.
    pub fn t_s(&self) -> f64 {
        self.t_s
    }

    /// Moves the playhead (clamped to the timeline on the next frame).
    pub fn set_time(&mut self, t_s: f64) {
        self.t_s = t_s;
    }

    /// Whether the playhead is moving.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// Puts the view in the state a slide should show: paused at the moment the models differ
    /// most ([`ScalingRun::telling_moment_s`]), the time shown but no controls.
    pub fn prepare_export(&mut self, run: &ScalingRun) {
        self.playing = false;
        self.t_s = run.telling_moment_s();
        self.hide_controls = true;
    }

    /// Shows the whole view: transport controls, lanes, chart, summary and assumptions.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        derived: &Derived,
        theme: &Theme,
        _commands: &mut Vec<Command>,
    ) {
        let run = &derived.scaling;
        if let Some(error) = &run.traffic_error {
            ui.label(
                RichText::new(format!("No timeline to play: {error}"))
                    .color(theme.dropped)
                    .strong(),
            );
            return;
        }
        self.follow_run(run);
        self.cache.refresh(scenario, run, derived.id);
        // Space plays and pauses, unless a text field (or a focused widget) wants the key.
        if !ui.ctx().egui_wants_keyboard_input()
            && ui
                .ctx()
                .input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space))
        {
            self.toggle(run);
        }
        self.advance(ui, run);

        if self.hide_controls {
            ui.label(
                RichText::new(time_text(self.t_s, run))
                    .font(theme.font(22.0))
                    .strong(),
            );
        } else {
            self.transport_ui(ui, run, theme);
        }
        ui.add_space(4.0);

        let available = ui.available_size();
        // Lanes and chart share the first screen; the summary may need a scroll on a laptop.
        // (The lanes keep the height their text and three rows of squares need.)
        let lanes_h = (available.y * 0.37).clamp(240.0, 430.0);
        let chart_h = (available.y * 0.21).clamp(180.0, 300.0);
        let dots = DotClock::new(run, &self.cache.stats, self.t_s, self.speed());
        let mut to_top = std::mem::take(&mut self.to_top);
        scroll_unless_slide(
            ui,
            self.hide_controls,
            ("scaling_view", &mut to_top),
            |ui| {
                lane_legend_ui(ui, theme, &dots, scenario.workload.trigger);
                ui.add_space(4.0);
                let lanes = Lanes {
                    scenario,
                    run,
                    stats: &self.cache.stats,
                    t_s: self.t_s,
                    dots: &dots,
                };
                let hovered = lanes.ui(ui, theme, lanes_h);
                ui.add_space(10.0);
                chart_legend_ui(ui, theme, &self.cache.stats);
                let waits = scenario.workload.trigger.keeps_work();
                let (chart_h, waiting_h) = self.chart_heights(ui, waits, available.y, chart_h);
                let chart = ChartInput {
                    run,
                    t_s: self.t_s,
                    focus: hovered,
                    height: chart_h,
                };
                if let Some(t_s) = chart_ui(ui, &chart, theme, &mut self.cache) {
                    self.t_s = t_s;
                }
                if waits {
                    ui.add_space(8.0);
                    if let Some(t_s) =
                        waiting_ui(ui, run, self.t_s, waiting_h, theme, &mut self.cache)
                    {
                        self.t_s = t_s;
                    }
                }
                let keeps = |section| self.left_out.keeps(&SLIDE_SECTIONS, section);
                let (table, sentences) = (keeps("summary table"), keeps("summary sentences"));
                if table || sentences {
                    ui.add_space(12.0);
                    summary_ui(ui, &self.cache.stats, theme, (table, sentences));
                }
                if sentences {
                    purchase_notes_ui(ui, scenario, theme);
                }
                if keeps("assumptions") {
                    ui.add_space(8.0);
                    assumptions_ui(ui, theme, scenario.workload.trigger);
                }
            },
        );

        if self.playing {
            ui.ctx().request_repaint();
        }
    }

    /// The heights of the chart and of the chart of work waiting (0 without one). In the window
    /// both end on the first screen (`screen_h` high; a projector at 1024×768 included), and
    /// what is under them may need a scroll; a slide that left out everything under them gives
    /// them that room, a third of it to the chart of work waiting.
    fn chart_heights(&self, ui: &egui::Ui, waits: bool, screen_h: f32, chart_h: f32) -> (f32, f32) {
        let alone = !SLIDE_SECTIONS
            .iter()
            .any(|section| self.left_out.keeps(&SLIDE_SECTIONS, section));
        // The waiting chart's title row and the spacing around both charts.
        let title_h =
            ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().item_spacing.y;
        let used = ui.cursor().top() - ui.min_rect().top();
        let first_screen = screen_h - used - 12.0;
        match (self.hide_controls && alone, waits) {
            (true, true) => {
                let room = (ui.available_height() - title_h - 8.0).max(100.0);
                (room * 0.62, room * 0.38)
            }
            (true, false) => (ui.available_height().max(chart_h), 0.0),
            (false, false) => (chart_h.min(first_screen).max(140.0), 0.0),
            // Both on the first screen when they fit at a readable size; else the chart of
            // work waiting goes under the fold.
            (false, true) => {
                let room = (chart_h * 1.6).min(first_screen - title_h - 8.0);
                if room >= 280.0 {
                    (room * 0.6, room * 0.4)
                } else {
                    (
                        chart_h.min(first_screen).max(140.0),
                        (chart_h * 0.6).max(120.0),
                    )
                }
            }
        }
    }

    /// The speed in force: the stored one if it is usable, else the default.
    pub(super) fn speed(&self) -> f64 {
        if self.speed.is_finite() && self.speed > 0.0 {
            self.speed.clamp(MIN_SPEED, MAX_SPEED)
        } else {
            DEFAULT_SPEED
        }
    }

    /// Play or pause; playing from the end starts again from the beginning.
    pub(super) fn toggle(&mut self, run: &ScalingRun) {
        if !self.playing && self.t_s >= run.end_s {
            self.t_s = run.start_s;
        }
        self.playing = !self.playing;
    }

    /// Keeps the playhead on the timeline, which changes with the scenario.
    pub(super) fn follow_run(&mut self, run: &ScalingRun) {
        self.t_s = if self.t_s.is_finite() {
            self.t_s.clamp(run.start_s, run.end_s.max(run.start_s))
        } else {
            run.start_s
        };
    }

    /// Advances the playhead by this frame's time; stops at the end.
    pub(super) fn advance(&mut self, ui: &egui::Ui, run: &ScalingRun) {
        if !self.playing {
            return;
        }
        let dt_s = f64::from(ui.input(|i| i.stable_dt).clamp(0.0, MAX_FRAME_S));
        self.t_s = (self.t_s + dt_s * self.speed()).min(run.end_s);
        if self.t_s >= run.end_s {
            self.playing = false;
        }
    }

    /// Play/Pause, Restart, speed, the time slider and the current time.
    pub(super) fn transport_ui(&mut self, ui: &mut egui::Ui, run: &ScalingRun, theme: &Theme) {
        ui.horizontal_wrapped(|ui| {
            let label = if self.playing { "Pause" } else { "Play" };
            let play = egui::Button::new(RichText::new(label).font(theme.font(18.0)).strong())
                .min_size(vec2(92.0, 34.0) * theme.text_scale);
            if ui
                .add(play)
                .on_hover_text("Play or pause the timeline (Space)")
                .clicked()
            {
                self.toggle(run);
            }
            let restart = egui::Button::new(RichText::new("Restart").font(theme.font(16.0)))
                .min_size(vec2(0.0, 34.0) * theme.text_scale);
            if ui
                .add(restart)
                .on_hover_text("Back to the start of the timeline")
                .clicked()
            {
                self.t_s = run.start_s;
            }
            let speed = self.speed();
            // Each label before its widget, so "Speed" never reads as the scrubber's name.
            ui.label("Speed");
            egui::ComboBox::from_id_salt("scaling_speed")
                .selected_text(speed_label(speed))
                .show_ui(ui, |ui| {
                    for option in SPEEDS {
                        ui.selectable_value(&mut self.speed, option, speed_label(option))
                            .on_hover_text(format!(
                                "One second of playback shows {} of the timeline",
                                duration(option)
                            ));
                    }
                })
                .response
                .accessible_name("Speed")
                .on_hover_text("Simulated seconds per second of playback");
            ui.separator();

            let time_text = time_text(self.t_s, run);
            let time_font = theme.font(22.0);
            let text_w = ui
                .painter()
                .layout_no_wrap(time_text.clone(), time_font.clone(), theme.strong_text)
                .size()
                .x;
            // The slider takes what the row has left; on a narrow window it gets a row of its own.
            let label_w = 48.0 * theme.text_scale;
            let others = text_w + label_w + 4.0 * ui.spacing().item_spacing.x;
            if ui.available_size_before_wrap().x - others < 240.0 {
                ui.end_row();
            }
            ui.spacing_mut().slider_width =
                (ui.available_size_before_wrap().x - others).clamp(120.0, 1200.0);
            let mut t_s = self.t_s;
            ui.label("Time");
            let slider = egui::Slider::new(&mut t_s, run.start_s..=run.end_s.max(run.start_s))
                .show_value(false);
            if ui
                .add(slider)
                .accessible_name("Time")
                .on_hover_text("Drag to move through the timeline, in seconds")
                .changed()
            {
                self.t_s = t_s;
            }
            ui.label(RichText::new(time_text).font(time_font).strong())
                .on_hover_text("Playhead / end of the timeline, minutes:seconds");
        });
    }
}
