package io.custodian.asset.web;

/**
 * What text the API takes, in one place. No value may hold a character PostgreSQL or a mail header
 * cannot carry: NUL, a lone UTF-16 surrogate, or any other control character than tab, line feed
 * and carriage return. A single-line value (a name, a tag, a serial number, an e-mail address:
 * every string that is not marked {@link FreeText}) holds no line break or tab either, so it can
 * become a mail subject, a log line or a CSV cell without changing their shape.
 */
public final class Text {

    private Text() {}

    /** Why the value can't be stored, or {@code null} when it can. */
    public static String unstorable(String value) {
        return check(value, false);
    }

    /** Why the value is not one line of storable text, or {@code null} when it is. */
    public static String notSingleLine(String value) {
        return check(value, true);
    }

    private static String check(String value, boolean singleLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a lone surrogate " + codePoint(c);
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain a lone surrogate " + codePoint(c);
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (lineBreak) {
                if (singleLine) {
                    return "must be a single line (it contains " + codePoint(c) + ")";
                }
                continue;
            }
            if (c == '\u2028' || c == '\u2029') {
                if (singleLine) {
                    return "must be a single line (it contains " + codePoint(c) + ")";
                }
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "must not contain the control character " + codePoint(c);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
