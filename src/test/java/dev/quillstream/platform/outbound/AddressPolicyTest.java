package dev.quillstream.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2001:4860:4860::8888", "1.1.1.1"})
    void publicAddressesArePermitted(String address) throws Exception {
        assertThat(AddressPolicy.publicOnly().permits("example.com", InetAddress.getByName(address)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "10.0.0.1",
                "172.16.5.4",
                "172.31.255.255",
                "192.168.1.1",
                "100.64.0.1",
                "169.254.169.254",
                "169.254.1.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe"
            })
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(AddressPolicy.publicOnly().permits("example.com", InetAddress.getByName(address)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "10.255.1.2"})
    void anAllowedNetworkAdmitsItsAddressesOnly(String address) throws Exception {
        AddressPolicy policy = new AddressPolicy("10.0.0.0/8, wp.internal");
        assertThat(policy.permits("anything", InetAddress.getByName(address))).isTrue();
        assertThat(policy.permits("anything", InetAddress.getByName("192.168.0.1")))
                .isFalse();
        assertThat(policy.permits("wp.internal", InetAddress.getByName("192.168.0.1")))
                .isTrue();
    }
}
