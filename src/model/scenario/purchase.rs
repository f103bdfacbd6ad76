//! How capacity is bought: on demand, under a 1- or 3-year Savings Plan, or as Spot capacity, and
//! how big a commitment is. On-premises servers are already a purchase and have none of these.

use serde::{Deserialize, Serialize};

/// How a fleet's instances or tasks are bought (`vm.purchase`, `containers.purchase`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Purchase {
    /// Pay by the hour (or second), no commitment.
    #[default]
    OnDemand,
    /// A 1-year Savings Plan, no upfront payment.
    SavingsPlan1y,
    /// A 3-year Savings Plan, no upfront payment.
    SavingsPlan3y,
    /// Spare capacity at a lower price, which AWS can take back with two minutes' notice.
    Spot,
}

impl Purchase {
    /// Every option, in display order.
    pub const ALL: [Self; 4] = [
        Self::OnDemand,
        Self::SavingsPlan1y,
        Self::SavingsPlan3y,
        Self::Spot,
    ];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnDemand => "On demand",
            Self::SavingsPlan1y => "Savings Plan, 1 year",
            Self::SavingsPlan3y => "Savings Plan, 3 years",
            Self::Spot => "Spot",
        }
    }

    /// The plan's term, when this is a Savings Plan.
    pub fn term(self) -> Option<Term> {
        match self {
            Self::SavingsPlan1y => Some(Term::OneYear),
            Self::SavingsPlan3y => Some(Term::ThreeYear),
            Self::OnDemand | Self::Spot => None,
        }
    }

    /// The `report` key of the option.
    pub fn key(self) -> &'static str {
        match self {
            Self::OnDemand => "on_demand",
            Self::SavingsPlan1y => "savings_plan_1y",
            Self::SavingsPlan3y => "savings_plan_3y",
            Self::Spot => "spot",
        }
    }
}

/// A Savings Plan's term, and Lambda's plan (`lambda.savings_plan: Some(OneYear)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Term {
    /// One year, no upfront payment.
    OneYear,
    /// Three years, no upfront payment.
    ThreeYear,
}

impl Term {
    /// Both terms, in display order.
    pub const ALL: [Self; 2] = [Self::OneYear, Self::ThreeYear];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::OneYear => "1 year",
            Self::ThreeYear => "3 years",
        }
    }
}

/// Which Savings Plan covers the virtual machines (`vm.savings_plan_kind`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SavingsPlanKind {
    /// EC2 Instance Savings Plan: one instance family in one region, the deeper discount.
    #[default]
    Ec2Instance,
    /// Compute Savings Plan: any family, region, Fargate or Lambda, a smaller discount.
    Compute,
}

impl SavingsPlanKind {
    /// Both kinds, in display order.
    pub const ALL: [Self; 2] = [Self::Ec2Instance, Self::Compute];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ec2Instance => "EC2 Instance Savings Plan",
            Self::Compute => "Compute Savings Plan",
        }
    }
}

/// What a Savings Plan's hourly commitment is sized to (`*.commit_to`). A commitment is paid every
/// hour of the term whether or not it is used: sized above the usage, the difference is waste.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommitTo {
    /// The floor: the fleet's minimum (Lambda: its provisioned concurrency). Usage above it is
    /// billed on demand.
    Minimum,
    /// The month's average usage, so the whole of the modelled usage is covered.
    #[default]
    Average,
    /// The month's busiest hour (average × peak-to-average), so most hours leave part unused.
    Peak,
}

impl CommitTo {
    /// Every sizing, in display order.
    pub const ALL: [Self; 3] = [Self::Minimum, Self::Average, Self::Peak];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Minimum => "the fleet's minimum",
            Self::Average => "the month's average",
            Self::Peak => "the month's peak",
        }
    }

    /// The sizing in words for Lambda, whose floor is its provisioned concurrency.
    pub fn lambda_label(self) -> &'static str {
        match self {
            Self::Minimum => "its provisioned concurrency (the floor that always runs)",
            Self::Average => "the month's average",
            Self::Peak => "the month's busiest hour",
        }
    }

    /// The `report` key of the sizing.
    pub fn key(self) -> &'static str {
        match self {
            Self::Minimum => "minimum",
            Self::Average => "average",
            Self::Peak => "peak",
        }
    }
}

impl super::Scenario {
    /// Whether any model is bought other than on demand.
    pub fn buys_ahead(&self) -> bool {
        self.vm.purchase != Purchase::OnDemand
            || self.containers.purchase != Purchase::OnDemand
            || self.lambda.savings_plan.is_some()
    }

    /// The same scenario with every model bought on demand: what the cost view overlays.
    #[must_use]
    pub fn on_demand(&self) -> Self {
        let mut s = self.clone();
        s.vm.purchase = Purchase::OnDemand;
        s.containers.purchase = Purchase::OnDemand;
        s.lambda.savings_plan = None;
        s
    }
}
