package io.custodian.notification.delivery;

import io.custodian.api.logging.ControlCharacterEscaping;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Control characters in log records escaped ({@link ControlCharacterEscaping}): no value a caller
 * sent can forge a log line. On the console handler ({@code quarkus.log.console.filter}).
 */
@LoggingFilter(name = EscapedLogs.NAME)
public final class EscapedLogs implements Filter {
    static final String NAME = "escape-control-characters";

    private final Filter escaping = new ControlCharacterEscaping();

    @Override
    public boolean isLoggable(LogRecord record) {
        return escaping.isLoggable(record);
    }
}
