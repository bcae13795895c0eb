package io.custodian.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code Message-ID} of an alert: a function of the event id and the recipient only, so a
 * resent alert carries the same id and a receiver can drop the repeat.
 */
final class MessageIds {

    private MessageIds() {}

    /** {@code <eventId.sha256(lower-case recipient) first 16 hex@domain>}. */
    static String of(String eventId, String recipient, String domain) {
        return "<" + atext(eventId) + "." + hash16(recipient) + "@" + domain + ">";
    }

    private static String hash16(String recipient) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    recipient
                                            .trim()
                                            .toLowerCase(Locale.ROOT)
                                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Keeps what RFC 5322 allows left of the {@code @}; anything else becomes {@code -}. */
    private static String atext(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
            out.append(ok ? c : '-');
        }
        return out.toString();
    }
}
