package io.custodian.asset.compliance;

import io.custodian.asset.compliance.ControlQueries.Query;
import io.custodian.asset.compliance.ControlSearch.Scope;

/**
 * A.6.8's evaluation: the loss and theft reports, each with its reasons, from the incidents and
 * what the worker reported it delivered ({@code alert_delivery}).
 */
final class EventReporting {

    private EventReporting() {}

    /**
     * A.6.8: each loss report on time, and each name to notify with an e-mail delivered within the
     * SLA (none yet is failing only once the SLA is over).
     */
    static Query evaluation(Scope s) {
        Query q =
                new Query()
                        .sql("select i.id::text as id, 'incident' as type, coalesce(a.asset_tag,")
                        .sql(" 'personal ' || lower(i.device_type)) || ' ' || lower(i.kind) || ',")
                        .sql(" reported ' || to_char(i.reported_at at time zone ?, 'YYYY-MM-DD")
                        .param(s.zone().getId())
                        .sql(" HH24:MI') as label, array_cat(case when i.late then array['reported")
                        .sql(" ' || i.reporting_delay_seconds / 60 || ' min after it happened")
                        .sql(" (late)'] else array[]::text[] end, array(select n.name || case when")
                        .sql(" d.delivered_at is null then ' not notified within ' || ? || ' s'")
                        .param(s.notificationSeconds())
                        .sql(" else ' notified ' || floor(extract(epoch from d.delivered_at -")
                        .sql(
                                " i.reported_at))::bigint || ' s after the report (' ||"
                                        + " d.delivered_at")
                        .sql(" || ', ' || coalesce(d.message_id, 'no Message-ID') || ')' end from")
                        .sql(" unnest(?::text[]) n(name)")
                        .param(s.notified().toArray(new String[0]))
                        .sql(" left join lateral (select min(x.delivered_at) as delivered_at,")
                        .sql(" min(x.message_id) as message_id from alert_delivery x where")
                        .sql(" x.event_id = i.alert_event_id::text and x.channel = 'email' and")
                        .sql(" x.recipient_name = n.name) d on true where case when d.delivered_at")
                        .sql(" is null then ? > i.reported_at + ? * interval '1 second' else")
                        .param(s.now())
                        .param(s.notificationSeconds())
                        .sql(" d.delivered_at > i.reported_at + ? * interval '1 second' end order")
                        .param(s.notificationSeconds())
                        .sql(" by n.name)) as reasons, null::uuid as exception_id, null::date as")
                        .sql(" exception_until, null::uuid as holder_id, i.reported_by as")
                        .sql(" holder_email, null::text as owner_type, null::uuid as owner_id,")
                        .sql(" null::text as owner_name from incident i left join asset a on a.id")
                        .sql(" = i.asset_id where true");
        ControlQueries.period(q, "i.reported_at", s);
        if (s.group() != null) {
            q.sql(" and (a.owner_group_id = ? or exists (select 1 from group_member gm join")
                    .param(s.group())
                    .sql(" person p on p.id = gm.person_id where gm.group_id = ? and")
                    .param(s.group())
                    .sql(" lower(p.email) = lower(i.reported_by)))");
        }
        return q;
    }
}
