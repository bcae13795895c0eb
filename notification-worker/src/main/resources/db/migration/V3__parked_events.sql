-- Events parked while a target keeps failing for a reason a retry may fix: the record's offset is
-- committed, the partition goes on, and the worker retries the event from here within its retry
-- window. Events of the same Kafka key that come later are parked behind it and handled in seq
-- order, one at a time, only once those before them are done. The record is kept as it came (key,
-- value, headers) for the dead-letter topic.

create table parked_event (
    event_id        varchar(200) primary key,              -- CloudEvent id (ce_id)
    seq             bigint generated always as identity,   -- parking order within a key
    record_key      text not null,                         -- Kafka key (the asset id); one lane per key
    type            varchar(200) not null,
    source          text not null,
    subject         varchar(500),
    event_time      timestamp with time zone,
    data            text,                                  -- the record value: the event's JSON data
    headers         text not null,                         -- JSON array of the record's headers
    topic           varchar(250) not null,
    kafka_partition integer not null,
    kafka_offset    bigint not null,
    received_at     timestamp with time zone not null,     -- first taken from Kafka
    parked_at       timestamp with time zone not null,
    deadline        timestamp with time zone,              -- end of its retry window; set at its first turn
    next_attempt_at timestamp with time zone not null,
    attempts        integer not null check (attempts >= 0),
    rejected        text not null,                         -- JSON array of targets that refused it for good
    last_error      varchar(2000),
    claimed_until   timestamp with time zone               -- a worker is retrying it until then
);

create unique index parked_event_order on parked_event (record_key, seq);
create index parked_event_due on parked_event (next_attempt_at);
