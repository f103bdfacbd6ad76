//! The editor's collapsible sections: their titles, hints, which start open in each view,
//! and the captions inside them.

use std::hash::Hash;

use egui::{CollapsingHeader, RichText};

use super::form::{Form, form};
use super::lazy_layout::LazyLayout;
use crate::command::ViewId;
use crate::ui::theme::{EDITOR_GAP, EDITOR_SECTION_TEXT, Theme};

/// The editor's sections, in the order of the preset format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Section {
    Workload,
    Traffic,
    Lambda,
    ColdStart,
    Vm,
    Containers,
    OnPrem,
    Rates,
}

impl Section {
    fn title(self) -> &'static str {
        // Distinct from the hosting-model toggles' names ("Containers", "On-premises"), so
        // every label in the window names one thing.
        match self {
            Self::Workload => "Workload",
            Self::Traffic => "Traffic",
            Self::Lambda => "Lambda",
            Self::ColdStart => "Cold start",
            Self::Vm => "Virtual machines (EC2)",
            Self::Containers => "Containers (ECS, EKS)",
            Self::OnPrem => "On-premises servers",
            Self::Rates => "Rates",
        }
    }

    /// The id of the section's grid of values (also the key of its rows' measured sizes).
    pub(super) fn form_id(self) -> &'static str {
        match self {
            Self::Workload => "workload",
            Self::Lambda => "lambda",
            Self::ColdStart => "cold_start",
            Self::Vm => "vm",
            Self::Containers => "containers",
            Self::OnPrem => "on_prem",
            Self::Traffic => "traffic",
            Self::Rates => "rates",
        }
    }

    pub(super) fn hint(self) -> &'static str {
        match self {
            Self::Workload => "What the function does and how often: volume, duration, size",
            Self::Traffic => {
                "Demand over time, in requests per second: drives the scaling and cold-start \
                 views (the bill uses requests per month)"
            }
            Self::Lambda => "Lambda pricing options and account settings",
            Self::ColdStart => "Inputs of the cold-start model: runtime, package, init times",
            Self::Vm => "The virtual-machine alternative: EC2 instances in an Auto Scaling group",
            Self::Containers => "The container alternative: ECS or EKS tasks on Fargate or EC2",
            Self::OnPrem => "The on-premises alternative: servers you buy, power, house and run",
            Self::Rates => "Every price the cost model uses, with its date and source",
        }
    }

    /// Whether the section starts open in a view: the sections whose values that view shows.
    fn open_in(self, focus: ViewId) -> bool {
        match focus {
            ViewId::Cost => matches!(
                self,
                Self::Workload | Self::Lambda | Self::Vm | Self::Containers | Self::OnPrem
            ),
            ViewId::Scaling => matches!(
                self,
                Self::Traffic | Self::Lambda | Self::Vm | Self::Containers
            ),
            ViewId::ColdStart => matches!(self, Self::ColdStart | Self::Workload | Self::Traffic),
            ViewId::Stack => self == Self::Workload,
        }
    }
}

/// One collapsible section. Its id includes the view in focus, so each view has its own set of
/// open sections: the defaults apply the first time a view is shown, and what the user opens or
/// closes there is remembered for that view. Its body is one lazily laid out block (see
/// `LazyLayout`), shared by every view since it looks the same in all of them.
pub(super) fn section(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    (section, focus): (Section, ViewId),
    theme: &Theme,
    add: impl FnOnce(&mut egui::Ui, &mut LazyLayout) -> bool,
) -> bool {
    let title = RichText::new(section.title()).font(theme.font(EDITOR_SECTION_TEXT));
    let response = CollapsingHeader::new(title)
        .id_salt((section, focus))
        .default_open(section.open_in(focus))
        .show(ui, |ui| layout.block(ui, section, add).unwrap_or(false));
    response.header_response.on_hover_text(section.hint());
    response.body_returned.unwrap_or(false)
}

/// A section that is one grid of labelled values, built by `rows`; `at` is the view the editor
/// serves, the theme and the value column's width. Returns whether a value changed.
pub(super) fn form_section(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    which: Section,
    (focus, theme, value_width): (ViewId, &Theme, f32),
    rows: impl FnOnce(&mut Form<'_>),
) -> bool {
    section(ui, layout, (which, focus), theme, |ui, layout| {
        form(ui, layout, which.form_id(), value_width, rows)
    })
}

/// A caption over a group of rows inside a section, in the secondary text colour so it reads
/// as a heading rather than as one more name.
pub(super) fn subheading(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    theme: &Theme,
    text: &str,
    tip: &str,
) {
    ui.add_space(EDITOR_GAP);
    layout.block(ui, ("subheading", text), |ui, _| {
        ui.label(RichText::new(text).color(theme.weak_text).strong())
            .on_hover_text(tip);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_opens_some_sections() {
        let all = [
            Section::Workload,
            Section::Traffic,
            Section::Lambda,
            Section::ColdStart,
            Section::Vm,
            Section::Containers,
            Section::OnPrem,
            Section::Rates,
        ];
        for view in ViewId::ALL {
            assert!(all.iter().any(|s| s.open_in(view)), "{view:?}");
        }
        assert!(Section::OnPrem.open_in(ViewId::Cost));
        assert!(!Section::OnPrem.open_in(ViewId::Scaling));
        assert!(Section::ColdStart.open_in(ViewId::ColdStart));
    }
}
