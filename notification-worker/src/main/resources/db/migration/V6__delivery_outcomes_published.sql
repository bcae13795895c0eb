-- Each delivered row is also published as notification.delivered on custodian.deliveries (asset-service keeps
-- them as the proof of who was told of what, and when): the delivery table is that event's outbox. Null until
-- the broker has it; a row published twice (a crash between the broker's ack and this mark) is de-duplicated
-- by its consumers.
alter table delivery add column outcome_published_at timestamp with time zone;
create index delivery_outcome_unpublished on delivery (delivered_at)
    where status = 'delivered' and outcome_published_at is null;
