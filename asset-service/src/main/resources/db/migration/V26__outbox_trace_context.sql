-- The W3C trace context (traceparent) of the request whose transaction appended the event: the relay
-- makes it the parent of its span, so one trace runs from the request to each delivery. Null when
-- tracing is off or no span was current (a scheduled job without one).
alter table outbox_event add column trace_parent varchar(55);
