package io.custodian.local.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the running application while open (JBoss Logging ends in the JDK's root
 * logger): {@code try (LogCapture log = LogCapture.start()) { … log.records() … }}.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** What was logged so far, in order. */
    public List<LogRecord> records() {
        return records;
    }

    /**
     * What was logged so far, one string a record: the logger, the message, its parameters and the
     * exception, i.e. everything a log line could show of it.
     */
    public List<String> lines() {
        return records.stream()
                .map(
                        record ->
                                record.getLoggerName()
                                        + " "
                                        + record.getMessage()
                                        + " "
                                        + Arrays.toString(record.getParameters())
                                        + " "
                                        + (record.getThrown() == null
                                                ? ""
                                                : String.valueOf(record.getThrown())))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
