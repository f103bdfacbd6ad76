//! Who owns each layer of the stack in each hosting model (presets/README.md §6), with the chores that
//! ownership means, in the project's own words.

use super::scenario::{
    EventSource, HostingModel, LaunchType, PackageType, Scenario, Trigger, event_source_of,
};

/// Who is responsible for a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// You (your team) do the work.
    You,
    /// AWS does it for you.
    Aws,
    /// Both: AWS provides the mechanism, you configure and check it.
    Shared,
}

impl Owner {
    /// Label for the UI and accessible names.
    pub fn label(self) -> &'static str {
        match self {
            Self::You => "You",
            Self::Aws => "AWS",
            Self::Shared => "Shared",
        }
    }
}

/// One of the seven layers, listed from the application down to the hardware.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Layer {
    /// Business data, identity (IAM) and configuration.
    DataAndSecurity,
    /// The application's code and logic.
    Code,
    /// Staying up when a machine or a data centre fails.
    HighAvailability,
    /// How many machines, and when to add or remove them.
    Capacity,
    /// The language runtime and its version.
    Runtime,
    /// The operating system of the hosts.
    HostOs,
    /// Buildings, power, cooling, servers, network.
    Hardware,
}

impl Layer {
    /// All seven layers, top (your application) to bottom (the building).
    pub const ALL: [Self; 7] = [
        Self::DataAndSecurity,
        Self::Code,
        Self::HighAvailability,
        Self::Capacity,
        Self::Runtime,
        Self::HostOs,
        Self::Hardware,
    ];

    /// Short name for the diagram.
    pub fn name(self) -> &'static str {
        match self {
            Self::DataAndSecurity => "Business data and security",
            Self::Code => "Application code and logic",
            Self::HighAvailability => "High availability",
            Self::Capacity => "Capacity planning and scaling",
            Self::Runtime => "Runtime and language version",
            Self::HostOs => "Host OS patching",
            Self::Hardware => "Data centre and hardware",
        }
    }

    /// What the layer is, in one sentence.
    pub fn summary(self) -> &'static str {
        match self {
            Self::DataAndSecurity => {
                "Your customers' data, who may read it, and how the service is configured."
            }
            Self::Code => "The code that makes your product what it is.",
            Self::HighAvailability => {
                "Keeping the service up when a disk, a machine or a whole data centre fails."
            }
            Self::Capacity => {
                "Deciding how much computing power to have, and adding or removing it in time."
            }
            Self::Runtime => "The language runtime your code runs on (Node.js, Python, Java…).",
            Self::HostOs => "The operating system under your code: kernel, libraries, agents.",
            Self::Hardware => "Buildings, power, cooling, racks, servers, disks and network.",
        }
    }

    /// Concrete chores that owning this layer means.
    pub fn chores(self) -> &'static [&'static str] {
        match self {
            Self::DataAndSecurity => &[
                "Decide who may read the customer table and write the IAM policy for it",
                "Rotate a leaked API key at 2 a.m.",
                "Encrypt backups and test that they restore",
            ],
            Self::Code => &[
                "Fix the bug that charges a customer twice",
                "Review and ship the new checkout page",
                "Update a library with a known vulnerability",
            ],
            Self::HighAvailability => &[
                "Run copies in two data centres and fail over when one goes dark",
                "Replace a dead disk before its mirror fails too",
                "Put a load balancer in front and health-check every server",
            ],
            Self::Capacity => &[
                "Size a fleet for Black Friday weeks in advance",
                "Tune the Auto Scaling policy that reacted too late last time",
                "Pay for idle servers at night because buying takes months",
            ],
            Self::Runtime => &[
                "Upgrade from Node.js 18 before it stops getting security fixes",
                "Rebuild the container image when OpenSSL ships a fix",
                "Keep the JVM flags and garbage collector tuned",
            ],
            Self::HostOs => &[
                "Patch a kernel CVE on every host and reboot without downtime",
                "Renew the TLS certificate on each machine before it expires",
                "Keep the monitoring and log agents installed and current",
            ],
            Self::Hardware => &[
                "Buy servers and wait weeks for delivery",
                "Replace failed power supplies and keep the room cool",
                "Pay for power, rack space and the network uplink",
            ],
        }
    }
}

/// The variants that change who owns a layer, and what triggers the function, taken from the
/// scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackVariant {
    /// Containers run on Fargate, so AWS runs the hosts.
    pub fargate: bool,
    /// The Lambda function is a container image, so you own the image's runtime.
    pub lambda_image: bool,
    /// What invokes the function.
    pub trigger: Trigger,
    /// The service the work comes through (`None` for HTTP).
    pub event_source: Option<EventSource>,
}

impl StackVariant {
    /// The variant a scenario describes.
    pub fn of(scenario: &Scenario) -> Self {
        Self {
            fargate: scenario.containers.launch_type == LaunchType::Fargate,
            lambda_image: scenario.cold_start.package_type == PackageType::Image,
            trigger: scenario.workload.trigger,
            event_source: event_source_of(
                scenario.workload.trigger,
                scenario.workload.event_source,
            ),
        }
    }

    /// What invokes the serverless function, in words: "Triggered by Amazon SQS (event source
    /// mapping)".
    pub fn triggered_by(self) -> String {
        let how = match self.trigger {
            Trigger::Http => {
                return "Triggered by HTTP requests (API Gateway, a load balancer or a function URL)".to_owned();
            }
            Trigger::Queue { .. } | Trigger::Stream { .. } => "event source mapping",
            Trigger::Async => "asynchronous invocation",
        };
        match self.event_source {
            Some(source) => format!("Triggered by {} ({how})", source.label()),
            None => format!("Triggered by {} ({how})", self.trigger.label()),
        }
    }
}

/// Who owns `layer` in `model`, given the variant (presets/README.md §6).
pub fn owner(model: HostingModel, layer: Layer, variant: StackVariant) -> Owner {
    use HostingModel as M;
    use Layer as L;
    if model == M::OnPrem || matches!(layer, L::DataAndSecurity | L::Code) {
        return Owner::You;
    }
    let aws = match layer {
        L::Hardware => true,
        L::HostOs => model == M::Lambda || (model == M::Containers && variant.fargate),
        L::Runtime => model == M::Lambda && !variant.lambda_image,
        // Scaling is AWS's only in Lambda; availability is also shared with an orchestrator.
        L::HighAvailability if model == M::Containers => return Owner::Shared,
        L::Capacity | L::HighAvailability => model == M::Lambda,
        L::DataAndSecurity | L::Code => false,
    };
    if aws { Owner::Aws } else { Owner::You }
}

/// Who does the layer's chores in `model`, in one sentence.
pub fn who_does_it(model: HostingModel, layer: Layer, variant: StackVariant) -> &'static str {
    use HostingModel as M;
    use Layer as L;
    match (layer, model) {
        (L::DataAndSecurity, _) => {
            "You, in every model: AWS secures the cloud, you secure what you put in it."
        }
        (L::Code, _) => "You, in every model.",
        (_, M::OnPrem) => "You: every layer is yours when you own the building.",
        (L::Hardware, _) => "AWS runs the data centres, servers and network.",
        (L::HostOs, M::Vm) => "You patch and reboot every instance's operating system.",
        (L::HostOs, M::Containers) if variant.fargate => {
            "AWS: with Fargate there are no nodes for you to patch."
        }
        (L::HostOs, M::Containers) => "You patch the cluster's EC2 nodes.",
        (L::HostOs, M::Lambda) => "AWS patches the hosts under every function.",
        (L::Runtime, M::Vm) => "You install and upgrade the runtime on each instance.",
        (L::Runtime, M::Containers) => "You, through the base image you build and rebuild.",
        (L::Runtime, M::Lambda) if variant.lambda_image => {
            "You: a container-image function carries its own runtime, so its patches are yours."
        }
        (L::Runtime, M::Lambda) => "AWS patches managed runtimes; you pick the version.",
        (L::Capacity, M::Vm) => "You size the Auto Scaling group and tune its policy.",
        (L::Capacity, M::Containers) => "You set task counts and scaling policies.",
        (L::Capacity, M::Lambda) => {
            "AWS adds environments as requests arrive, up to your concurrency limit."
        }
        (L::HighAvailability, M::Vm) => {
            "You spread instances over zones and wire up the load balancer."
        }
        (L::HighAvailability, M::Containers) => {
            "Shared: the orchestrator replaces failed tasks, you spread them over zones."
        }
        (L::HighAvailability, M::Lambda) => {
            "AWS runs every function across several zones by default."
        }
    }
}

/// How many of the seven layers `model` leaves to you, and how many are shared.
pub fn you_manage(model: HostingModel, variant: StackVariant) -> (usize, usize) {
    let owners = Layer::ALL.map(|layer| owner(model, layer, variant));
    let you = owners.iter().filter(|o| **o == Owner::You).count();
    let shared = owners.iter().filter(|o| **o == Owner::Shared).count();
    (you, shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: StackVariant = StackVariant {
        fargate: false,
        lambda_image: false,
        trigger: Trigger::Http,
        event_source: None,
    };

    #[test]
    fn table_matches_facts() {
        use HostingModel as M;
        use Layer as L;
        let expected = [
            (
                L::Hardware,
                [Owner::You, Owner::Aws, Owner::Aws, Owner::Aws],
            ),
            (L::HostOs, [Owner::You, Owner::You, Owner::You, Owner::Aws]),
            (L::Runtime, [Owner::You, Owner::You, Owner::You, Owner::Aws]),
            (
                L::Capacity,
                [Owner::You, Owner::You, Owner::You, Owner::Aws],
            ),
            (
                L::HighAvailability,
                [Owner::You, Owner::You, Owner::Shared, Owner::Aws],
            ),
            (L::Code, [Owner::You; 4]),
            (L::DataAndSecurity, [Owner::You; 4]),
        ];
        for (layer, owners) in expected {
            for (model, want) in [M::OnPrem, M::Vm, M::Containers, M::Lambda]
                .into_iter()
                .zip(owners)
            {
                assert_eq!(owner(model, layer, PLAIN), want, "{layer:?} in {model:?}");
            }
        }
    }

    #[test]
    fn counts_fall_from_seven_to_two() {
        assert_eq!(you_manage(HostingModel::OnPrem, PLAIN), (7, 0));
        assert_eq!(you_manage(HostingModel::Vm, PLAIN), (6, 0));
        assert_eq!(you_manage(HostingModel::Containers, PLAIN), (5, 1));
        assert_eq!(you_manage(HostingModel::Lambda, PLAIN), (2, 0));
    }

    #[test]
    fn fargate_and_image_nuances() {
        let fargate = StackVariant {
            fargate: true,
            ..PLAIN
        };
        assert_eq!(
            owner(HostingModel::Containers, Layer::HostOs, fargate),
            Owner::Aws
        );
        let image = StackVariant {
            lambda_image: true,
            ..PLAIN
        };
        assert_eq!(
            owner(HostingModel::Lambda, Layer::Runtime, image),
            Owner::You
        );
        assert_eq!(you_manage(HostingModel::Lambda, image), (3, 0));
    }

    #[test]
    fn the_serverless_column_names_its_trigger() {
        let mut s = Scenario::default();
        assert_eq!(
            StackVariant::of(&s).triggered_by(),
            "Triggered by HTTP requests (API Gateway, a load balancer or a function URL)"
        );
        s.workload.trigger = Trigger::ALL[1];
        assert_eq!(
            StackVariant::of(&s).triggered_by(),
            "Triggered by Amazon SQS (event source mapping)"
        );
        s.workload.trigger = Trigger::ALL[2];
        s.workload.event_source = Some(EventSource::DynamoDbStreams);
        assert_eq!(
            StackVariant::of(&s).triggered_by(),
            "Triggered by DynamoDB Streams (event source mapping)"
        );
        s.workload.trigger = Trigger::Async;
        s.workload.event_source = Some(EventSource::Sns);
        assert_eq!(
            StackVariant::of(&s).triggered_by(),
            "Triggered by Amazon SNS (asynchronous invocation)"
        );
    }

    #[test]
    fn every_layer_has_text() {
        for layer in Layer::ALL {
            assert!(!layer.summary().is_empty());
            assert!(layer.chores().len() >= 2);
            for model in HostingModel::ALL {
                assert!(!who_does_it(model, layer, PLAIN).is_empty());
            }
        }
    }
}
