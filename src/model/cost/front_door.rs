//! Front doors: what the API Gateway (HTTP or REST API, through its request tiers) or the
//! Application Load Balancer (hours plus capacity units) in front of a service costs a month.

use super::bill::LineItem;
use super::money::{format_quantity, format_rate};
use super::tiers::{tier_words, tiered_usd};
use crate::model::scenario::{FrontDoor, HOURS_PER_MONTH, SECONDS_PER_MONTH, Scenario};

// Load balancer line labels, shared by its lines and the Lambda bill's front-door field.
pub(super) const LABEL_ALB_HOURS: &str = "Load balancer hours";
pub(super) const LABEL_ALB_LCU: &str = "Load balancer capacity units";

/// Application Load Balancer charges at one average request rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct AlbCost {
    avg_rps: f64,
    lcus: f64,
    hours_usd: f64,
    lcu_usd: f64,
}

impl AlbCost {
    pub(super) fn new(s: &Scenario, avg_rps: f64) -> Self {
        let r = &s.rates;
        // One new connection per request: LCUs follow the new-connection dimension.
        let lcus = avg_rps / r.alb_new_connections_per_lcu.max(f64::MIN_POSITIVE);
        Self {
            avg_rps,
            lcus,
            hours_usd: HOURS_PER_MONTH * r.alb_usd_per_hour,
            lcu_usd: lcus * HOURS_PER_MONTH * r.alb_usd_per_lcu_hour,
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.hours_usd + self.lcu_usd
    }

    pub(super) fn lines(&self, s: &Scenario) -> [LineItem; 2] {
        let r = &s.rates;
        [
            LineItem::new(
                LABEL_ALB_HOURS,
                format!(
                    "{} hours × {} per hour",
                    format_quantity(HOURS_PER_MONTH, 0),
                    format_rate(r.alb_usd_per_hour)
                ),
                self.hours_usd,
            ),
            LineItem::new(
                LABEL_ALB_LCU,
                format!(
                    "{} LCU ({} requests/s on average ÷ {} new connections/s per LCU, one \
                     connection per request) × {} hours × {} per LCU-hour",
                    format_quantity(self.lcus, 4),
                    format_quantity(self.avg_rps, 3),
                    format_quantity(r.alb_new_connections_per_lcu, 2),
                    format_quantity(HOURS_PER_MONTH, 0),
                    format_rate(r.alb_usd_per_lcu_hour)
                ),
                self.lcu_usd,
            ),
        ]
    }
}

/// What the front door in front of a Lambda function costs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum FrontDoorCost {
    None,
    ApiGateway {
        door: FrontDoor,
        millions: f64,
        usd: f64,
    },
    Alb(AlbCost),
}

impl FrontDoorCost {
    pub(super) fn new(s: &Scenario, requests: f64) -> Self {
        let (door, tiers) = match s.lambda.front_door {
            None => return Self::None,
            Some(FrontDoor::Alb) => {
                return Self::Alb(AlbCost::new(s, requests / SECONDS_PER_MONTH));
            }
            Some(door @ FrontDoor::ApiGatewayHttp) => (door, &s.rates.api_gateway_http_tiers),
            Some(door @ FrontDoor::ApiGatewayRest) => (door, &s.rates.api_gateway_rest_tiers),
        };
        let millions = requests / 1e6;
        Self::ApiGateway {
            door,
            millions,
            usd: tiered_usd(millions, tiers),
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        match self {
            Self::None => 0.0,
            Self::ApiGateway { usd, .. } => *usd,
            Self::Alb(alb) => alb.total_usd(),
        }
    }

    pub(super) fn lines(&self, s: &Scenario) -> Vec<LineItem> {
        match self {
            Self::None => Vec::new(),
            Self::Alb(alb) => alb.lines(s).to_vec(),
            Self::ApiGateway {
                door,
                millions,
                usd,
            } => {
                let tiers = match door {
                    FrontDoor::ApiGatewayRest => &s.rates.api_gateway_rest_tiers,
                    _ => &s.rates.api_gateway_http_tiers,
                };
                vec![LineItem::new(
                    door.label(),
                    tier_words(*millions, tiers, "million requests", "million", 6),
                    *usd,
                )]
            }
        }
    }
}
