package io.custodian.asset.compliance;

import io.agroal.api.AgroalDataSource;
import io.custodian.asset.compliance.ControlSearch.RowReader;
import io.custodian.asset.compliance.ControlSearch.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each control's population as one set-based SQL query, with every member's reasons: the rules of
 * the controls, in SQL; {@link ControlSearch} counts, lists and samples what they select.
 */
final class ControlQueries {

    static final String ENDPOINTS = "('LAPTOP', 'DESKTOP', 'PHONE', 'TABLET')";
    static final String OUT_OF_SCOPE = "('RETIRED', 'DISPOSED', 'LOST', 'STOLEN')";

    private ControlQueries() {}

    /**
     * The control's evaluation as the parts whose union is its population: counted and paged part
     * by part, each part keeps PostgreSQL's parallel plan (a {@code union all} of an asset scan and
     * another table runs on one worker: A.5.9 at a million assets took 2.2 s as one query).
     */
    static List<Query> parts(Control control, Scope s) {
        if (control == Control.A_5_9) {
            Query devices = unregisteredDevices(s);
            return devices == null ? List.of(inventory(s)) : List.of(inventory(s), devices);
        }
        return List.of(evaluation(control, s));
    }

    /** The control's evaluation: every member of its population, with its reasons. */
    static Query evaluation(Control control, Scope s) {
        if (control == Control.A_5_9) {
            Query union = inventory(s);
            Query devices = unregisteredDevices(s);
            if (devices != null) {
                union.sql(" union all ").sql(devices.sql.toString());
                union.params.addAll(devices.params);
            }
            return union;
        }
        return switch (control) {
            case A_5_9 -> inventory(s);
            case A_5_10 -> acceptableUse(s);
            case A_5_11 -> returns(s);
            case A_6_5 -> afterTermination(s);
            case A_6_8 -> EventReporting.evaluation(s);
            case A_8_1 -> endpoints(s);
        };
    }

    /** A.5.9 over the register: owner active, classified, verified within cadence. */
    static Query inventory(Scope s) {
        Query q =
                assets(
                        s,
                        "inventory",
                        r ->
                                r.sql("case when op.id is not null and op.status <> 'ACTIVE' then")
                                        .sql(" 'owner ' || op.email || ' is ' || lower(op.status)")
                                        .sql(" end, case when og.id is not null and")
                                        .sql(
                                                " og.deactivated_at is not null then 'owner group '"
                                                        + " ||")
                                        .sql(
                                                " og.name || ' was deactivated' end, case when"
                                                        + " og.id is")
                                        .sql(" not null and og.deactivated_at is null and")
                                        .sql(
                                                " ag.group_id is null then 'owner group ' ||"
                                                        + " og.name ||")
                                        .sql(" ' has no active member' end, case when")
                                        .sql(" a.classification is null then 'not classified' end,")
                                        .sql(" case when a.next_verification_due < ? then")
                                        .param(s.now())
                                        .sql(" 'verification overdue since ' ||")
                                        .sql(" to_char(a.next_verification_due at time zone ?,")
                                        .param(s.zone().getId())
                                        .sql(" 'YYYY-MM-DD') end"),
                        " left join (select gm.group_id from group_member gm join person mp on"
                                + " mp.id = gm.person_id where mp.status = 'ACTIVE' group by"
                                + " gm.group_id) ag on ag.group_id = og.id where a.status not in "
                                + OUT_OF_SCOPE);
        return q;
    }

    /**
     * A.5.9's other part: the devices the MDM reports that the register lacks; none for a group or
     * a holder (such a device has neither).
     */
    static Query unregisteredDevices(Scope s) {
        if (s.group() != null || s.holder() != null) {
            return null;
        }
        Query q =
                new Query()
                        .sql("select d.serial_number as id, 'unregistered-device' as type,")
                        .sql(" d.serial_number as label, array['unregistered device: reported by")
                        .sql(" ' || d.source || ', not in the register'] as reasons, null::uuid as")
                        .sql(" exception_id, null::date as exception_until, null::uuid as")
                        .sql(" holder_id, null::text as holder_email, null::text as owner_type,")
                        .sql(" null::uuid as owner_id, null::text as owner_name")
                        .sql(" from unregistered_device d where not exists (select 1 from asset")
                        .sql(" x where x.serial_number = d.serial_number)");
        period(q, "d.first_reported_at", s);
        return q;
    }

    /** A.8.1: encrypted, MDM-enrolled, screen lock, posture reported lately. */
    static Query endpoints(Scope s) {
        return assets(
                s,
                "handling",
                r ->
                        r.sql("case when a.disk_encrypted is null then 'disk encryption unknown'")
                                .sql(" when not a.disk_encrypted then 'disk not encrypted' end,")
                                .sql(" case when a.mdm_enrolled is null then 'MDM enrolment")
                                .sql(" unknown' when not a.mdm_enrolled then 'not enrolled in the")
                                .sql(" MDM' end, case when a.screen_lock is null then 'screen lock")
                                .sql(" unknown' when not a.screen_lock then 'no screen lock' end,")
                                .sql(" case when a.posture_reported_at is null then 'posture never")
                                .sql(" reported by the MDM' when a.posture_reported_at < ? then")
                                .param(s.now().minusSeconds(s.postureSeconds()))
                                .sql(
                                        " 'posture last reported on ' ||"
                                                + " to_char(a.posture_reported_at")
                                .sql(" at time zone ?, 'YYYY-MM-DD') || ', more than ' || ? ||")
                                .param(s.zone().getId())
                                .param(String.valueOf(s.postureSeconds() / 86_400))
                                .sql(" ' days ago' end"),
                " where a.status = 'IN_USE' and a.category in " + ENDPOINTS);
    }

    /**
     * An asset control: each asset with the reasons the {@code reasons} expressions give (one per
     * rule, null when it holds), its owner, holder and excusing exception, narrowed by {@code
     * where} (which may join first) and the scope.
     */
    static Query assets(
            Scope s, String clause, java.util.function.Consumer<Query> reasons, String where) {
        Query q = new Query();
        q.sql("select a.id::text as id, 'asset' as type, a.asset_tag as label,")
                .sql(" array_remove(array[");
        reasons.accept(q);
        q.sql("]::text[], null) as reasons, ");
        assetColumns(q);
        assetJoins(q, clause, s);
        q.sql(where);
        assetScope(q, s);
        return q;
    }

    /** A.5.10: the current version acknowledged within N days of joining or publication. */
    static Query acceptableUse(Scope s) {
        String deadline = "(greatest(p.created_at, cur.published_at) + ? * interval '1 second')";
        Query q = new Query();
        q.sql("select p.id::text as id, 'person' as type, p.email as label, case")
                .sql(" when cur.id is null then array['no acceptable-use rules are published']")
                .sql(" when k.acknowledged_at is null and ? > " + deadline)
                .param(s.now())
                .param(s.acknowledgementSeconds())
                .sql(" then array['has not acknowledged version ' || cur.version || ', due on ' ||")
                .sql(" to_char(" + deadline + " at time zone ?, 'YYYY-MM-DD')]")
                .param(s.acknowledgementSeconds())
                .param(s.zone().getId())
                .sql(" when k.acknowledged_at > " + deadline)
                .param(s.acknowledgementSeconds())
                .sql(" then array['acknowledged version ' || cur.version || ' on ' ||")
                .sql(" to_char(k.acknowledged_at at time zone ?, 'YYYY-MM-DD') || ', after it was")
                .param(s.zone().getId())
                .sql(" due on ' || to_char(" + deadline + " at time zone ?, 'YYYY-MM-DD')]")
                .param(s.acknowledgementSeconds())
                .param(s.zone().getId())
                .sql(" else array[]::text[] end as reasons,")
                .sql(" null::uuid as exception_id, null::date as exception_until,")
                .sql(" null::uuid as holder_id, null::text as holder_email,")
                .sql(" null::text as owner_type, null::uuid as owner_id, null::text as owner_name")
                .sql(" from person p left join (select v.id, v.version, v.published_at from")
                .sql(" acceptable_use_version v order by v.published_at desc, v.id limit 1) cur")
                .sql(" on true left join acceptable_use_ack k on k.person_id = p.id and")
                .sql(" k.version_id = cur.id where p.status = 'ACTIVE'");
        if (s.from() != null) {
            q.sql(" and " + deadline + " >= ?")
                    .param(s.acknowledgementSeconds())
                    .param((s.startOf(s.from())));
        }
        if (s.to() != null) {
            q.sql(" and " + deadline + " < ?")
                    .param(s.acknowledgementSeconds())
                    .param((s.startOf(s.to().plusDays(1))));
        }
        personScope(q, s);
        return q;
    }

    /** A.5.11: every return item closed by the last working day plus the grace. */
    static Query returns(Scope s) {
        Query q = offboardings();
        q.sql(" array(select 'return of ' || a.asset_tag || case when i.closed_at is null then")
                .sql(" ' still open' else ' closed on ' || to_char(i.closed_at at time zone ?,")
                .param(s.zone().getId())
                .sql(" 'YYYY-MM-DD') end || ', due by ' || (o.last_working_day + ?)")
                .param(s.graceDays());
        itemsLate(q, "RETURN", s);
        q.sql(") as reasons,");
        offboardingRest(q, s);
        return q;
    }

    /** A.6.5: started by the last working day; owned assets transferred by it plus the grace. */
    static Query afterTermination(Scope s) {
        Query q = offboardings();
        q.sql(" array_cat(case when (o.started_at at time zone ?)::date > o.last_working_day")
                .param(s.zone().getId())
                .sql(" then array['started on ' || to_char(o.started_at at time zone ?,")
                .param(s.zone().getId())
                .sql(" 'YYYY-MM-DD') || ', after the last working day ' || o.last_working_day]")
                .sql(" else array[]::text[] end, array(select 'ownership of ' || a.asset_tag ||")
                .sql(" ' not transferred by ' || (o.last_working_day + ?)")
                .param(s.graceDays());
        itemsLate(q, "OWNERSHIP_TRANSFER", s);
        q.sql(")) as reasons,");
        offboardingRest(q, s);
        return q;
    }

    static Query offboardings() {
        return new Query()
                .sql("select o.id::text as id, 'offboarding' as type, p.email || ', last working")
                .sql(" day ' || o.last_working_day as label,");
    }

    /** The items of kind {@code kind} still open after the deadline, or closed after it. */
    static void itemsLate(Query q, String kind, Scope s) {
        q.sql(" from offboarding_item i join asset a on a.id = i.asset_id")
                .sql(" where i.offboarding_id = o.id and i.kind = '" + kind + "' and case when")
                .sql(" i.closed_at is null then ? > o.last_working_day + ?")
                .param(s.today())
                .param(s.graceDays())
                .sql(" else (i.closed_at at time zone ?)::date > o.last_working_day + ? end")
                .param(s.zone().getId())
                .param(s.graceDays())
                .sql(" order by a.asset_tag");
    }

    static void offboardingRest(Query q, Scope s) {
        q.sql(" null::uuid as exception_id, null::date as exception_until,")
                .sql(" p.id as holder_id, p.email as holder_email,")
                .sql(" null::text as owner_type, null::uuid as owner_id, null::text as owner_name")
                .sql(" from offboarding o join person p on p.id = o.person_id where true");
        if (s.from() != null) {
            q.sql(" and o.last_working_day >= ?").param(s.from());
        }
        if (s.to() != null) {
            q.sql(" and o.last_working_day <= ?").param(s.to());
        }
        personScope(q, s);
    }

    /** The people of a group (its members), or one person. */
    static void personScope(Query q, Scope s) {
        if (s.group() != null) {
            q.sql(" and exists (select 1 from group_member gm where gm.group_id = ? and")
                    .param(s.group())
                    .sql(" gm.person_id = p.id)");
        }
        if (s.holder() != null) {
            q.sql(" and p.id = ?").param(s.holder());
        }
    }

    // --- the asset controls' shared parts -----------------------------------------------------

    static void assetColumns(Query q) {
        q.sql("x.exception_id, x.valid_until as exception_until, h.id as holder_id,")
                .sql(" h.email as holder_email, case when op.id is not null then 'person' else")
                .sql(" 'group' end as owner_type, coalesce(op.id, og.id) as owner_id,")
                .sql(" coalesce(op.email, og.name) as owner_name");
    }

    /**
     * The owner, the holder, and the newest approved, unexpired exception for the clause that names
     * the asset.
     */
    static void assetJoins(Query q, String clause, Scope s) {
        q.sql(" from asset a left join person op on op.id = a.owner_person_id")
                .sql(" left join asset_group og on og.id = a.owner_group_id")
                .sql(" left join person h on h.id = a.holder_id")
                .sql(" left join (select distinct on (pea.asset_id) pea.asset_id, pe.id as")
                .sql(" exception_id, pe.valid_until from policy_exception pe join")
                .sql(" policy_exception_asset pea on pea.exception_id = pe.id where pe.status =")
                .sql(" 'APPROVED' and pe.clause = ? and pe.valid_until >= ? order by pea.asset_id,")
                .param(clause.toUpperCase(Locale.ROOT))
                .param(s.today())
                .sql(" pe.valid_until desc) x on x.asset_id = a.id");
    }

    static void assetScope(Query q, Scope s) {
        period(q, "a.created_at", s);
        if (s.group() != null) {
            q.sql(" and (a.owner_group_id = ? or exists (select 1 from group_member gm where")
                    .param(s.group())
                    .sql(" gm.group_id = ? and (gm.person_id = a.owner_person_id or gm.person_id =")
                    .param(s.group())
                    .sql(" a.holder_id)))");
        }
        if (s.holder() != null) {
            q.sql(" and a.holder_id = ?").param(s.holder());
        }
    }

    static void period(Query q, String column, Scope s) {
        if (s.from() != null) {
            q.sql(" and " + column + " >= ?").param((s.startOf(s.from())));
        }
        if (s.to() != null) {
            q.sql(" and " + column + " < ?").param((s.startOf(s.to().plusDays(1))));
        }
    }

    // --- plumbing -----------------------------------------------------------------------------

    /** SQL with its positional parameters, built in order. */
    static final class Query {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params;

        Query() {
            this.params = new ArrayList<>();
        }

        Query(String sql, List<Object> params) {
            this.sql.append(sql);
            this.params = new ArrayList<>(params);
        }

        Query sql(String text) {
            sql.append(text);
            return this;
        }

        Query param(Object value) {
            params.add(value);
            return this;
        }

        <T> List<T> read(RowReader<T> reader, AgroalDataSource dataSource) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    statement.setObject(
                            i + 1,
                            value instanceof Instant at
                                    ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
                                    : value);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("control query failed: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return sql + " " + params;
        }
    }
}
