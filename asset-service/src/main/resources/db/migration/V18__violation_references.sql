-- A violation names its asset or person as the reporter wrote it (an id, a tag, an e-mail). When the
-- reference finds nothing the report is still taken (an employee who may not read the register must not
-- learn from the answer whether an object exists); leadership sees the reference and that it matched
-- nothing. When it matched, asset_id / person_id link the object as before.
alter table policy_violation add column asset_reference varchar(64);
alter table policy_violation add column person_reference varchar(254);

-- reports made before: the reference is the tag or e-mail of what they matched
update policy_violation v set asset_reference = a.asset_tag from asset a where a.id = v.asset_id;
update policy_violation v set person_reference = p.email from person p where p.id = v.person_id;
