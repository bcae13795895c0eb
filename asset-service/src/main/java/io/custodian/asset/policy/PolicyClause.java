package io.custodian.asset.policy;

/**
 * The clauses of the Asset Management Policy an exception or a violation concerns; in JSON
 * lower-case like every enum of the API ({@code acceptable_use}).
 */
enum PolicyClause {
    INVENTORY,
    OWNERSHIP,
    ACCEPTABLE_USE,
    LOSS_OR_THEFT,
    RETURN,
    HANDLING;
}
