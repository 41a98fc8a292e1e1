package org.backtrack.progress.ingestion;

import org.backtrack.deadletters.StalledPartitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * What the tests of a stalled ingress partition share: a context whose listeners do not start by themselves, the
 * service's port (for its readiness) and its stalled partitions, and the ingress bridge of the test's own consumer
 * group started alone.
 */
abstract class IngressStallTests {

    @LocalServerPort
    int port;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    StalledPartitions stalls;

    /** Starts the ingress bridge of {@code groupId} (the test's {@code backtrack.ingress.group-id}), and nothing else. */
    void startIngressBridge(String groupId) {
        listeners.getListenerContainers().stream().filter(c -> groupId.equals(c.getGroupId())).forEach(c -> c.start());
    }
}
