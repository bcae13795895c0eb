/** The worker's HTTP plumbing: errors as problem+json, also for paths no resource serves. */
package io.custodian.notification.web;
