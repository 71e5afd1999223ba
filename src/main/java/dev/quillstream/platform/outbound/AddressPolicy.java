package dev.quillstream.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which destinations outbound requests to user-supplied URLs may reach: public addresses only,
 * unless the operator admits a host or network ({@code QUILLSTREAM_OUTBOUND_ALLOWED_HOSTS}, e.g. a
 * self-hosted WordPress on 10.0.0.5). Loopback, private, link-local (with cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unique-local, multicast and unspecified addresses are refused,
 * also when they hide inside IPv4-mapped or NAT64 IPv6 addresses.
 */
public final class AddressPolicy {

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Cidr> allowedNetworks = new ArrayList<>();

    /** @param allowed comma-separated host names, IP addresses and CIDR networks */
    public AddressPolicy(String allowed) {
        for (String entry : allowed.split(",")) {
            String item = entry.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            if (item.contains("/") || Character.isDigit(item.charAt(0)) || item.contains(":")) {
                allowedNetworks.add(Cidr.parse(item));
            } else {
                allowedHosts.add(item);
            }
        }
    }

    public static AddressPolicy publicOnly() {
        return new AddressPolicy("");
    }

    boolean hostAllowed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code address}, resolved for {@code host}, may be connected to. */
    boolean permits(String host, InetAddress address) {
        if (hostAllowed(host) || allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        return isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (effective.isLoopbackAddress()
                || effective.isAnyLocalAddress()
                || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress()
                || effective.isMulticastAddress()) {
            return false;
        }
        byte[] b = effective.getAddress();
        if (effective instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this" network
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        int first = b[0] & 0xff;
        return (first & 0xfe) != 0xfc // unique local fc00::/7 (includes fd00:ec2::254 metadata)
                && !(first == 0xfe && (b[1] & 0xc0) == 0xc0); // deprecated site-local fec0::/10
    }

    /** IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible and NAT64 (64:ff9b::/96) addresses are judged by their IPv4 part. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible =
                zeroPrefix && b[10] == 0 && b[11] == 0 && !address.isLoopbackAddress() && !address.isAnyLocalAddress();
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (mapped || compatible || nat64) {
            try {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR network: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
