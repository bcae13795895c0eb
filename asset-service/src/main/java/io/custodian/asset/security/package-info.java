/**
 * Who the caller is and what they may do: roles, trusted tokens, departed people without roles,
 * rate limits and body limits at the HTTP layer.
 */
package io.custodian.asset.security;
