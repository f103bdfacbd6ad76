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
        text: "A sign-up hook runs a few thousand times a month. Lambda bills requests and \
               milliseconds, so the free tier covers it; an always-on server costs the same \
               whether anyone signs up or not.",
        preset: "auth-hook",
        view: ViewId::Cost,
        stack: None,
    },
    TourStep {
        title: "Where it shines",
        text: "Webhooks arrive in storms and then nothing. Lambda scales out for the storm and \
               back to zero after it, and you pay for neither the quiet hours nor the headroom.",
        preset: "webhook-receiver",
        view: ViewId::Scaling,
        stack: None,
    },
    TourStep {
        title: "Think twice: long jobs",
        text: "A Lambda invocation stops at 15 minutes. A batch job that runs for 40 must be cut \
               into pieces or run in a container, which is also cheaper for long, steady work.",
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
               environments start the JVM and the framework. Provisioned concurrency or SnapStart \
               help, at a price.",
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

    #[test]
    fn the_tour_visits_every_view() {
        for view in ViewId::ALL {
            assert!(STEPS.iter().any(|s| s.view == view), "{view:?}");
        }
    }
}
