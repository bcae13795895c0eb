package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void shouldDeriveTheSameMessageIdForTheSameEventAndRecipient() {
        String first = MessageIds.of("3f1c-42", "ceo@example.com", "custodian");
        String again = MessageIds.of("3f1c-42", " CEO@example.com", "custodian");

        assertThat(first).isEqualTo(again).matches("<3f1c-42\\.[0-9a-f]{16}@custodian>");
    }

    @Test
    void shouldDeriveDifferentMessageIdsForDifferentRecipientsOrEvents() {
        assertThat(MessageIds.of("e1", "ceo@example.com", "custodian"))
                .isNotEqualTo(MessageIds.of("e1", "cto@example.com", "custodian"))
                .isNotEqualTo(MessageIds.of("e2", "ceo@example.com", "custodian"));
    }

    @Test
    void shouldKeepTheMessageIdWellFormedWhateverTheEventId() {
        assertThat(MessageIds.of("a b@c<d>\r\n", "ceo@example.com", "custodian"))
                .matches("<a-b-c-d---\\.[0-9a-f]{16}@custodian>");
    }
}
