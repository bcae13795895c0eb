/**
 * Loss and theft: the one-call report, containment actions, closure and recovery, with their
 * events; owns tables incident, incident_action.
 */
package io.custodian.asset.incident;
