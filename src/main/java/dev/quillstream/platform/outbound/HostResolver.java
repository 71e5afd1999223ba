package dev.quillstream.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable so tests can make a name resolve to loopback without touching DNS. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
