//! The one place a view is drawn: [`view_ui`] in the window's central panel, and [`slide_ui`]
//! (the same view under a title, without controls) for every PNG, whether the window exports it
//! or the `export` command does.

use serde::{Deserialize, Serialize};

use crate::command::{Command, ViewId};
use crate::derived::Derived;
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::cold_start::ColdStartView;
use crate::ui::cost::CostView;
use crate::ui::scaling::ScalingView;
use crate::ui::slide::{LeftOut, SlideArea};
use crate::ui::stack::{StackMode, StackView};
use crate::ui::theme::Theme;

/// The optional sections of each view, in the order a slide leaves them out.
pub fn optional_sections(view: ViewId) -> &'static [&'static str] {
    match view {
        ViewId::Stack => &crate::ui::stack::SLIDE_SECTIONS,
        ViewId::Scaling => &crate::ui::scaling::SLIDE_SECTIONS,
        ViewId::ColdStart => &crate::ui::cold_start::SLIDE_SECTIONS,
        ViewId::Cost => &crate::ui::cost::SLIDE_SECTIONS,
    }
}

/// The state of the four views (zoom, playhead, selection, toggles), persisted between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Views {
    /// State of the stack view.
    pub stack: StackView,
    /// State of the scaling view.
    pub scaling: ScalingView,
    /// State of the cold-start view.
    pub cold_start: ColdStartView,
    /// State of the cost view.
    pub cost: CostView,
}

impl Views {
    /// The state a slide from the command line shows first: two stacks compared side by side
    /// (on-premises and serverless) and the scaling animation paused at its most telling moment.
    pub fn for_slide(derived: &Derived) -> Self {
        let mut views = Self::default();
        views.stack.mode = StackMode::Compare;
        views.stack.primary = HostingModel::OnPrem;
        views.stack.secondary = HostingModel::Lambda;
        views.scaling.prepare_export(&derived.scaling);
        views
    }

    /// What a slide of `view` leaves out.
    pub fn left_out(&self, view: ViewId) -> LeftOut {
        match view {
            ViewId::Stack => self.stack.left_out,
            ViewId::Scaling => self.scaling.left_out,
            ViewId::ColdStart => self.cold_start.left_out,
            ViewId::Cost => self.cost.left_out,
        }
    }

    /// Makes a slide of `view` leave out the first `count` of its optional sections.
    pub fn leave_out(&mut self, view: ViewId, count: usize) {
        let cut = LeftOut(count);
        match view {
            ViewId::Stack => self.stack.left_out = cut,
            ViewId::Scaling => self.scaling.left_out = cut,
            ViewId::ColdStart => self.cold_start.left_out = cut,
            ViewId::Cost => self.cost.left_out = cut,
        }
    }
}

/// Draws the body of one view; `controls` is false on slides, which show settings as text.
pub fn view_ui(
    ui: &mut egui::Ui,
    view: ViewId,
    views: &mut Views,
    (scenario, derived): (&Scenario, &Derived),
    theme: &Theme,
    commands: &mut Vec<Command>,
    controls: bool,
) {
    match view {
        ViewId::Stack => views.stack.ui(ui, scenario, theme, commands, controls),
        ViewId::Scaling => {
            // A slide never shows playback controls, only the time.
            views.scaling.hide_controls |= !controls;
            views.scaling.ui(ui, scenario, derived, theme, commands);
        }
        ViewId::ColdStart => {
            views
                .cold_start
                .ui(ui, (scenario, derived), theme, commands, controls);
        }
        ViewId::Cost => views
            .cost
            .ui(ui, (scenario, derived), theme, commands, controls),
    }
}

/// Draws one view alone as a slide, filling the frame: a title naming the view and the scenario,
/// the rates' date and region, the view without controls, and a footer naming what the slide
/// left out to fit ([`Views::leave_out`]). Commands it pushes are dropped. Returns where the view
/// had room and what it laid out, for the export to see whether it fits.
pub fn slide_ui(
    ui: &mut egui::Ui,
    view: ViewId,
    views: &mut Views,
    (scenario, derived): (&Scenario, &Derived),
    theme: &Theme,
) -> SlideArea {
    theme.apply(ui.ctx());
    let mut commands = Vec::new();
    egui::CentralPanel::default()
        .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(24)))
        .show(ui, |ui| {
            slide_title_ui(ui, view, scenario, theme);
            ui.add_space(8.0);
            let left_out = views.left_out(view).names(optional_sections(view));
            let footer = (!left_out.is_empty()).then(|| {
                format!(
                    "Left out to fit this slide: {} (see the app)",
                    left_out.join(", ")
                )
            });
            let mut body = ui.available_rect_before_wrap();
            if let Some(text) = &footer {
                let galley = ui.painter().layout(
                    text.clone(),
                    egui::TextStyle::Body.resolve(ui.style()),
                    theme.weak_text,
                    body.width(),
                );
                let footer_rect = egui::Rect::from_min_max(
                    egui::pos2(body.left(), body.bottom() - galley.size().y),
                    body.max,
                );
                body.max.y = footer_rect.top() - 8.0;
                ui.painter()
                    .galley(footer_rect.min, galley, theme.weak_text);
            }
            let content = ui
                .scope_builder(egui::UiBuilder::new().max_rect(body), |ui| {
                    view_ui(
                        ui,
                        view,
                        views,
                        (scenario, derived),
                        theme,
                        &mut commands,
                        false,
                    );
                })
                .response
                .rect;
            SlideArea {
                room: body,
                content,
            }
        })
        .inner
}

/// The slide's title, and the rates' date and region at its right; under it where the two do
/// not fit on one line.
fn slide_title_ui(ui: &mut egui::Ui, view: ViewId, scenario: &Scenario, theme: &Theme) {
    let title = egui::RichText::new(format!("{}: {}", view.label(), scenario.name))
        .font(theme.font(28.0))
        .strong();
    let credits = egui::RichText::new(format!(
        "Serverless Explorer · {}, rates as of {} · USD",
        scenario.rates.region, scenario.rates.as_of
    ))
    .color(theme.weak_text);
    let width = |text: &egui::RichText| {
        egui::WidgetText::from(text.clone())
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            )
            .size()
            .x
    };
    let both = width(&title) + width(&credits) + 3.0 * ui.spacing().item_spacing.x;
    if both <= ui.available_width() {
        ui.horizontal(|ui| {
            ui.label(title);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(credits);
            });
        });
    } else {
        ui.add(egui::Label::new(title).wrap());
        ui.add(egui::Label::new(credits).wrap());
    }
}
