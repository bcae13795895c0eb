-- The identity provider's subject of a person (the token's subject claim), recorded by the HR sync
-- or SCIM. With custodian.security.identity=subject a token acts for the person whose subject it
-- carries: one person per subject.

alter table person add column subject varchar(255);
create unique index person_subject_key on person (subject);
alter table person_aud add column subject varchar(255);
