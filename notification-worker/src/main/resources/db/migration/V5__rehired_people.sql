-- A departure ends when HR re-hires the person (person.reactivated). Both facts are kept with their
-- times, because the two events travel on different keys and may arrive in either order: a person
-- is departed when their latest departure is later than their latest re-hire.

alter table departed_person alter column departed_at drop not null;
alter table departed_person alter column event_id drop not null;
alter table departed_person add column reactivated_at timestamp with time zone;
alter table departed_person add column reactivation_event_id varchar(200);
