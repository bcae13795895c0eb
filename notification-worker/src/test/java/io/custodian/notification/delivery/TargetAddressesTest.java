package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The SSRF rule on the addresses a chat or webhook host resolves to. */
class TargetAddressesTest {

    @Test
    void shouldTellEachKindOfInternalAddress() throws UnknownHostException {
        assertThat(kind("127.0.0.1")).isEqualTo("loopback");
        assertThat(kind("127.8.9.10")).isEqualTo("loopback");
        assertThat(kind("::1")).isEqualTo("loopback");
        assertThat(kind("169.254.169.254")).isEqualTo("link-local (cloud metadata)");
        assertThat(kind("fe80::1")).isEqualTo("link-local (cloud metadata)");
        assertThat(kind("0.0.0.0")).isEqualTo("unspecified");
        assertThat(kind("::")).isEqualTo("unspecified");
        assertThat(kind("10.0.0.1")).isEqualTo("private");
        assertThat(kind("172.16.0.1")).isEqualTo("private");
        assertThat(kind("172.31.255.255")).isEqualTo("private");
        assertThat(kind("192.168.1.1")).isEqualTo("private");
        assertThat(kind("100.64.0.1")).isEqualTo("private");
        assertThat(kind("fd12:3456::1")).isEqualTo("private");
        assertThat(kind("::ffff:169.254.169.254")).isEqualTo("link-local (cloud metadata)");
        assertThat(kind("::ffff:10.0.0.1")).isEqualTo("private");
        assertThat(kind("224.0.0.1")).isEqualTo("multicast");

        assertThat(kind("172.32.0.1")).isNull();
        assertThat(kind("100.128.0.1")).isNull();
        assertThat(kind("8.8.8.8")).isNull();
        assertThat(kind("2001:db8::1")).isNull();
    }

    @Test
    void shouldCheckEveryAddressAHostResolvesTo() {
        TargetAddresses.Resolver rebinding =
                host ->
                        new InetAddress[] {
                            InetAddress.getByName("203.0.113.5"),
                            InetAddress.getByName("169.254.169.254")
                        };
        assertThat(
                        TargetAddresses.refusal(
                                URI.create("https://hooks.example/x?token=secret"),
                                true,
                                rebinding))
                .hasValueSatisfying(
                        reason ->
                                assertThat(reason)
                                        .contains("hooks.example")
                                        .contains("169.254.169.254")
                                        .doesNotContain("token"));
        assertThat(
                        TargetAddresses.refusal(
                                URI.create("https://hooks.example/x"),
                                false,
                                host -> new InetAddress[] {InetAddress.getByName("203.0.113.5")}))
                .isEmpty();
    }

    @Test
    void shouldAllowLoopbackAndPrivateOnlyWhenConfiguredAndNeverLinkLocal() {
        URI local = URI.create("http://127.0.0.1:8089/hooks");
        assertThat(TargetAddresses.refusal(local, false, TargetAddresses.DNS)).isPresent();
        assertThat(TargetAddresses.refusal(local, true, TargetAddresses.DNS)).isEmpty();
        URI localhost = URI.create("http://localhost:8089/hooks");
        assertThat(TargetAddresses.refusal(localhost, false, TargetAddresses.DNS)).isPresent();
        URI ipv6 = URI.create("https://[::1]:8443/hooks");
        assertThat(TargetAddresses.refusal(ipv6, false, TargetAddresses.DNS)).isPresent();
        URI decimal = URI.create("https://2130706433/hooks");
        assertThat(TargetAddresses.refusal(decimal, false, TargetAddresses.DNS)).isPresent();
        URI metadata = URI.create("http://169.254.169.254/latest/meta-data/");
        assertThat(TargetAddresses.refusal(metadata, true, TargetAddresses.DNS)).isPresent();
        URI privateNet = URI.create("https://10.20.30.40/hooks");
        assertThat(TargetAddresses.refusal(privateNet, false, TargetAddresses.DNS)).isPresent();
        assertThat(TargetAddresses.refusal(privateNet, true, TargetAddresses.DNS)).isEmpty();
    }

    @Test
    void shouldRefuseAHostThatDoesNotResolve() {
        assertThat(
                        TargetAddresses.refusal(
                                URI.create("https://nowhere.invalid/x"),
                                true,
                                host -> {
                                    throw new UnknownHostException(host);
                                }))
                .hasValue("host nowhere.invalid does not resolve");
    }

    private static String kind(String literal) throws UnknownHostException {
        return TargetAddresses.kind(InetAddress.getByName(literal));
    }
}
