//! The enums offered in combo boxes, with the text and hint of each option.

use crate::model::scenario::{
    Architecture, CommitTo, EventSource, FrontDoor, LaunchType, Orchestrator, PackageType,
    Purchase, Runtime, SavingsPlanKind, ScalingRules, Term, Trigger,
};
use crate::model::traffic::TrafficShape;

/// The choices of an enum shown in a combo box.
pub(super) trait Choice: Copy + PartialEq + 'static {
    /// Every option, in menu order.
    const OPTIONS: &'static [Self];
    /// The option's name.
    fn text(self) -> &'static str;
    /// One sentence shown when hovering the option.
    fn hint(self) -> &'static str;
}

impl Choice for Architecture {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        match self {
            Self::X86_64 => "Intel or AMD 64-bit",
            Self::Arm64 => "AWS Graviton: 20% cheaper per GB-second on Lambda and on Fargate",
        }
    }
}

/// Each kind of trigger with its usual settings: picking one gives the new kind's defaults.
impl Choice for Trigger {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Http => {
                "API Gateway, a load balancer or a function URL waits for the answer: a request \
                 beyond the concurrency limit is throttled (HTTP 429) and lost"
            }
            Self::Queue { .. } => {
                "Lambda polls the queue: 5 batches at once at first, 300 more a minute while \
                 messages wait, up to 1,000; messages beyond that wait in the queue"
            }
            Self::Stream { .. } => {
                "Lambda reads each shard: at most shards × parallelization batches at once; \
                 records beyond that wait in their shard"
            }
            Self::Async => {
                "Lambda queues the event and retries a throttled one for up to 6 hours: events \
                 wait instead of being lost"
            }
        }
    }
}

impl Choice for EventSource {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Sqs => "An SQS standard queue, read in batches by an event source mapping",
            Self::Kinesis => "A Kinesis data stream with provisioned shards",
            Self::DynamoDbStreams => "The change stream of a DynamoDB table",
            Self::S3 => "An S3 bucket's notifications (object created, deleted, ...)",
            Self::Sns => "Messages published to an SNS topic",
            Self::EventBridge => "Custom events put on an EventBridge event bus",
            Self::EventBridgeSchedule => "A cron or rate schedule of EventBridge Scheduler",
        }
    }
}

impl Choice for Option<FrontDoor> {
    const OPTIONS: &'static [Self] = &[
        None,
        Some(FrontDoor::ApiGatewayHttp),
        Some(FrontDoor::ApiGatewayRest),
        Some(FrontDoor::Alb),
    ];
    fn text(self) -> &'static str {
        // Short names keep the combo box within the value column; the hints say the rest.
        match self {
            None => "None",
            Some(FrontDoor::ApiGatewayHttp) => "API GW HTTP",
            Some(FrontDoor::ApiGatewayRest) => "API GW REST",
            Some(FrontDoor::Alb) => "ALB",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            None => "Nothing billed in front: an event source, a direct call or a function URL",
            Some(FrontDoor::ApiGatewayHttp) => {
                "API Gateway HTTP API: $1.00 per million requests up to 300 M a month, then \
                 $0.90 (default rates)"
            }
            Some(FrontDoor::ApiGatewayRest) => {
                "API Gateway REST API: $3.50 per million requests up to 333 M a month, then less \
                 (default rates)"
            }
            Some(FrontDoor::Alb) => {
                "Application Load Balancer: $0.0225 an hour plus $0.008 per LCU-hour (default \
                 rates)"
            }
        }
    }
}

impl Choice for ScalingRules {
    const OPTIONS: &'static [Self] = &[Self::Current, Self::Rules2022];
    fn text(self) -> &'static str {
        match self {
            Self::Current => "Current rules",
            Self::Rules2022 => "2022 rules",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Current => "Since 26 Nov 2023: each function adds 1,000 environments every 10 s",
            Self::Rules2022 => {
                "Before 26 Nov 2023: an account-wide initial burst, then +500 environments a minute"
            }
        }
    }
}

impl Choice for Runtime {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        ""
    }
}

impl Choice for PackageType {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Zip => "Code on a managed runtime that AWS patches",
            Self::Image => "Your own image: slower to start, and its runtime is yours to patch",
        }
    }
}

impl Choice for Orchestrator {
    const OPTIONS: &'static [Self] = &[Self::Ecs, Self::Eks];
    fn text(self) -> &'static str {
        match self {
            Self::Ecs => "Amazon ECS",
            Self::Eks => "Amazon EKS",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Ecs => "Free control plane",
            Self::Eks => "Control plane billed per cluster-hour ($0.10, about $73 a month)",
        }
    }
}

impl Choice for LaunchType {
    const OPTIONS: &'static [Self] = &[Self::Fargate, Self::Ec2];
    fn text(self) -> &'static str {
        match self {
            Self::Fargate => "Fargate",
            Self::Ec2 => "EC2 nodes",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Fargate => "AWS runs the hosts; billed per vCPU-hour and GB-hour",
            Self::Ec2 => {
                "Your own instances as cluster nodes: billed per node-hour, yours to patch"
            }
        }
    }
}

impl Choice for TrafficShape {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        self.description()
    }
}

impl Choice for Purchase {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        // Short names keep the combo box within the value column; the hints say the rest.
        match self {
            Self::OnDemand => "On demand",
            Self::SavingsPlan1y => "1-year plan",
            Self::SavingsPlan3y => "3-year plan",
            Self::Spot => "Spot",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::OnDemand => "Pay by the hour, no commitment",
            Self::SavingsPlan1y => {
                "Commit to an hourly spend for 1 year (no upfront) for a lower rate; the \
                 commitment is paid whether or not it is used"
            }
            Self::SavingsPlan3y => {
                "Commit to an hourly spend for 3 years (no upfront) for the lowest rate; the \
                 commitment is paid whether or not it is used"
            }
            Self::Spot => {
                "Spare capacity at a much lower price, which AWS can take back with two \
                 minutes' notice"
            }
        }
    }
}

impl Choice for SavingsPlanKind {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        match self {
            Self::Ec2Instance => "EC2 Instance",
            Self::Compute => "Compute",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Ec2Instance => {
                "One instance family in one region: the deeper discount (up to 72% on 3 years)"
            }
            Self::Compute => {
                "Any family, size or region, and Fargate and Lambda too: a smaller discount (up \
                 to 66%)"
            }
        }
    }
}

impl Choice for CommitTo {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        match self {
            Self::Minimum => "The minimum",
            Self::Average => "The average",
            Self::Peak => "The peak",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Minimum => {
                "Commit only to the floor that always runs (the fleet's minimum; for Lambda its \
                 provisioned concurrency); the rest is billed on demand"
            }
            Self::Average => "Commit to the month's average usage: all of it is covered",
            Self::Peak => {
                "Commit to the busiest hour: covered at the peak, but most hours leave part of \
                 the commitment idle, and idle commitment is still paid"
            }
        }
    }
}

impl Choice for Option<Term> {
    const OPTIONS: &'static [Self] = &[None, Some(Term::OneYear), Some(Term::ThreeYear)];
    fn text(self) -> &'static str {
        match self {
            None => "None (on demand)",
            Some(Term::OneYear) => "1-year plan",
            Some(Term::ThreeYear) => "3-year plan",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            None => "Every duration and provisioned second at on-demand prices",
            Some(_) => {
                "A Compute Savings Plan takes a share off duration, INIT and provisioned \
                 concurrency (AWS: up to 17%), not off requests"
            }
        }
    }
}
