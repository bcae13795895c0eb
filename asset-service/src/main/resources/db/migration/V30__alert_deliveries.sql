-- What the notification worker delivered (notification.delivered on custodian.deliveries): who was told of what,
-- and when, with the Message-ID as proof (ISO 27001 A.6.8: leadership notified of a loss within its SLA). One row
-- per (event, channel, recipient); a republished event changes nothing.
create table alert_delivery (
    event_id       varchar(200) not null,
    channel        varchar(16)  not null,
    recipient      varchar(320) not null,
    recipient_name varchar(100),
    event_type     varchar(200) not null,
    message_id     varchar(400),
    attempts       integer      not null,
    delivered_at   timestamptz  not null,
    recorded_at    timestamptz  not null,
    primary key (event_id, channel, recipient)
);

-- The CloudEvent id of an incident's asset.incident.reported: the alert whose deliveries A.6.8 checks.
alter table incident add column alert_event_id uuid;
