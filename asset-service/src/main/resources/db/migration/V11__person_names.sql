-- SCIM 2.0 (RFC 7643) names a user by given and family name besides the display name; the identity
-- provider sends both and reads them back, so the directory keeps them (optional: HR may send neither).
alter table person add column given_name varchar(100);
alter table person add column family_name varchar(100);
alter table person_aud add column given_name varchar(100);
alter table person_aud add column family_name varchar(100);
