//! What invokes the function: a synchronous HTTP call, an SQS queue, a Kinesis or DynamoDB
//! stream, or an asynchronous event (S3, SNS, EventBridge), and the service the work comes
//! through. The trigger decides what happens to work that finds no free capacity: HTTP drops
//! it, every other trigger keeps it waiting.

use serde::{Deserialize, Serialize};

/// Concurrent batches an SQS event source mapping starts with when messages arrive.
pub const SQS_START_CONCURRENCY: u32 = 5;

/// Concurrent batches an SQS event source mapping adds per minute while messages wait.
pub const SQS_ADD_PER_MINUTE: u32 = 300;

/// Most concurrent batches one SQS event source mapping runs.
pub const SQS_MAX_CONCURRENCY: u32 = 1_000;

/// The allowed range of an SQS event source mapping's `max_concurrency`.
pub const SQS_MAX_CONCURRENCY_RANGE: (u32, u32) = (2, 1_000);

/// The allowed range of a stream's shards.
pub const STREAM_SHARDS_RANGE: (u32, u32) = (1, 10_000);

/// The allowed range of a stream event source mapping's parallelization factor.
pub const STREAM_PARALLELIZATION_RANGE: (u32, u32) = (1, 10);

/// How long Lambda keeps retrying a throttled asynchronous event (the default maximum event
/// age, 6 hours), s.
pub const ASYNC_MAX_EVENT_AGE_S: f64 = 6.0 * 3_600.0;

/// What invokes the function, and so what happens to work beyond the capacity there is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// A synchronous call (API Gateway, a load balancer, a function URL): work beyond capacity
    /// is throttled or dropped.
    #[default]
    Http,
    /// An SQS standard queue read by Lambda's event source mapping. Traffic counts batches.
    /// Concurrency starts at 5 batches, grows by up to 300 a minute while messages wait, and
    /// stops at 1,000 or at `max_concurrency`. Messages wait in the queue.
    Queue {
        /// The mapping's maximum concurrency, 2–1,000; `None` for no cap below 1,000.
        max_concurrency: Option<u32>,
    },
    /// A Kinesis or DynamoDB stream: Lambda runs `shards × parallelization` batches at once,
    /// however high the traffic. Records wait in their shard. Traffic counts batches.
    Stream {
        /// Shards of the stream, 1–10,000.
        shards: u32,
        /// Batches processed at once per shard, 1–10.
        parallelization: u32,
    },
    /// An asynchronous invocation (S3 notifications, SNS, EventBridge rules and schedules):
    /// Lambda queues the event and retries a throttled one for up to 6 hours.
    Async,
}

impl Trigger {
    /// Every kind of trigger with its usual settings, in display order.
    pub const ALL: [Self; 4] = [
        Self::Http,
        Self::Queue {
            max_concurrency: None,
        },
        Self::Stream {
            shards: 4,
            parallelization: 1,
        },
        Self::Async,
    ];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Http => "HTTP request",
            Self::Queue { .. } => "SQS queue",
            Self::Stream { .. } => "Stream (Kinesis, DynamoDB)",
            Self::Async => "Asynchronous event",
        }
    }

    /// Whether work beyond capacity waits (every trigger but HTTP) instead of being dropped.
    pub fn keeps_work(self) -> bool {
        self != Self::Http
    }

    /// Whether both are the same kind of trigger, whatever their settings.
    pub fn same_kind(self, other: Self) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    /// The most Lambda environments the trigger itself lets run at once, where it caps them:
    /// a stream's shards × parallelization, or a queue's `max_concurrency` (1,000 without it).
    pub fn concurrency_cap(self) -> Option<u32> {
        match self {
            Self::Http | Self::Async => None,
            Self::Queue { max_concurrency } => Some(max_concurrency.unwrap_or(SQS_MAX_CONCURRENCY)),
            Self::Stream {
                shards,
                parallelization,
            } => Some(shards.saturating_mul(parallelization)),
        }
    }

    /// The event sources this trigger can come from, the usual one first.
    pub fn sources(self) -> &'static [EventSource] {
        match self {
            Self::Http => &[],
            Self::Queue { .. } => &[EventSource::Sqs],
            Self::Stream { .. } => &[EventSource::Kinesis, EventSource::DynamoDbStreams],
            Self::Async => &[
                EventSource::S3,
                EventSource::Sns,
                EventSource::EventBridge,
                EventSource::EventBridgeSchedule,
            ],
        }
    }

    /// One unit of traffic under this trigger: "request", "batch" or "event".
    pub fn work_noun_one(self) -> &'static str {
        match self {
            Self::Http => "request",
            Self::Queue { .. } | Self::Stream { .. } => "batch",
            Self::Async => "event",
        }
    }

    /// What a unit of traffic counts under this trigger, plural ("requests", "batches", …).
    pub fn work_noun(self) -> &'static str {
        match self {
            Self::Http => "requests",
            Self::Queue { .. } | Self::Stream { .. } => "batches",
            Self::Async => "events",
        }
    }
}

/// The AWS service the work comes through when the trigger is not HTTP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventSource {
    /// An SQS standard queue.
    Sqs,
    /// A Kinesis data stream (provisioned shards).
    Kinesis,
    /// A DynamoDB table's stream.
    DynamoDbStreams,
    /// S3 event notifications (object created, …).
    S3,
    /// An SNS topic.
    Sns,
    /// Custom events put on an EventBridge event bus.
    EventBridge,
    /// An EventBridge Scheduler schedule (cron or rate).
    EventBridgeSchedule,
}

impl EventSource {
    /// Every event source, in display order.
    pub const ALL: [Self; 7] = [
        Self::Sqs,
        Self::Kinesis,
        Self::DynamoDbStreams,
        Self::S3,
        Self::Sns,
        Self::EventBridge,
        Self::EventBridgeSchedule,
    ];

    /// The service's name for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sqs => "Amazon SQS",
            Self::Kinesis => "Kinesis Data Streams",
            Self::DynamoDbStreams => "DynamoDB Streams",
            Self::S3 => "S3 event notifications",
            Self::Sns => "Amazon SNS",
            Self::EventBridge => "EventBridge event bus",
            Self::EventBridgeSchedule => "EventBridge Scheduler",
        }
    }
}

/// The event source a workload's work comes through: the one set, or the trigger's usual one;
/// `None` for HTTP.
pub fn event_source_of(trigger: Trigger, set: Option<EventSource>) -> Option<EventSource> {
    let sources = trigger.sources();
    set.filter(|s| sources.contains(s))
        .or_else(|| sources.first().copied())
}

/// What one request of the month's volume is under a trigger that is not HTTP, in words for the
/// cost view: "Here one request is one batch of 10 messages from Amazon SQS."
pub fn work_unit_sentence(
    trigger: Trigger,
    set: Option<EventSource>,
    batch_size: u32,
) -> Option<String> {
    let source = event_source_of(trigger, set)?;
    let what = match trigger {
        Trigger::Http => return None,
        Trigger::Queue { .. } => format!(
            "one batch of {batch_size} message{}",
            if batch_size == 1 { "" } else { "s" }
        ),
        Trigger::Stream { .. } => format!(
            "one batch of {batch_size} record{}",
            if batch_size == 1 { "" } else { "s" }
        ),
        Trigger::Async => "one event".to_owned(),
    };
    Some(format!(
        "Here one request is {what} from {}, one invocation of the function.",
        source.label()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_follow_the_trigger() {
        assert_eq!(Trigger::Http.concurrency_cap(), None);
        assert_eq!(Trigger::Async.concurrency_cap(), None);
        let queue = Trigger::Queue {
            max_concurrency: None,
        };
        assert_eq!(queue.concurrency_cap(), Some(1_000));
        let capped = Trigger::Queue {
            max_concurrency: Some(50),
        };
        assert_eq!(capped.concurrency_cap(), Some(50));
        let stream = |shards| Trigger::Stream {
            shards,
            parallelization: 2,
        };
        assert_eq!(stream(4).concurrency_cap(), Some(8));
        assert_eq!(stream(8).concurrency_cap(), Some(16));
        assert!(!Trigger::Http.keeps_work());
        assert!(Trigger::Async.keeps_work() && queue.keeps_work());
    }

    #[test]
    fn event_source_falls_back_to_the_triggers_usual_one() {
        assert_eq!(event_source_of(Trigger::Http, Some(EventSource::S3)), None);
        assert_eq!(event_source_of(Trigger::Async, None), Some(EventSource::S3));
        assert_eq!(
            event_source_of(Trigger::Async, Some(EventSource::Sns)),
            Some(EventSource::Sns)
        );
        // A source that does not fit the trigger is not used.
        assert_eq!(
            event_source_of(Trigger::ALL[2], Some(EventSource::Sns)),
            Some(EventSource::Kinesis)
        );
    }

    #[test]
    fn the_work_unit_is_said_in_words() {
        assert_eq!(work_unit_sentence(Trigger::Http, None, 10), None);
        assert_eq!(
            work_unit_sentence(Trigger::ALL[1], None, 10).unwrap(),
            "Here one request is one batch of 10 messages from Amazon SQS, one invocation of the \
             function."
        );
        assert!(
            work_unit_sentence(Trigger::Async, Some(EventSource::Sns), 1)
                .unwrap()
                .contains("one event from Amazon SNS")
        );
    }

    #[test]
    fn presets_spell_the_fixed_names() {
        let t: Trigger = ron::from_str("Queue(max_concurrency: None)").unwrap();
        assert_eq!(t, Trigger::ALL[1]);
        let t: Trigger = ron::from_str("Stream(shards: 4, parallelization: 1)").unwrap();
        assert_eq!(t, Trigger::ALL[2]);
        let t: Trigger = ron::from_str("Async").unwrap();
        assert_eq!(t, Trigger::Async);
        assert_eq!(ron::from_str::<Trigger>("Http").unwrap(), Trigger::Http);
    }
}
