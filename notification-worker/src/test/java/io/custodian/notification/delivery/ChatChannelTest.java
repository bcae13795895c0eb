package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatChannelTest {

    @Test
    void shouldEscapeWhatSlackParses() {
        assertThat(ChatChannel.escape("R&D <lab> *bold*", 3000))
                .isEqualTo("R&amp;D &lt;lab&gt; *bold*");
    }

    @Test
    void shouldCutLongTextWithoutSplittingAnEntity() {
        String cut = ChatChannel.escape("a".repeat(7) + "&" + "b".repeat(10), 10);

        assertThat(cut).hasSizeLessThanOrEqualTo(10).isEqualTo("aaaaaaa…");
        assertThat(ChatChannel.escape("x".repeat(10), 10)).isEqualTo("x".repeat(10));
        assertThat(ChatChannel.escape("x".repeat(11), 10)).isEqualTo("x".repeat(9) + "…");
    }

    @Test
    void shouldBuildAHeaderAndAMrkdwnSectionWithTheSubjectAsFallback() {
        String longSubject = "[Custodian] STOLEN: " + "X".repeat(200);
        JsonObject message =
                ChatChannel.message(
                        new Alert(longSubject, "  Where: <Leeds>\n", "<p>html</p>", Map.of()));

        assertThat(message.getString("text")).isEqualTo(longSubject);
        JsonObject header = message.getJsonArray("blocks").getJsonObject(0);
        assertThat(header.getString("type")).isEqualTo("header");
        assertThat(header.getJsonObject("text").getString("text"))
                .hasSize(ChatChannel.HEADER_MAX)
                .endsWith("…");
        JsonObject section = message.getJsonArray("blocks").getJsonObject(1);
        assertThat(section.getJsonObject("text").getString("type")).isEqualTo("mrkdwn");
        assertThat(section.getJsonObject("text").getString("text"))
                .isEqualTo("Where: &lt;Leeds&gt;");
    }
}
