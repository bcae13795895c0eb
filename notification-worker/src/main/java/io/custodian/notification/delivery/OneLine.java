package io.custodian.notification.delivery;

/**
 * Makes a value safe for a one-line field (a mail header, a chat header, an HTTP header): every run
 * of control characters (CR, LF, tab, NUL and the other C0/C1 controls) and of Unicode line and
 * paragraph separators becomes one space. Whatever a stored name holds, the alert still goes out,
 * with the name on one line, and no header can be added through it.
 */
final class OneLine {

    private OneLine() {}

    static String of(String value) {
        if (value == null || value.chars().noneMatch(OneLine::breaks)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean folding = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (breaks(c)) {
                if (!folding) {
                    out.append(' ');
                    folding = true;
                }
            } else {
                out.append(c);
                folding = false;
            }
        }
        return out.toString();
    }

    /** Whether this value holds a character that {@link #of} folds. */
    static boolean isFolded(String value) {
        return value != null && value.chars().anyMatch(OneLine::breaks);
    }

    private static boolean breaks(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
