package io.custodian.notification.archfixtures.records;

import java.util.List;

/** What every entity of the records feature inherits, as Panache's queries are. */
public class Records {

    public static List<Object> find(String query) {
        return List.of(query);
    }
}
