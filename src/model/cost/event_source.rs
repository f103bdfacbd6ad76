//! The event source's lines: what the queue, stream, topic, event bus or schedule that a
//! non-HTTP trigger's work comes through costs a month (presets/README.md §4d). Lambda's bill
//! and the alternatives' bills pay for the same one; each reader pays its own empty receives of
//! an SQS queue, and a fleet takes SNS messages by an HTTP/S subscription.

use super::bill::LineItem;
use super::money::{format_quantity, format_rate};
use crate::model::scenario::{
    EventSource, HOURS_PER_MONTH, SQS_START_CONCURRENCY, Scenario, Trigger, event_source_of,
};

// Line labels, shared by the lines and the bills' event-source fields.
const LABEL_SQS_REQUESTS: &str = "SQS requests";
const LABEL_SQS_EMPTY: &str = "SQS empty receives (estimate)";
const LABEL_KINESIS_SHARDS: &str = "Kinesis shard hours";
const LABEL_KINESIS_PUTS: &str = "Kinesis PUT payload units";
const LABEL_DYNAMODB_STREAMS: &str = "DynamoDB Streams reads";
const LABEL_S3: &str = "S3 event notifications";
const LABEL_SNS_PUBLISHES: &str = "SNS publishes";
const LABEL_SNS_HTTP: &str = "SNS HTTP/S deliveries";
const LABEL_EVENTBRIDGE: &str = "EventBridge custom events";
const LABEL_SCHEDULER: &str = "EventBridge Scheduler invocations";

/// The labels of every event-source line, for summing a bill's event-source part.
pub const EVENT_SOURCE_LABELS: [&str; 10] = [
    LABEL_SQS_REQUESTS,
    LABEL_SQS_EMPTY,
    LABEL_KINESIS_SHARDS,
    LABEL_KINESIS_PUTS,
    LABEL_DYNAMODB_STREAMS,
    LABEL_S3,
    LABEL_SNS_PUBLISHES,
    LABEL_SNS_HTTP,
    LABEL_EVENTBRIDGE,
    LABEL_SCHEDULER,
];

/// Most messages one SQS send, receive or delete call carries (each call under 64 KB assumed,
/// so it is one request).
const SQS_MESSAGES_PER_CALL: u32 = 10;

/// Most empty receives an idle consumer makes a minute, long-polling with a 20 s wait.
const SQS_EMPTY_RECEIVES_PER_MINUTE: f64 = 3.0;

/// Minutes in a 730-hour month.
const MINUTES_PER_MONTH: f64 = HOURS_PER_MONTH * 60.0;

/// Who reads the queue or the stream, or receives the events.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Reader {
    /// Lambda: its event source mapping polls a queue or a stream; S3, SNS and EventBridge
    /// invoke it.
    Lambda,
    /// A fleet of `count` instances, tasks or servers, each one consumer; `unit` names them
    /// and how many there are: "instances (the fleet for the month's average demand)".
    Fleet { count: u32, unit: &'static str },
}

/// What the event source costs, by source, with its quantities.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// An HTTP trigger: no event source.
    None,
    Sqs {
        /// Send, receive and delete calls a batch, each.
        calls_per_batch: f64,
        /// Requests for the messages: 3 × calls a batch × batches.
        requests: f64,
        /// Consumers long-polling the queue.
        pollers: f64,
        /// Their empty receives a month, at most.
        empty_receives: f64,
        requests_usd: f64,
        empty_usd: f64,
    },
    Kinesis {
        shards: u32,
        /// Records put, one PUT payload unit each.
        records: f64,
        shard_usd: f64,
        put_usd: f64,
    },
    DynamoDbStreams,
    S3,
    Sns {
        publish_usd: f64,
        /// Deliveries to a fleet's HTTP/S endpoint (none to Lambda: they are free).
        http_usd: Option<f64>,
    },
    EventBridge {
        usd: f64,
    },
    Scheduler {
        usd: f64,
    },
}

/// The event source's charges at one volume, for one reader.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct EventSourceCost {
    reader: Reader,
    /// Batches (queue, stream) or events (asynchronous) a month.
    work: f64,
    batch_size: u32,
    kind: Kind,
}

impl EventSourceCost {
    /// The charges of the scenario's event source at `work` batches or events a month, read by
    /// `reader`; nothing under an HTTP trigger.
    pub(super) fn new(s: &Scenario, work: f64, reader: Reader) -> Self {
        let w = &s.workload;
        let r = &s.rates.event_sources;
        let work = work.max(0.0);
        let batch_size = w.batch_size.max(1);
        let per_million = |count: f64, usd: f64| count * usd / 1e6;
        let kind = match event_source_of(w.trigger, w.event_source) {
            None => Kind::None,
            Some(EventSource::Sqs) => {
                let calls_per_batch = f64::from(batch_size.div_ceil(SQS_MESSAGES_PER_CALL));
                let requests = 3.0 * calls_per_batch * work;
                let pollers = match reader {
                    Reader::Lambda => f64::from(SQS_START_CONCURRENCY),
                    Reader::Fleet { count, .. } => f64::from(count),
                };
                let empty_receives = pollers * SQS_EMPTY_RECEIVES_PER_MINUTE * MINUTES_PER_MONTH;
                Kind::Sqs {
                    calls_per_batch,
                    requests,
                    pollers,
                    empty_receives,
                    requests_usd: per_million(requests, r.sqs_usd_per_million_requests),
                    empty_usd: per_million(empty_receives, r.sqs_usd_per_million_requests),
                }
            }
            Some(EventSource::Kinesis) => {
                let shards = match w.trigger {
                    Trigger::Stream { shards, .. } => shards,
                    Trigger::Http | Trigger::Queue { .. } | Trigger::Async => 0,
                };
                let records = work * f64::from(batch_size);
                Kind::Kinesis {
                    shards,
                    records,
                    shard_usd: f64::from(shards) * HOURS_PER_MONTH * r.kinesis_shard_hour_usd,
                    put_usd: per_million(records, r.kinesis_usd_per_million_put_units),
                }
            }
            Some(EventSource::DynamoDbStreams) => Kind::DynamoDbStreams,
            Some(EventSource::S3) => Kind::S3,
            Some(EventSource::Sns) => Kind::Sns {
                publish_usd: per_million(work, r.sns_usd_per_million_publishes),
                http_usd: match reader {
                    Reader::Lambda => None,
                    Reader::Fleet { .. } => {
                        Some(per_million(work, r.sns_http_usd_per_million_deliveries))
                    }
                },
            },
            Some(EventSource::EventBridge) => Kind::EventBridge {
                usd: per_million(work, r.eventbridge_usd_per_million_events),
            },
            Some(EventSource::EventBridgeSchedule) => Kind::Scheduler {
                usd: per_million(work, r.scheduler_usd_per_million_invocations),
            },
        };
        Self {
            reader,
            work,
            batch_size,
            kind,
        }
    }

    /// Whether the work comes through an event source (every trigger but HTTP).
    pub(super) fn is_some(&self) -> bool {
        self.kind != Kind::None
    }

    pub(super) fn total_usd(&self) -> f64 {
        match self.kind {
            Kind::None | Kind::DynamoDbStreams | Kind::S3 => 0.0,
            Kind::Sqs {
                requests_usd,
                empty_usd,
                ..
            } => requests_usd + empty_usd,
            Kind::Kinesis {
                shard_usd, put_usd, ..
            } => shard_usd + put_usd,
            Kind::Sns {
                publish_usd,
                http_usd,
            } => publish_usd + http_usd.unwrap_or(0.0),
            Kind::EventBridge { usd } | Kind::Scheduler { usd } => usd,
        }
    }

    /// The reader's consumers in words: "5 pollers (the fewest Lambda's event source mapping
    /// keeps)", "3 instances (the fleet for the month's average demand), one consumer each".
    fn pollers_words(&self, pollers: f64) -> String {
        match self.reader {
            Reader::Lambda => format!(
                "{} pollers (the fewest Lambda's event source mapping keeps)",
                format_quantity(pollers, 0)
            ),
            Reader::Fleet { unit, .. } => {
                format!("{} {unit}, one consumer each", format_quantity(pollers, 0))
            }
        }
    }

    /// What the alternatives assume on top of Lambda's wording, "" for Lambda.
    fn fleet_words(&self, words: &str) -> String {
        match self.reader {
            Reader::Lambda => String::new(),
            Reader::Fleet { .. } => format!("; {words}"),
        }
    }

    /// The bill's lines, empty under an HTTP trigger.
    pub(super) fn lines(&self, s: &Scenario) -> Vec<LineItem> {
        match self.kind {
            Kind::None => Vec::new(),
            Kind::Sqs { .. } | Kind::Kinesis { .. } | Kind::DynamoDbStreams => self.polled_lines(s),
            Kind::S3 | Kind::Sns { .. } | Kind::EventBridge { .. } | Kind::Scheduler { .. } => {
                self.pushed_lines(s)
            }
        }
    }

    /// The lines of a queue or a stream, which the reader polls.
    fn polled_lines(&self, s: &Scenario) -> Vec<LineItem> {
        let r = &s.rates.event_sources;
        let work = format_quantity(self.work, 0);
        let batch = format_quantity(f64::from(self.batch_size), 0);
        match self.kind {
            Kind::Sqs {
                calls_per_batch,
                requests,
                pollers,
                empty_receives,
                requests_usd,
                empty_usd,
            } => {
                let rate = format_rate(r.sqs_usd_per_million_requests);
                vec![
                    LineItem::new(
                        LABEL_SQS_REQUESTS,
                        format!(
                            "{work} batches of {batch} messages × 3 requests (send, receive, \
                             delete) × {} (up to 10 messages a call, each call under 64 KB) = {} \
                             requests × {rate} per million; the free 1 M requests a month are not \
                             subtracted",
                            format_quantity(calls_per_batch, 0),
                            format_quantity(requests, 0),
                        ),
                        requests_usd,
                    ),
                    LineItem::new(
                        LABEL_SQS_EMPTY,
                        format!(
                            "An estimate, at most: {} × 3 empty receives a minute (20 s long \
                             polls) × {} minutes = {} requests × {rate} per million, as if idle \
                             all month",
                            self.pollers_words(pollers),
                            format_quantity(MINUTES_PER_MONTH, 0),
                            format_quantity(empty_receives, 0),
                        ),
                        empty_usd,
                    ),
                ]
            }
            Kind::Kinesis {
                shards,
                records,
                shard_usd,
                put_usd,
            } => vec![
                LineItem::new(
                    LABEL_KINESIS_SHARDS,
                    format!(
                        "{shards} shards × {} hours × {} per shard-hour (provisioned mode)",
                        format_quantity(HOURS_PER_MONTH, 0),
                        format_rate(r.kinesis_shard_hour_usd)
                    ),
                    shard_usd,
                ),
                LineItem::new(
                    LABEL_KINESIS_PUTS,
                    format!(
                        "{work} batches × {batch} records = {} records × 1 unit each (records \
                         assumed at most 25 KB) × {} per million; reading with a shared-throughput \
                         iterator is not charged (enhanced fan-out and extended retention are \
                         not modelled)",
                        format_quantity(records, 0),
                        format_rate(r.kinesis_usd_per_million_put_units)
                    ),
                    put_usd,
                ),
            ],
            Kind::DynamoDbStreams => vec![LineItem::new(
                LABEL_DYNAMODB_STREAMS,
                match self.reader {
                    Reader::Lambda => "GetRecords calls made by a Lambda trigger are free; the \
                                       table's writes are DynamoDB's bill, not modelled here"
                        .to_owned(),
                    Reader::Fleet { .. } => "Not counted: a fleet's own GetRecords calls are \
                                             billed as DynamoDB Streams read request units, \
                                             which this model leaves out; the table's writes \
                                             are DynamoDB's bill, not modelled here"
                        .to_owned(),
                },
                0.0,
            )],
            Kind::None
            | Kind::S3
            | Kind::Sns { .. }
            | Kind::EventBridge { .. }
            | Kind::Scheduler { .. } => Vec::new(),
        }
    }

    /// The lines of an asynchronous source, which pushes its events to the reader.
    fn pushed_lines(&self, s: &Scenario) -> Vec<LineItem> {
        let r = &s.rates.event_sources;
        let work = format_quantity(self.work, 0);
        match self.kind {
            Kind::S3 => vec![LineItem::new(
                LABEL_S3,
                format!(
                    "S3 event notifications are free{}",
                    self.fleet_words(
                        "a fleet would take them through a queue or a topic, whose requests are \
                         not counted here"
                    )
                ),
                0.0,
            )],
            Kind::Sns {
                publish_usd,
                http_usd,
            } => {
                let delivered = match self.reader {
                    Reader::Lambda => "deliveries to Lambda are free",
                    Reader::Fleet { .. } => "delivered to the fleet by an HTTP/S subscription",
                };
                let mut lines = vec![LineItem::new(
                    LABEL_SNS_PUBLISHES,
                    format!(
                        "{work} events × 1 publish each (messages assumed at most 64 KB) × {} per \
                         million; {delivered}",
                        format_rate(r.sns_usd_per_million_publishes)
                    ),
                    publish_usd,
                )];
                if let Some(http_usd) = http_usd {
                    lines.push(LineItem::new(
                        LABEL_SNS_HTTP,
                        format!(
                            "{work} deliveries (one HTTP/S subscription, one delivery per event, \
                             no retries) × {} per million",
                            format_rate(r.sns_http_usd_per_million_deliveries)
                        ),
                        http_usd,
                    ));
                }
                lines
            }
            Kind::EventBridge { usd } => vec![LineItem::new(
                LABEL_EVENTBRIDGE,
                format!(
                    "{work} events put on the event bus × {} per million (custom events assumed; \
                     events from AWS services are free){}",
                    format_rate(r.eventbridge_usd_per_million_events),
                    self.fleet_words(
                        "delivering them to the fleet (a queue or an API destination) is not \
                         counted"
                    )
                ),
                usd,
            )],
            Kind::Scheduler { usd } => vec![LineItem::new(
                LABEL_SCHEDULER,
                format!(
                    "{work} invocations × {} per million; the free 14 M invocations a month are \
                     not subtracted{}",
                    format_rate(r.scheduler_usd_per_million_invocations),
                    self.fleet_words(
                        "the schedule is assumed to start the fleet's work the same way (a cron \
                         job on the fleet itself would cost nothing)"
                    )
                ),
                usd,
            )],
            Kind::None | Kind::Sqs { .. } | Kind::Kinesis { .. } | Kind::DynamoDbStreams => {
                Vec::new()
            }
        }
    }

    /// The bill's note naming the event source and where its prices come from; `None` under an
    /// HTTP trigger.
    pub(super) fn note(&self, s: &Scenario) -> Option<String> {
        let w = &s.workload;
        let source = event_source_of(w.trigger, w.event_source)?;
        Some(format!(
            "The work comes through {} ({} {} a month); its prices: {}.",
            source.label(),
            format_quantity(self.work, 0),
            w.trigger.work_noun(),
            s.rates.event_sources.source
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cost::{Bill, Bills, bills, bills_at, total_usd};
    use crate::model::scenario::{FrontDoor, HostingModel};

    /// A scenario whose work comes through `trigger` and `source`, `batches` a month of
    /// `batch_size`.
    fn through(
        trigger: Trigger,
        source: Option<EventSource>,
        batches: u64,
        batch: u32,
    ) -> Scenario {
        let mut s = Scenario::default();
        s.workload.trigger = trigger;
        s.workload.event_source = source;
        s.workload.requests_per_month = batches;
        s.workload.batch_size = batch;
        assert_eq!(s.validate(), Ok(()));
        s
    }

    fn queue(batches: u64, batch: u32) -> Scenario {
        through(
            Trigger::Queue {
                max_concurrency: None,
            },
            None,
            batches,
            batch,
        )
    }

    fn stream(shards: u32, source: EventSource, batches: u64, batch: u32) -> Scenario {
        let trigger = Trigger::Stream {
            shards,
            parallelization: 1,
        };
        through(trigger, Some(source), batches, batch)
    }

    /// The cents of the line labelled `label`, `None` when the bill has none.
    fn cents(bill: &Bill, label: &str) -> Option<i64> {
        bill.lines
            .iter()
            .find(|l| l.label == label)
            .map(|l| l.cents)
    }

    fn detail<'b>(bill: &'b Bill, label: &str) -> &'b str {
        bill.lines
            .iter()
            .find(|l| l.label == label)
            .map_or("", |l| l.detail.as_str())
    }

    fn fleets(b: &Bills) -> [&Bill; 3] {
        [&b.vm, &b.containers, &b.on_prem]
    }

    #[test]
    fn sqs_requests_and_the_pollers_empty_receives() {
        // 1 M batches of 10: 3 requests a batch = 3 M requests × $0.40 per million = $1.20.
        // Lambda's 5 pollers × 3 a minute × 43,800 minutes = 657,000 × $0.40/M = $0.2628.
        let s = queue(1_000_000, 10);
        let b = bills(&s);
        let lambda = &b.lambda_bill;
        assert_eq!(cents(lambda, LABEL_SQS_REQUESTS), Some(120));
        assert_eq!(cents(lambda, LABEL_SQS_EMPTY), Some(26));
        assert_eq!(b.lambda.event_source, 146);
        assert!(
            detail(lambda, LABEL_SQS_REQUESTS).contains("= 3,000,000 requests × $0.40 per million"),
            "{lambda:?}"
        );
        assert!(detail(lambda, LABEL_SQS_REQUESTS).contains("not subtracted"));
        assert!(detail(lambda, LABEL_SQS_EMPTY).contains("= 657,000 requests"));
        assert!(detail(lambda, LABEL_SQS_EMPTY).contains("estimate"));
        // 11 messages take two calls of each kind: 6 M requests, $2.40; one message one call.
        assert_eq!(
            cents(
                &bills(&queue(1_000_000, 11)).lambda_bill,
                LABEL_SQS_REQUESTS
            ),
            Some(240)
        );
        assert_eq!(
            cents(&bills(&queue(1_000_000, 1)).lambda_bill, LABEL_SQS_REQUESTS),
            Some(120)
        );
        // 10,000 messages a batch: 1,000 calls of each kind, 3,000 requests a batch.
        assert_eq!(
            cents(
                &bills(&queue(1_000, 10_000)).lambda_bill,
                LABEL_SQS_REQUESTS
            ),
            Some(120)
        );
        // An idle queue still pays the pollers' empty receives.
        let idle = bills(&queue(0, 10));
        assert_eq!(idle.lambda.event_source, 26);
    }

    #[test]
    fn the_fleets_pay_the_same_queue_and_their_own_pollers() {
        // Two instances, two tasks and two servers at this volume: 2 × 131,400 = 262,800 empty
        // receives × $0.40/M = $0.10512.
        let mut s = queue(1_000_000, 10);
        let b = bills(&s);
        for bill in fleets(&b) {
            assert_eq!(cents(bill, LABEL_SQS_REQUESTS), Some(120), "{bill:?}");
            assert_eq!(cents(bill, LABEL_SQS_EMPTY), Some(11), "{bill:?}");
            assert!(
                detail(bill, LABEL_SQS_EMPTY).contains("2 "),
                "{}",
                detail(bill, LABEL_SQS_EMPTY)
            );
            assert!(bill.notes.iter().any(|n| n.contains("Amazon SQS")));
        }
        // Seven instances poll seven times: 919,800 × $0.40/M = $0.36792.
        s.vm.min_instances = 7;
        let vm = bills(&s).vm;
        assert_eq!(cents(&vm, LABEL_SQS_EMPTY), Some(37));
        assert!(detail(&vm, LABEL_SQS_EMPTY).contains("7 instances"));
        // Their load balancer is still billed as set, and a note says the work skips it.
        assert!(
            vm.notes
                .iter()
                .any(|n| n.contains("load balancer is billed as set"))
        );
    }

    #[test]
    fn the_front_door_is_not_billed_under_a_queue() {
        let mut s = queue(400_000_000, 10);
        s.lambda.front_door = Some(FrontDoor::ApiGatewayRest);
        let b = bills(&s);
        assert_eq!(b.lambda.front_door, 0);
        assert!(cents(&b.lambda_bill, FrontDoor::ApiGatewayRest.label()).is_none());
        assert!(
            b.lambda_bill
                .notes
                .iter()
                .any(|n| n.contains("API Gateway REST API") && n.contains("not billed")),
            "{:?}",
            b.lambda_bill.notes
        );
        // 400 M batches × 3 = 1.2 B requests × $0.40/M = $480.00, plus $0.26 of empty receives.
        assert_eq!(b.lambda.event_source, 48_026);
        let l = &b.lambda;
        assert_eq!(l.parts_cents(), l.total);
        // Under HTTP the same door is billed and there is no event source.
        s.workload.trigger = Trigger::Http;
        let b = bills(&s);
        assert_eq!(b.lambda.front_door, 135_310);
        assert_eq!(b.lambda.event_source, 0);
        for bill in [&b.lambda_bill, &b.vm, &b.containers, &b.on_prem] {
            assert!(
                !bill
                    .lines
                    .iter()
                    .any(|l| EVENT_SOURCE_LABELS.contains(&l.label.as_str()))
            );
        }
    }

    #[test]
    fn kinesis_shard_hours_and_put_payload_units() {
        // 4 shards × 730 h × $0.015 = $43.80; 1 M batches × 100 records = 100 M units × $0.014/M
        // = $1.40.
        let s = stream(4, EventSource::Kinesis, 1_000_000, 100);
        let b = bills(&s);
        for bill in [&b.lambda_bill, &b.vm, &b.containers, &b.on_prem] {
            assert_eq!(cents(bill, LABEL_KINESIS_SHARDS), Some(4_380), "{bill:?}");
            assert_eq!(cents(bill, LABEL_KINESIS_PUTS), Some(140), "{bill:?}");
        }
        assert_eq!(b.lambda.event_source, 4_520);
        assert!(detail(&b.lambda_bill, LABEL_KINESIS_PUTS).contains("25 KB"));
        assert!(
            detail(&b.lambda_bill, LABEL_KINESIS_SHARDS)
                .contains("4 shards × 730 hours × $0.015 per shard-hour")
        );
    }

    #[test]
    fn free_sources_have_a_zero_line_that_says_so() {
        let s = stream(2, EventSource::DynamoDbStreams, 1_000_000, 100);
        let b = bills(&s);
        assert_eq!(cents(&b.lambda_bill, LABEL_DYNAMODB_STREAMS), Some(0));
        assert!(detail(&b.lambda_bill, LABEL_DYNAMODB_STREAMS).contains("free"));
        assert!(detail(&b.vm, LABEL_DYNAMODB_STREAMS).contains("Not counted"));
        assert_eq!(b.lambda.event_source, 0);

        let s = through(Trigger::Async, None, 5_000_000, 1);
        let b = bills(&s);
        assert_eq!(cents(&b.lambda_bill, LABEL_S3), Some(0));
        assert_eq!(
            detail(&b.lambda_bill, LABEL_S3),
            "S3 event notifications are free"
        );
        assert_eq!(cents(&b.on_prem, LABEL_S3), Some(0));
    }

    #[test]
    fn sns_eventbridge_and_scheduler_per_event() {
        // 2 M events: 2 M publishes × $0.50/M = $1.00, delivered free to Lambda; the fleets
        // add 2 M HTTP/S deliveries × $0.60/M = $1.20.
        let s = through(Trigger::Async, Some(EventSource::Sns), 2_000_000, 1);
        let b = bills(&s);
        assert_eq!(cents(&b.lambda_bill, LABEL_SNS_PUBLISHES), Some(100));
        assert_eq!(cents(&b.lambda_bill, LABEL_SNS_HTTP), None);
        assert!(
            detail(&b.lambda_bill, LABEL_SNS_PUBLISHES).contains("deliveries to Lambda are free")
        );
        for bill in fleets(&b) {
            assert_eq!(cents(bill, LABEL_SNS_PUBLISHES), Some(100));
            assert_eq!(cents(bill, LABEL_SNS_HTTP), Some(120));
        }
        // 3 M custom events × $1.00/M = $3.00; 500,000 schedule invocations × $1.00/M = $0.50.
        let s = through(Trigger::Async, Some(EventSource::EventBridge), 3_000_000, 1);
        let b = bills(&s);
        assert_eq!(cents(&b.lambda_bill, LABEL_EVENTBRIDGE), Some(300));
        assert_eq!(cents(&b.containers, LABEL_EVENTBRIDGE), Some(300));
        let s = through(
            Trigger::Async,
            Some(EventSource::EventBridgeSchedule),
            500_000,
            1,
        );
        let b = bills(&s);
        assert_eq!(cents(&b.lambda_bill, LABEL_SCHEDULER), Some(50));
        assert!(detail(&b.lambda_bill, LABEL_SCHEDULER).contains("free 14 M"));
        assert!(detail(&b.vm, LABEL_SCHEDULER).contains("cron"));
    }

    #[test]
    fn the_event_source_follows_the_bills_volume() {
        let s = queue(1_000_000, 10);
        // 4 M batches: 12 M requests, $4.80; the pollers stay at $0.26.
        let b = bills_at(&s, 4_000_000);
        assert_eq!(cents(&b.lambda_bill, LABEL_SQS_REQUESTS), Some(480));
        assert_eq!(cents(&b.lambda_bill, LABEL_SQS_EMPTY), Some(26));
        assert_eq!(cents(&b.vm, LABEL_SQS_REQUESTS), Some(480));
        // The unrounded totals the chart draws move by the same requests.
        for model in HostingModel::ALL {
            let http = {
                let mut h = s.clone();
                h.workload.trigger = Trigger::Http;
                h.lambda.front_door = None;
                total_usd(&h, model, 4e6)
            };
            let extra = total_usd(&s, model, 4e6) - http;
            let pollers = match model {
                HostingModel::Lambda => 5.0,
                HostingModel::Vm | HostingModel::Containers | HostingModel::OnPrem => 2.0,
            };
            let expected = 12e6 * 0.4e-6 + pollers * 131_400.0 * 0.4e-6;
            assert!(
                (extra - expected).abs() < 1e-9,
                "{model:?}: {extra} vs {expected}"
            );
        }
        // Kinesis: the shards stay, the PUT units scale.
        let s = stream(4, EventSource::Kinesis, 1_000_000, 100);
        let b = bills_at(&s, 3_000_000);
        assert_eq!(cents(&b.lambda_bill, LABEL_KINESIS_SHARDS), Some(4_380));
        assert_eq!(cents(&b.lambda_bill, LABEL_KINESIS_PUTS), Some(420));
    }
}
