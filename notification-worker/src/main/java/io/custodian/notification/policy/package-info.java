/** The alerts on policy violations and policy exceptions (requested, decided, expired). */
package io.custodian.notification.policy;
