-- Deliveries through the chat and webhook channels, and how many attempts each delivery took.
-- recipient: an e-mail address (channel email) or the name of a chat or webhook target
-- (custodian.chat.<name>, custodian.webhooks.<name>). message_id: the Message-ID of a mail, the
-- Idempotency-Key of a webhook POST, none for chat.

alter table delivery add column attempts integer not null default 1 check (attempts >= 0);
alter table delivery alter column attempts drop default;
alter table delivery add constraint delivery_channel check (channel in ('email', 'chat', 'webhook'));

comment on column delivery.recipient is 'e-mail address (email) or chat/webhook target name';
comment on column delivery.message_id is 'Message-ID (email), Idempotency-Key (webhook), null (chat)';
comment on column delivery.attempts is 'attempts made over all rounds';
