/**
 * Classes that break the architecture rules on purpose, laid out as the worker is (features,
 * events, web), for {@code ArchitectureRulesTest}; never used by the worker.
 */
package io.custodian.notification.archfixtures;
