package dev.quillstream.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This node's name in job leases: host, process id and a random suffix, unique per start. */
@Component
final class NodeName {

    private final String value;

    NodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        value = host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String value() {
        return value;
    }
}
