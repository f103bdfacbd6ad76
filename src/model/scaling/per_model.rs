//! One value per hosting model, the shape every result of the scaling simulation comes in.

use serde::Serialize;

use crate::model::scenario::HostingModel;

/// One value per hosting model; serialises with the keys `on_prem`, `vm`, `containers`, `lambda`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PerModel<T> {
    /// On-premises servers.
    pub on_prem: T,
    /// Virtual machines (EC2 Auto Scaling group).
    pub vm: T,
    /// Containers (ECS or EKS tasks).
    pub containers: T,
    /// Lambda functions.
    pub lambda: T,
}

impl<T> PerModel<T> {
    /// The value of one model.
    pub fn get(&self, model: HostingModel) -> &T {
        match model {
            HostingModel::OnPrem => &self.on_prem,
            HostingModel::Vm => &self.vm,
            HostingModel::Containers => &self.containers,
            HostingModel::Lambda => &self.lambda,
        }
    }

    /// The value of one model, to change.
    pub fn get_mut(&mut self, model: HostingModel) -> &mut T {
        match model {
            HostingModel::OnPrem => &mut self.on_prem,
            HostingModel::Vm => &mut self.vm,
            HostingModel::Containers => &mut self.containers,
            HostingModel::Lambda => &mut self.lambda,
        }
    }

    /// Applies `f` to every model's value.
    pub fn map<U>(&self, mut f: impl FnMut(HostingModel, &T) -> U) -> PerModel<U> {
        PerModel {
            on_prem: f(HostingModel::OnPrem, &self.on_prem),
            vm: f(HostingModel::Vm, &self.vm),
            containers: f(HostingModel::Containers, &self.containers),
            lambda: f(HostingModel::Lambda, &self.lambda),
        }
    }

    /// Turns every model's value into another, consuming them.
    pub fn into_map<U>(self, mut f: impl FnMut(HostingModel, T) -> U) -> PerModel<U> {
        PerModel {
            on_prem: f(HostingModel::OnPrem, self.on_prem),
            vm: f(HostingModel::Vm, self.vm),
            containers: f(HostingModel::Containers, self.containers),
            lambda: f(HostingModel::Lambda, self.lambda),
        }
    }
}
