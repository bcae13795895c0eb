-- The compliance controls (issue 20) are set-based queries over the register; these indexes keep each one
-- within its budget at a million assets.

-- A.8.1: endpoint devices in use (the population), and the ones whose posture was never or not lately
-- reported, walked in asset-tag order
create index asset_endpoint_in_use_ix on asset (asset_tag)
    where status = 'IN_USE' and category in ('LAPTOP', 'DESKTOP', 'PHONE', 'TABLET');

-- A.5.10: acknowledgements of one version
create index acceptable_use_ack_version_ix on acceptable_use_ack (version_id, person_id);

-- A.5.11, A.6.5: off-boardings by last working day (the period's population), and their items
create index offboarding_last_day_ix on offboarding (last_working_day);
create index offboarding_item_offboarding_ix on offboarding_item (offboarding_id);

-- A.5.9 / A.8.1: the exceptions that cover an asset
create index policy_exception_approved_clause_ix on policy_exception (clause, valid_until) where status = 'APPROVED';
