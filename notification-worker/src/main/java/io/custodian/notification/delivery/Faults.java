package io.custodian.notification.delivery;

import io.vertx.ext.mail.SMTPException;
import java.util.Set;

/**
 * Which failures of an attempt are permanent (no retry can fix them: the target is given up on at
 * once) and which are transient (retried with backoff within the window).
 *
 * <ul>
 *   <li>Permanent: an HTTP answer of {@code 4xx} other than {@code 408}, {@code 425} and {@code
 *       429} ({@link HttpAnswers}); an SMTP reply of {@code 5xx} to the recipient or the message
 *       (Vert.x mail client reports replies as {@link SMTPException} with the reply code: {@code
 *       RCPT TO}, {@code DATA} and the end of the data, e.g. 550, 553, 554); a mail or request that
 *       cannot even be built ({@link IllegalArgumentException}, e.g. an address that is not one).
 *   <li>Transient: everything else, notably connection failures and timeouts, SMTP {@code 4xx}
 *       (421, 450, 451, …), HTTP {@code 5xx}, {@code 408}, {@code 425}, {@code 429}. An SMTP {@code
 *       5xx} that refuses the worker itself rather than this mail — its login (530, 534, 535, 538)
 *       or its sender address — is the worker's configuration, the same for every alert: retried
 *       like an outage, so that fixing the configuration delivers the alerts.
 * </ul>
 */
final class Faults {

    /** RFC 4954: authentication required, mechanism too weak, credentials invalid, encryption. */
    private static final Set<Integer> SMTP_LOGIN = Set.of(530, 534, 535, 538);

    /** How Vert.x mail client words a refused {@code MAIL FROM}. */
    private static final String SMTP_SENDER = "sender address not accepted";

    private Faults() {}

    static boolean isPermanent(Throwable failure) {
        if (failure instanceof PermanentFailure || failure instanceof IllegalArgumentException) {
            return true;
        }
        if (failure instanceof SMTPException smtp) {
            return smtp.isPermanent()
                    && !SMTP_LOGIN.contains(smtp.getReplyCode())
                    && !String.valueOf(smtp.getMessage()).startsWith(SMTP_SENDER);
        }
        return false;
    }

    /** Whether an HTTP status tells that the receiver will never take this request. */
    static boolean isPermanentHttp(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
    }
}
