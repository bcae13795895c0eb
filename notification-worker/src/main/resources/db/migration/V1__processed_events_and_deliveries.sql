-- The worker's bookkeeping: which events it has handled and which alert went to whom, so that a
-- redelivered event (same CloudEvent id) alerts nobody twice.

create table processed_event (
    event_id     varchar(200) primary key,          -- CloudEvent id (ce_id)
    type         varchar(200) not null,             -- CloudEvent type (ce_type)
    subject      varchar(500),                      -- CloudEvent subject (ce_subject), e.g. assets/<id>
    received_at  timestamp with time zone not null, -- first taken from Kafka
    processed_at timestamp with time zone           -- every recipient alerted; null while not
);

create table delivery (
    id           uuid primary key,
    event_id     varchar(200) not null references processed_event (event_id),
    recipient    varchar(320) not null,             -- e-mail address (or channel address)
    channel      varchar(50)  not null,             -- email (chat, webhook later)
    status       varchar(20)  not null check (status in ('delivered', 'failed')),
    message_id   varchar(400),                      -- the Message-ID header sent
    attempted_at timestamp with time zone not null, -- last attempt
    delivered_at timestamp with time zone,
    error        varchar(2000),                     -- last failure, when failed
    constraint delivery_once unique (event_id, recipient, channel)
);

create index delivery_failed on delivery (attempted_at) where status = 'failed';
