//! The editor panel: its state, the frame's order (title, sections, validation) and the
//! fields kept consistent before an edit is sent.

use egui::{Response, RichText};
use serde::{Deserialize, Serialize};

use super::alternatives::{container_rows, on_prem_rows, vm_rows};
use super::form::{EDITOR_NOTICE, form};
use super::lambda::{cold_start_rows, lambda_rows};
use super::lazy_layout::{LayoutInputs, LazyLayout};
use super::rates::rates_ui;
use super::sections::{Section, form_section, section};
use super::traffic::{Generator, TrafficPart, traffic_ui};
use super::workload::{identity_ui, workload_rows};
use crate::command::{Command, ViewId};
use crate::model::scenario::{Scenario, reprice_fleets};
use crate::model::traffic_file::TrafficFile;
use crate::ui::theme::{EDITOR_GAP, EDITOR_INDENT, EDITOR_VALUE_WIDTH, Theme};

/// View state of the scenario editor. Nothing here is persisted: the scenario itself is the
/// app's, and drafts and the traffic generator's inputs only live while the window is open.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EditorPanel {
    /// The scenario last seen and the copy being edited.
    #[serde(skip)]
    drafts: Option<Drafts>,
    /// Inputs of the traffic generator.
    #[serde(skip)]
    generator: Generator,
    /// Why the draft was not applied, while it is invalid (e.g. an empty name being retyped).
    #[serde(skip)]
    problem: Option<String>,
    /// Sizes of the parts laid out before, to stand in for those scrolled out of view.
    #[serde(skip)]
    layout: LazyLayout,
}

/// The scenario as the app last gave it, and the editor's copy of it.
///
/// The copy is made only when the app's scenario changes (a load, an applied edit, another view's
/// change), not every frame; an edit that does not validate yet stays in the draft and is shown
/// as a problem instead of being sent.
#[derive(Clone, Debug)]
struct Drafts {
    base: Scenario,
    draft: Scenario,
}

impl EditorPanel {
    /// Shows the editor for `scenario`, whose traffic came from `traffic_file` if given. `focus`
    /// is the view on screen: it decides which sections start open. Pushes one
    /// `Command::SetScenario` in a frame where a value changed (and the traffic section's
    /// import commands).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        traffic_file: Option<&TrafficFile>,
        focus: ViewId,
        theme: &Theme,
        commands: &mut Vec<Command>,
    ) {
        let Self {
            drafts,
            generator,
            problem,
            layout,
        } = self;
        if drafts.as_ref().is_none_or(|d| d.base != *scenario) {
            *problem = None;
            *drafts = Some(Drafts {
                base: scenario.clone(),
                draft: scenario.clone(),
            });
            layout.forget();
        }
        let Some(drafts) = drafts.as_mut() else {
            return;
        };

        // A narrower indent than egui's leaves the default-width panel room for both columns.
        ui.spacing_mut().indent = EDITOR_INDENT;
        let title = header_ui(ui, drafts, problem, layout, theme);
        // Assistive technology reads every field, not only those on screen: while it is
        // active (the title then has a node in the accessibility tree), lay out everything.
        // So does a frame where the keyboard focus moves: Tab goes to the next enabled widget
        // however far down (disabled rows are skipped), and the widget that gains the focus
        // must exist to be scrolled into view and kept.
        let focused = ui.memory(egui::Memory::focused);
        let everything = ui.ctx().has_accesskit_node(title.id)
            || ui.input(|i| i.key_pressed(egui::Key::Tab))
            || focused != layout.last_focus;
        let draft = &mut drafts.draft;
        let changed = egui::ScrollArea::vertical()
            .id_salt("editor_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let inputs = LayoutInputs {
                    width: ui.available_width(),
                    theme: theme.kind,
                    pixels_per_point: ui.pixels_per_point(),
                    focus,
                };
                layout.begin(ui, inputs, everything);
                let traffic = TrafficPart {
                    generator,
                    file: traffic_file,
                    commands,
                };
                sections_ui(ui, layout, draft, traffic, focus, theme)
            })
            .inner;
        layout.last_focus = ui.memory(egui::Memory::focused);
        if let Some(notice) =
            ui.data_mut(|d| d.remove_temp::<String>(egui::Id::unique(EDITOR_NOTICE)))
        {
            commands.push(Command::Info(notice));
        }

        if changed {
            // Values, and with them sizes and disabled rows, may have changed anywhere.
            layout.forget();
        }
        if changed && drafts.draft != drafts.base {
            keep_consistent(&mut drafts.draft);
            match drafts.draft.validate() {
                Ok(()) => {
                    *problem = None;
                    commands.push(Command::SetScenario(Box::new(drafts.draft.clone())));
                }
                Err(e) => *problem = Some(e.to_string()),
            }
        }
    }
}

/// The panel's title, and the reason the draft is not applied while it is invalid. Returns the
/// title's response.
fn header_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    problem: &mut Option<String>,
    layout: &mut LazyLayout,
    theme: &Theme,
) -> Response {
    ui.add_space(EDITOR_GAP);
    let title = ui
        .label(RichText::new("Scenario").heading().strong())
        .on_hover_text(
            "Every value of the preset. A change applies at once to all four views; save it \
             with \"Save as…\".",
        );
    ui.label(
        RichText::new("Hover a name for its meaning, default and source").color(theme.weak_text),
    );
    if let Some(text) = problem.clone() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("Not applied yet: {text}"))
                    .color(theme.dropped)
                    .strong(),
            );
            if ui
                .button("Revert")
                .on_hover_text("Go back to the scenario the views show")
                .clicked()
            {
                drafts.draft = drafts.base.clone();
                *problem = None;
                layout.forget();
            }
        });
    }
    ui.separator();
    title
}

/// Name, description and every section; returns whether a scenario value changed.
fn sections_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    draft: &mut Scenario,
    mut traffic_part: TrafficPart<'_>,
    focus: ViewId,
    theme: &Theme,
) -> bool {
    let value_width = EDITOR_VALUE_WIDTH * theme.text_scale;
    let mut changed = layout
        .block(ui, "identity", |ui, layout| identity_ui(ui, layout, draft))
        .unwrap_or(false);
    ui.add_space(EDITOR_GAP);
    let Scenario {
        workload,
        lambda,
        traffic,
        cold_start,
        vm,
        containers,
        on_prem,
        rates,
        ..
    } = draft;
    let at = (focus, theme, value_width);
    // An imported file set the month's requests: say so under the number.
    let month_note = traffic_part.file.map(TrafficFile::month_note);
    changed |= section(
        ui,
        layout,
        (Section::Workload, focus),
        theme,
        |ui, layout| {
            let changed = form(ui, layout, Section::Workload.form_id(), value_width, |f| {
                workload_rows(f, workload);
            });
            if let Some(note) = &month_note {
                ui.add(egui::Label::new(RichText::new(note).color(theme.weak_text)).wrap());
            }
            changed
        },
    );
    changed |= section(
        ui,
        layout,
        (Section::Traffic, focus),
        theme,
        |ui, layout| traffic_ui(ui, layout, traffic, &mut traffic_part, theme, value_width),
    );
    let requests = workload.requests_per_month;
    changed |= form_section(ui, layout, Section::Lambda, at, |f| {
        lambda_rows(f, lambda, requests);
    });
    let architecture = workload.architecture;
    changed |= form_section(ui, layout, Section::ColdStart, at, |f| {
        cold_start_rows(f, cold_start, architecture);
    });
    let instances = &rates.ec2_instances;
    changed |= form_section(ui, layout, Section::Vm, at, |f| vm_rows(f, vm, instances));
    changed |= form_section(ui, layout, Section::Containers, at, |f| {
        container_rows(f, containers, instances);
    });
    changed |= form_section(ui, layout, Section::OnPrem, at, |f| {
        on_prem_rows(f, on_prem);
    });
    let region = rates.region.clone();
    changed |= section(ui, layout, (Section::Rates, focus), theme, |ui, layout| {
        rates_ui(ui, layout, rates, theme, value_width)
    });
    // A new region re-prices the fleets too, where their instance types are in its list.
    if rates.region != region {
        reprice_fleets(rates, vm, containers);
    }
    changed
}

/// Adjusts fields whose allowed range depends on another field, after that other field changed
/// (possibly in a collapsed section whose widgets could not clamp them).
fn keep_consistent(s: &mut Scenario) {
    let l = &mut s.lambda;
    l.provisioned_requests_per_month = l
        .provisioned_requests_per_month
        .min(s.workload.requests_per_month);
    if let Some(reserved) = &mut l.reserved_concurrency {
        *reserved = (*reserved).min(l.account_concurrency_limit);
    }
    s.vm.max_instances = s.vm.max_instances.max(s.vm.min_instances.max(1));
    s.containers.max_tasks = s.containers.max_tasks.max(s.containers.min_tasks.max(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependent_fields_follow_their_bounds() {
        let mut s = Scenario::default();
        s.lambda.provisioned_requests_per_month = 2_000_000;
        s.workload.requests_per_month = 1_000;
        s.lambda.reserved_concurrency = Some(900);
        s.lambda.account_concurrency_limit = 100;
        s.vm.min_instances = 50;
        s.containers.min_tasks = 0;
        s.containers.max_tasks = 0;
        keep_consistent(&mut s);
        assert_eq!(s.lambda.provisioned_requests_per_month, 1_000);
        assert_eq!(s.lambda.reserved_concurrency, Some(100));
        assert_eq!(s.vm.max_instances, 50);
        assert_eq!(s.containers.max_tasks, 1);
        assert_eq!(s.validate(), Ok(()));
    }
}
