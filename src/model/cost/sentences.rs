//! Costs compared in plain words: "Serverless is 63% cheaper than virtual machines here", with
//! each model's label in a sentence and the verb that agrees with it.

use super::money::{cents_from_usd, format_cents, format_quantity};
use crate::model::scenario::HostingModel;

/// The model's label in lower case, for use inside a sentence.
pub(super) fn lower_label(model: HostingModel) -> String {
    model.label().to_lowercase()
}

/// "is" or "are", to agree with the model's label.
pub(super) fn verb(model: HostingModel) -> &'static str {
    match model {
        HostingModel::Vm | HostingModel::Containers => "are",
        HostingModel::OnPrem | HostingModel::Lambda => "is",
    }
}

/// Plain words comparing two monthly costs: "Serverless is 63% cheaper than virtual machines here".
pub fn compare_sentence(a: HostingModel, a_usd: f64, b: HostingModel, b_usd: f64) -> String {
    let a_label = a.label();
    let b_label = lower_label(b);
    let is = verb(a);
    let a_cents = cents_from_usd(a_usd);
    let b_cents = cents_from_usd(b_usd);
    if a_cents == b_cents {
        return format!("{a_label} and {b_label} cost the same here");
    }
    if a_cents == 0 {
        let costs = if is == "is" { "costs" } else { "cost" };
        return format!(
            "{a_label} {costs} nothing here, against {} a month for {b_label}",
            format_cents(b_cents)
        );
    }
    if b_cents <= 0 {
        return format!(
            "{a_label} {is} {} a month more expensive than {b_label} here",
            format_cents(a_cents - b_cents)
        );
    }
    let percent = (a_usd - b_usd) / b_usd * 100.0;
    if percent < 0.0 {
        let cheaper = (-percent).round();
        if cheaper < 1.0 {
            return format!("{a_label} {is} less than 1% cheaper than {b_label} here");
        }
        // "100% cheaper" would read as free: a bill that really is $0.00 is said so above.
        if cheaper >= 100.0 && a_cents > 0 {
            return format!("{a_label} {is} more than 99% cheaper than {b_label} here");
        }
        return format!("{a_label} {is} {cheaper:.0}% cheaper than {b_label} here");
    }
    if percent < 0.5 {
        return format!("{a_label} {is} less than 1% more expensive than {b_label} here");
    }
    if percent >= 100.0 {
        let times = a_usd / b_usd;
        let times = if times < 10.0 {
            format_quantity(times, 1)
        } else {
            format_quantity(times, 0)
        };
        let cost = if is == "is" { "costs" } else { "cost" };
        return format!("{a_label} {cost} {times} times as much as {b_label} here");
    }
    format!("{a_label} {is} {percent:.0}% more expensive than {b_label} here")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_in_plain_words() {
        assert_eq!(
            compare_sentence(HostingModel::Lambda, 37.0, HostingModel::Vm, 100.0),
            "Serverless is 63% cheaper than virtual machines here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Vm, 150.0, HostingModel::Lambda, 100.0),
            "Virtual machines are 50% more expensive than serverless here"
        );
        assert_eq!(
            compare_sentence(HostingModel::OnPrem, 320.0, HostingModel::Lambda, 100.0),
            "On-premises costs 3.2 times as much as serverless here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Vm, 77.44, HostingModel::Lambda, 0.0),
            "Virtual machines are $77.44 a month more expensive than serverless here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Lambda, 0.0, HostingModel::Vm, 77.44),
            "Serverless costs nothing here, against $77.44 a month for virtual machines"
        );
        assert_eq!(
            compare_sentence(HostingModel::Lambda, 5.73, HostingModel::OnPrem, 2322.36),
            "Serverless is more than 99% cheaper than on-premises here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Containers, 5.0, HostingModel::Vm, 5.001),
            "Containers and virtual machines cost the same here"
        );
    }
}
