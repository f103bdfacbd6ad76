//! The on-premises bill: servers bought for the month's peak, amortised, powered (times the PUE),
//! housed in colocation and administered, and under a non-HTTP trigger the same event source as
//! Lambda's.

use super::bill::{Bill, LineItem};
use super::event_source::{EventSourceCost, Reader};
use super::money::{format_quantity, format_rate};
use crate::model::scenario::{HOURS_PER_MONTH, HostingModel, Scenario};
use crate::model::sizing;

/// The on-premises bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct OnPremCost {
    peak_rps: f64,
    servers: u32,
    amortisation_usd: f64,
    power_usd: f64,
    colocation_usd: f64,
    admin_usd: f64,
    event_source: EventSourceCost,
}

impl OnPremCost {
    pub(super) fn new(s: &Scenario, requests: f64) -> Self {
        let op = &s.on_prem;
        let servers = sizing::on_prem_servers(s, requests);
        let n = f64::from(servers);
        Self {
            peak_rps: sizing::peak_rps(s, requests),
            servers,
            amortisation_usd: n * op.server_price_usd / op.amortisation_months.max(1.0),
            power_usd: n * op.power_watts / 1000.0
                * op.pue
                * HOURS_PER_MONTH
                * op.electricity_usd_per_kwh,
            colocation_usd: n * f64::from(op.rack_units_per_server) * op.colo_usd_per_u_month,
            admin_usd: n * op.admin_fte_per_server * op.admin_usd_per_year / 12.0,
            event_source: EventSourceCost::new(
                s,
                requests,
                Reader::Fleet {
                    count: servers,
                    unit: "servers (bought for the month's peak)",
                },
            ),
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.amortisation_usd
            + self.power_usd
            + self.colocation_usd
            + self.admin_usd
            + self.event_source.total_usd()
    }

    pub(super) fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let op = &s.on_prem;
        let n = self.servers;
        let mut lines = vec![
            LineItem::new(
                "Hardware amortisation",
                format!(
                    "{n} servers × {} ÷ {} months",
                    format_rate(op.server_price_usd),
                    format_quantity(op.amortisation_months, 1)
                ),
                self.amortisation_usd,
            ),
            LineItem::new(
                "Power",
                format!(
                    "{n} servers × {} W × PUE {} × {} hours × {} per kWh",
                    format_quantity(op.power_watts, 1),
                    format_quantity(op.pue, 2),
                    format_quantity(HOURS_PER_MONTH, 0),
                    format_rate(op.electricity_usd_per_kwh)
                ),
                self.power_usd,
            ),
            LineItem::new(
                "Colocation",
                format!(
                    "{n} servers × {} U × {} per U per month",
                    op.rack_units_per_server,
                    format_rate(op.colo_usd_per_u_month)
                ),
                self.colocation_usd,
            ),
            LineItem::new(
                "Administration",
                format!(
                    "{n} servers × {} of an administrator × {} a year ÷ 12",
                    format_quantity(op.admin_fte_per_server, 3),
                    format_rate(op.admin_usd_per_year)
                ),
                self.admin_usd,
            ),
        ];
        lines.extend(self.event_source.lines(s));
        let mut notes = vec![format!(
            "{n} servers for the month's peak of {} requests/s ({} requests/s each, at least {}); \
             bought up front, they cannot follow demand.",
            format_quantity(self.peak_rps, 3),
            format_quantity(op.rps_per_server, 2),
            op.min_servers
        )];
        notes.extend(self.event_source.note(s));
        Bill::new(HostingModel::OnPrem, requests_per_month, lines, notes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cost::money::format_cents;

    #[test]
    fn on_prem_worked_example() {
        // presets/README.md §5: $277.78 + $58.40 + $200.00 + $625.00 = $1,161.18.
        let mut s = Scenario::default();
        s.on_prem.min_servers = 1;
        s.workload.requests_per_month = 1000;
        let requests = s.workload.requests_per_month;
        let bill = OnPremCost::new(&s, requests as f64).bill(&s, requests);
        let cents: Vec<i64> = bill.lines.iter().map(|l| l.cents).collect();
        assert_eq!(cents, vec![27_778, 5_840, 20_000, 62_500]);
        assert_eq!(bill.total_cents, 116_118);
        assert_eq!(format_cents(bill.total_cents), "$1,161.18");
    }
}
