-- Directory sync from HR: a person's manager; and the members of each group
alter table person add column manager_id uuid references person (id);

create table group_member (
    group_id  uuid not null references asset_group (id),
    person_id uuid not null references person (id),
    primary key (group_id, person_id)
);
create index group_member_person_ix on group_member (person_id);
