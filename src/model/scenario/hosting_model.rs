//! The four hosting models the app compares, with their labels and report keys.

use serde::{Deserialize, Serialize};

/// The four hosting models the app compares, from most to least you manage.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum HostingModel {
    /// Servers you buy, house and run.
    OnPrem,
    /// Virtual machines (EC2) in an Auto Scaling group.
    Vm,
    /// Containers (ECS or EKS, on Fargate or EC2).
    Containers,
    /// Functions (AWS Lambda).
    #[default]
    Lambda,
}

impl HostingModel {
    /// All four, in the order the views show them (most to least you manage).
    pub const ALL: [Self; 4] = [Self::OnPrem, Self::Vm, Self::Containers, Self::Lambda];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnPrem => "On-premises",
            Self::Vm => "Virtual machines",
            Self::Containers => "Containers",
            Self::Lambda => "Serverless",
        }
    }

    /// The AWS service (or the lack of one) behind the model, for subtitles.
    pub fn service(self) -> &'static str {
        match self {
            Self::OnPrem => "your own servers",
            Self::Vm => "EC2",
            Self::Containers => "ECS / EKS",
            Self::Lambda => "Lambda",
        }
    }

    /// The key used in reports and files: `on_prem`, `vm`, `containers`, `lambda`.
    pub fn key(self) -> &'static str {
        match self {
            Self::OnPrem => "on_prem",
            Self::Vm => "vm",
            Self::Containers => "containers",
            Self::Lambda => "lambda",
        }
    }
}
