package io.custodian.api.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * A log filter that lets every record through with its control characters escaped: a CR, LF, tab or
 * other C0/C1 control (and U+2028/U+2029) in the message or in a parameter becomes a visible escape
 * ({@code \r}, {@code \n}, {@code \t}, {@code \u0000}), so a value a caller sent can never start a
 * forged log line. Parameters whose text holds no such character are left as they are (numbers stay
 * numbers for their format). Each service registers it as a Quarkus logging filter on its handlers.
 */
public class ControlCharacterEscaping implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (needsEscaping(message)) {
            record.setMessage(escape(message));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter != null && !(parameter instanceof Number)) {
                    String text = String.valueOf(parameter);
                    if (needsEscaping(text)) {
                        parameters[i] = escape(text);
                    }
                }
            }
        }
        return true;
    }

    /** The text with its control characters escaped; unchanged when it holds none. */
    public static String escape(String text) {
        if (!needsEscaping(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String text) {
        return text != null && text.chars().anyMatch(ControlCharacterEscaping::isControl);
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
