//! The readout under the chart: in plain words, how serverless compares with the cheapest other
//! model at the pointer's volume (or the scenario's), and the four costs there.

use egui::RichText;

use crate::derived::Derived;
use crate::model::cost::{self, compare_sentence, format_requests, format_usd};
use crate::model::scenario::{HostingModel, Scenario};
use crate::ui::theme::Theme;

/// The line under the chart: in plain words, how serverless compares with the cheapest other
/// model at the pointer's volume (or at the scenario's, when the pointer is elsewhere), and the
/// four costs there (or, unless on a slide, a hint to point at the chart).
pub(super) fn readout_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    theme: &Theme,
    (hover, hint): (Option<f64>, bool),
) {
    let (requests, costs, prefix) = if let Some(requests) = hover {
        let costs = HostingModel::ALL.map(|m| (m, cost::total_usd(scenario, m, requests)));
        (requests, costs, format!("At {}", format_requests(requests)))
    } else {
        let bills = &derived.bills;
        let requests = bills.requests_per_month as f64;
        let costs = HostingModel::ALL.map(|m| (m, bills.get(m).total_usd()));
        let prefix = format!("At this scenario's {}", format_requests(requests));
        (requests, costs, prefix)
    };
    let lambda_usd = costs
        .iter()
        .find(|(m, _)| *m == HostingModel::Lambda)
        .map_or(0.0, |(_, usd)| *usd);
    let cheapest_other = costs
        .iter()
        .filter(|(m, _)| *m != HostingModel::Lambda)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some(&(other, other_usd)) = cheapest_other {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{prefix} requests a month: {}",
                    compare_sentence(HostingModel::Lambda, lambda_usd, other, other_usd)
                ))
                .font(theme.font(18.0))
                .strong(),
            )
            .wrap(),
        )
        .on_hover_text(format!(
            "Compared with the cheapest other model at {} requests a month",
            format_requests(requests)
        ));
    }
    if hover.is_some() {
        let detail = costs
            .iter()
            .map(|(m, usd)| format!("{} {}", m.label(), format_usd(*usd)))
            .collect::<Vec<_>>()
            .join(" · ");
        ui.label(RichText::new(detail).color(theme.weak_text));
    } else if hint {
        ui.label(
            RichText::new("Point at the chart to compare the models at any volume")
                .color(theme.weak_text),
        );
    }
}
