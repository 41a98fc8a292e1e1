package org.backtrack.devstack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutesTest {

    @Test
    void oneRoutineServiceInstanceIsAddressedByItsUrl() {
        assertThat(DevStack.gatewayRoutes("127.0.0.1", 8081, List.of(8082), 8083)).containsExactlyInAnyOrder(
                "--backtrack.services.catalog-url=http://127.0.0.1:8081",
                "--backtrack.services.routine-url=http://127.0.0.1:8082",
                "--backtrack.services.progress-url=http://127.0.0.1:8083");
    }

    @Test
    void severalRoutineServiceInstancesAreLoadBalancedFromAStaticList() {
        assertThat(DevStack.gatewayRoutes("127.0.0.1", 8081, List.of(8082, 9182), 8083)).containsExactlyInAnyOrder(
                "--backtrack.services.catalog-url=http://127.0.0.1:8081",
                "--backtrack.services.routine-url=lb://routine-service",
                "--spring.cloud.discovery.client.simple.instances.routine-service[0].uri=http://127.0.0.1:8082",
                "--spring.cloud.discovery.client.simple.instances.routine-service[1].uri=http://127.0.0.1:9182",
                "--backtrack.services.progress-url=http://127.0.0.1:8083");
    }
}
