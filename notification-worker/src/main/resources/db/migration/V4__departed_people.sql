-- People whose off-boarding completed (offboarding.completed): they keep no role in the worker's
-- API (the delivery log), as in asset-service. Filled from the event stream, so the worker needs
-- no access to asset-service's database; a redelivered event leaves the row as it is.

create table departed_person (
    email       varchar(320) primary key,               -- lower-case, as tokens are matched
    departed_at timestamp with time zone not null,      -- the off-boarding's completedAt
    event_id    varchar(200) not null                    -- the offboarding.completed event
);
