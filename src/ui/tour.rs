//! The guided tour: the lesson's story in steps, each setting the preset and the view that makes
//! its point, with two or three sentences to read out.

use crate::command::{Command, ViewId};
use crate::model::scenario::HostingModel;
use crate::ui::stack::StackMode;
use crate::ui::theme::Theme;

/// One step of the tour.
#[derive(Clone, Copy, Debug)]
pub struct TourStep {
    /// Short title.
    pub title: &'static str,
    /// What to say, two or three sentences.
    pub text: &'static str,
    /// The built-in preset the step shows (by id).
    pub preset: &'static str,
    /// The view the step shows.
    pub view: ViewId,
    /// For the stack view: one model or two, and which.
    pub stack: Option<(StackMode, HostingModel, HostingModel)>,
}

/// The lesson, in order.
pub const STEPS: [TourStep; 10] = [
    TourStep {
        title: "The traditional stack",
        text: "With servers of your own, every layer is your job: the building, the hardware, the \
               operating system, the runtime, capacity, availability, and only then your code. \
               Point at a layer to see the chores it means.",
        preset: "startup-rest-api",
        view: ViewId::Stack,
        stack: Some((
            StackMode::Single,
            HostingModel::OnPrem,
            HostingModel::Lambda,
        )),
    },
    TourStep {
        title: "Serverless flips the model",
        text: "With Lambda, AWS runs everything under your code: hosts, patches, runtimes, \
               scaling and availability. You keep two layers: your code and your data, which \
               stay yours in every model.",
        preset: "startup-rest-api",
        view: ViewId::Stack,
        stack: Some((
            StackMode::Compare,
            HostingModel::OnPrem,
            HostingModel::Lambda,
        )),
    },
    TourStep {
        title: "Automatic scaling",
        text: "A spike from 1 to 10,000 requests a second: Lambda adds execution environments \
               within seconds with no action on your part, virtual machines arrive minutes later, \
               and fixed servers shed the load. Press Play.",
        preset: "startup-rest-api",
        view: ViewId::Scaling,
        stack: None,
    },
    TourStep {
        title: "Pay per invocation",
        text: "A sign-up hook runs 20,000 times a month. Lambda bills requests and \
               milliseconds, so the free tier covers all of it and the bill is $0.00; an \
               always-on server costs the same whether anyone signs up or not.",
        preset: "auth-hook",
        view: ViewId::Cost,
        stack: None,
    },
    TourStep {
        title: "Where it shines",
        text: "Webhooks arrive in storms and then nothing. Lambda meets each storm within \
               seconds and drops nothing, while two small instances shed most of it. After a \
               storm Lambda's environments sit idle until AWS reclaims them, and idle \
               environments are not billed: you pay for neither the quiet minutes nor the \
               headroom.",
        preset: "webhook-receiver",
        view: ViewId::Scaling,
        stack: None,
    },
    TourStep {
        title: "Think twice: long jobs",
        text: "A Lambda invocation stops at 15 minutes. A batch job that runs for 40 minutes must \
               be cut into pieces of at most 15 minutes, or run as a container task, which has no \
               time limit. Here the pieces on Lambda still cost less than always-on tasks: the \
               limit, not the price, forces the choice.",
        preset: "long-batch-job",
        view: ViewId::Cost,
        stack: None,
    },
    TourStep {
        title: "Think twice: steady high throughput",
        text: "Around the clock at thousands of requests a second, paying per request costs \
               more than a fleet that is busy all the time. Find the break-even point on the \
               chart: above it, virtual machines or containers are cheaper.",
        preset: "steady-high-throughput",
        view: ViewId::Cost,
        stack: None,
    },
    TourStep {
        title: "Think twice: cold-start-sensitive paths",
        text: "After a quiet night, the first users of a Java API wait seconds while new \
               environments start the JVM and the framework; the rest are served in well under a \
               second. Provisioned concurrency or SnapStart help, at a price.",
        preset: "cold-start-sensitive-java-api",
        view: ViewId::ColdStart,
        stack: None,
    },
    TourStep {
        title: "Think twice: heavy in-memory state",
        text: "Every Lambda environment starts empty and may be reclaimed at any time, so a large \
               in-memory cache is rebuilt again and again. A long-lived server keeps it warm.",
        preset: "heavy-in-memory-state",
        view: ViewId::Cost,
        stack: None,
    },
    TourStep {
        title: "Think twice: lock-in",
        text: "Containers run almost anywhere; functions are wired to one provider's triggers, \
               permissions and limits. Weigh what AWS takes off your hands against how hard it \
               would be to leave.",
        preset: "startup-rest-api",
        view: ViewId::Stack,
        stack: Some((
            StackMode::Compare,
            HostingModel::Containers,
            HostingModel::Lambda,
        )),
    },
];

/// Shows the tour bar for step `index`; pushes the commands its buttons ask for.
pub fn tour_ui(ui: &mut egui::Ui, index: usize, theme: &Theme, commands: &mut Vec<Command>) {
    let Some(step) = STEPS.get(index) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "Step {} of {}: {}",
                index + 1,
                STEPS.len(),
                step.title
            ))
            .font(theme.font(22.0))
            .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("End tour")
                .on_hover_text("Close the tour (Esc)")
                .clicked()
            {
                commands.push(Command::EndTour);
            }
            let last = index + 1 == STEPS.len();
            if ui
                .add_enabled(!last, egui::Button::new("Next"))
                .on_hover_text("Next step (right arrow key)")
                .clicked()
            {
                commands.push(Command::TourStep(index + 1));
            }
            if ui
                .add_enabled(index > 0, egui::Button::new("Previous"))
                .on_hover_text("Previous step (left arrow key)")
                .clicked()
            {
                commands.push(Command::TourStep(index.saturating_sub(1)));
            }
        });
    });
    ui.label(egui::RichText::new(step.text).font(theme.font(18.0)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derived::Derived;
    use crate::model::scenario::Scenario;

    /// The numbers each step's words claim, checked against what its view computes: a step whose
    /// text and numbers disagree fails here.
    fn claims(step: &TourStep, s: &Scenario, d: &Derived) -> Vec<(&'static str, bool)> {
        let scaling = d.scaling.summaries();
        let total = |model| d.bills.get(model).total_cents;
        let offered = |model: HostingModel| scaling.get(model).offered_requests;
        let dropped = |model: HostingModel| scaling.get(model).dropped_requests;
        match step.preset {
            "auth-hook" => vec![
                (
                    "runs 20,000 times a month",
                    s.workload.requests_per_month == 20_000,
                ),
                ("the bill is $0.00", total(HostingModel::Lambda) == 0),
                ("a server costs money", total(HostingModel::Vm) > 0),
            ],
            "webhook-receiver" => vec![
                ("Lambda drops nothing", dropped(HostingModel::Lambda) == 0.0),
                (
                    "two small instances shed most of it",
                    s.vm.min_instances == 2
                        && dropped(HostingModel::Vm) > 0.5 * offered(HostingModel::Vm),
                ),
                (
                    "within seconds",
                    scaling
                        .get(HostingModel::Lambda)
                        .catch_up_s
                        .is_none_or(|t| t < 10.0),
                ),
            ],
            "long-batch-job" => vec![
                (
                    "the pieces on Lambda cost less than always-on tasks",
                    total(HostingModel::Lambda) < total(HostingModel::Containers),
                ),
                (
                    "capped at 15 minutes",
                    s.workload.avg_duration_ms <= 900_000.0,
                ),
            ],
            "cold-start-sensitive-java-api" => {
                let l = &d.cold_start.latency;
                vec![
                    ("the first users wait seconds", l.cold_mean_ms >= 2_000.0),
                    ("the rest well under a second", l.warm_mean_ms < 1_000.0),
                ]
            }
            "steady-high-throughput" => vec![
                (
                    "paying per request costs more than a fleet",
                    total(HostingModel::Lambda) > total(HostingModel::Vm)
                        && total(HostingModel::Lambda) > total(HostingModel::Containers),
                ),
                (
                    "a break-even point on the chart",
                    d.curves
                        .break_evens_between(HostingModel::Lambda, HostingModel::Vm)
                        .next()
                        .is_some(),
                ),
            ],
            "startup-rest-api" if step.view == ViewId::Scaling => vec![
                (
                    "Lambda within seconds",
                    dropped(HostingModel::Lambda) == 0.0,
                ),
                (
                    "virtual machines minutes later",
                    scaling
                        .get(HostingModel::Vm)
                        .catch_up_s
                        .is_some_and(|t| t >= 120.0),
                ),
                (
                    "fixed servers shed the load",
                    dropped(HostingModel::OnPrem) > 0.5 * offered(HostingModel::OnPrem),
                ),
            ],
            _ => Vec::new(),
        }
    }

    #[test]
    fn every_steps_words_agree_with_its_numbers() {
        for step in &STEPS {
            let (_, s) = crate::presets::built_in(step.preset).expect("a built-in preset");
            let d = Derived::compute(&s);
            for (claim, holds) in claims(step, &s, &d) {
                assert!(holds, "step \"{}\": \"{claim}\" does not hold", step.title);
            }
        }
    }

    #[test]
    fn the_tour_visits_every_view() {
        for view in ViewId::ALL {
            assert!(STEPS.iter().any(|s| s.view == view), "{view:?}");
        }
    }
}
