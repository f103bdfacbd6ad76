//! The enums offered in combo boxes, with the text and hint of each option.

use crate::model::scenario::{
    Architecture, FrontDoor, LaunchType, Orchestrator, PackageType, Runtime, ScalingRules,
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
