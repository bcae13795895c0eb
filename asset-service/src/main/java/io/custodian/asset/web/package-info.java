/**
 * HTTP plumbing shared by every feature: problem+json errors and their mappers, strict JSON, query
 * parameters, keyset paging (Listing, Paged), ETags.
 */
package io.custodian.asset.web;
