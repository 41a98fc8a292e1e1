package org.backtrack.progress.webhooks.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses a webhook may connect to, in every form Java hands them over. */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.0", "10.255.255.255", "172.16.0.0",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.0", "100.127.255.255", "192.0.0.8",
            "192.0.2.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.255",
            "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "febf::1", "fc00::1", "fdff::1", "fec0::1", "ff02::1",
            "2001:db8::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
            "2002:0a00:0001::1"})
    void nonPublicAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.0.1", "192.169.0.1", "11.0.0.1", "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888",
            "::ffff:93.184.216.34", "64:ff9b::808:808", "2002:0808:0808::1"})
    void publicUnicastAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    /** Java turns {@code ::ffff:a.b.c.d} text into an IPv4 address; built from bytes it stays IPv6, and is judged the same. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "192.168.0.1"})
    void ipv4MappedAddressesBuiltFromBytesAreJudgedByTheirIpv4Address(String v4) throws UnknownHostException {
        byte[] four = InetAddress.getByName(v4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(four, 0, mapped, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(AddressPolicy.refusal(address)).as(address.toString()).isPresent();
    }
}
