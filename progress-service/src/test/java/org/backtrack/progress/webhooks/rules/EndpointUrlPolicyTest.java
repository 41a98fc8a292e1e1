package org.backtrack.progress.webhooks.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks on a webhook's URL: metadata services, loopback in every spelling, private networks behind a public
 * name, rebinding names, credentials in the URL, plain http. Names resolve through a fixed table, as DNS would answer.
 */
class EndpointUrlPolicyTest {

    static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[]{"93.184.216.34"},
            "internal.example.com", new String[]{"10.1.2.3"},
            "mixed.example.com", new String[]{"93.184.216.34", "192.168.1.10"},
            "metadata.example.com", new String[]{"169.254.169.254"},
            "v6.example.com", new String[]{"2606:2800:220:1:248:1893:25c8:1946"},
            "ula.example.com", new String[]{"fd00::1"},
            "localhost", new String[]{"127.0.0.1", "::1"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answers = DNS.get(host.toLowerCase(java.util.Locale.ROOT));
        if (answers == null) {
            if (host.contains(":") || host.matches("[0-9.]+")) {
                return InetAddress.getAllByName(host); // IP literals, parsed without any look-up
            }
            throw new UnknownHostException(host); // no real DNS in a unit test
        }
        InetAddress[] addresses = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            addresses[i] = InetAddress.getByName(answers[i]);
        }
        return addresses;
    }

    final EndpointUrlPolicy production = new EndpointUrlPolicy(Set.of(), EndpointUrlPolicyTest::resolve);
    final EndpointUrlPolicy localTests = new EndpointUrlPolicy(Set.of("127.0.0.1", "localhost"), EndpointUrlPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/backtrack", "https://hooks.example.com:8443/x?token=abc",
            "https://v6.example.com/", "https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
            "HTTPS://Hooks.Example.com/"})
    void publicHttpsUrlsAreAccepted(String url) {
        assertThat(production.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/", "https://metadata.example.com/",
            "https://127.0.0.1/", "https://127.1.2.3/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/",
            "https://[::ffff:169.254.169.254]/", "https://[::ffff:10.0.0.1]/", "https://[::127.0.0.1]/", "https://[64:ff9b::a9fe:a9fe]/",
            "https://[2002:7f00:1::]/", "https://2130706433/", "https://0x7f000001/", "https://0177.0.0.1/", "https://127.1/",
            "https://0.0.0.0/", "https://[::]/", "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.255/",
            "https://192.168.0.1/", "https://100.64.0.1/", "https://[fe80::1]/", "https://[fd00::1]/", "https://[fc00::1]/",
            "https://224.0.0.1/", "https://[ff02::1]/", "https://255.255.255.255/", "https://240.0.0.1/",
            "https://internal.example.com/", "https://mixed.example.com/", "https://ula.example.com/", "https://localhost/"})
    void urlsReachingLoopbackLinkLocalPrivateOrReservedAddressesAreRefused(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(EndpointUrlPolicy.RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "file:///etc/passwd", "/relative/path",
            "https://user:password@hooks.example.com/", "https://hooks.example.com@169.254.169.254/", "https://hooks.example.com/#frag",
            "javascript:alert(1)", "https:///nohost", "https://hooks.example.com:0/", "https://hooks.example.com:99999/",
            "https://no-such-host.invalid/", "", "   ", "https://exa mple.com/", "https://0177.0.0.1/", "https://0x5d.0xb8.0xd8.0x22/",
            "https://93.184.216.034/", "https://1572395042/"})
    void malformedUnsafeOrUnresolvableUrlsAreRefused(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(EndpointUrlPolicy.RefusedUrlException.class);
    }

    @Test
    void aUrlLongerThanTheLimitIsRefused() {
        String url = "https://hooks.example.com/" + "a".repeat(EndpointUrlPolicy.MAX_LENGTH);
        assertThatThrownBy(() -> production.check(url)).hasMessageContaining("at most " + EndpointUrlPolicy.MAX_LENGTH);
        assertThatThrownBy(() -> production.check(null)).hasMessage("is required");
    }

    @Test
    void theAllowlistLetsLocalTestsUseHttpOnLoopbackAndNothingElse() {
        assertThat(localTests.check("http://127.0.0.1:8099/hook").getPort()).isEqualTo(8099);
        assertThat(localTests.check("http://localhost:8099/hook").getHost()).isEqualTo("localhost");
        assertThat(localTests.addressesFor("localhost")).hasSize(2);
        // not allowlisted: still refused, also in its other spellings
        assertThatThrownBy(() -> localTests.check("http://2130706433:8099/")).isInstanceOf(EndpointUrlPolicy.RefusedUrlException.class);
        assertThatThrownBy(() -> localTests.check("https://[::ffff:127.0.0.1]/")).isInstanceOf(EndpointUrlPolicy.RefusedUrlException.class);
        assertThatThrownBy(() -> localTests.check("http://hooks.example.com/")).hasMessageContaining("https");
        assertThatThrownBy(() -> localTests.check("http://internal.example.com/")).isInstanceOf(EndpointUrlPolicy.RefusedUrlException.class);
    }

    @Test
    void theAddressesAreCheckedAgainAtConnectionTimeSoARebindingNameIsRefused() {
        String[] answer = {"93.184.216.34"};
        EndpointUrlPolicy policy = new EndpointUrlPolicy(Set.of(), host -> new InetAddress[]{InetAddress.getByName(answer[0])});
        assertThat(policy.check("https://rebinding.example.com/")).isNotNull();
        answer[0] = "127.0.0.1"; // the name now points inside
        assertThatThrownBy(() -> policy.addressesFor("rebinding.example.com")).hasMessageContaining("loopback");
    }

    @Test
    void refusalsSayWhyWithoutEchoingTheAddress() {
        assertThatThrownBy(() -> production.check("https://internal.example.com/")).hasMessageContaining("private address")
                .hasMessageNotContaining("10.1.2.3");
        assertThatThrownBy(() -> production.check("https://metadata.example.com/")).hasMessageContaining("link-local");
    }
}
