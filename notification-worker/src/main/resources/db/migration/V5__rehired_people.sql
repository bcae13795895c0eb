-- A departure ends when HR re-hires the person (person.reactivated). Both facts are kept with their
-- times, because the two events travel on different keys and may arrive in either order: a person
-- is departed when their latest departure is later than their latest re-hire.

alter table departed_person alter column departed_at drop not null;
alter table departed_person alter column event_id drop not null;
alter table departed_person add column reactivated_at timestamp with time zone;
alter table departed_person add column reactivation_event_id varchar(200);

-- the identity provider's subject, when the events carry it: departures are matched by it when the
-- worker binds tokens to subjects (custodian.security.identity=subject)
alter table departed_person add column subject varchar(255);
create index departed_person_subject_ix on departed_person (subject);
