package org.backtrack.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuAccountTest {

    @Test
    void userPlusSystemTicksAreReadAfterACommandNameWithSpacesAndParentheses() {
        // proc(5): pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1250 375 0 0 20 0 57 0";

        assertThat(CpuAccount.parseStat(stat).orElseThrow()).isCloseTo(16.25, within(1e-9));
    }

    @Test
    void thisProcessHasUsedSomeCpuAndTheBenchJvmIsSplitIntoWireServerAndTheRest() {
        Map<String, Double> now = CpuAccount.now(Map::of);

        assertThat(CpuAccount.processSeconds(ProcessHandle.current().pid())).isPresent();
        assertThat(now).containsKeys(CpuAccount.WIRE_SERVER, CpuAccount.BENCH);
        assertThat(now.get(CpuAccount.BENCH)).isPositive();
        assertThat(CpuAccount.processSeconds(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void usedIsTheDifferenceOfTwoMomentsAndAPartThatAppearedCountsFromZero() {
        Map<String, Double> used = CpuAccount.between(Map.of("kafka", 2.0), Map.of("kafka", 5.5, "gateway", 1.0));

        assertThat(used).containsEntry("kafka", 3.5).containsEntry("gateway", 1.0);
    }

    @Test
    void theWireServersThreadsAreItsNettyWorkersAndTheStoreWriter() {
        assertThat(CpuAccount.isWireServer("mongo-server-worker-3")).isTrue();
        assertThat(CpuAccount.isWireServer("MVStore background writer nio:/tmp/x/progress.mv.db")).isTrue();
        assertThat(CpuAccount.isWireServer("H2-serialization")).isTrue();
        assertThat(CpuAccount.isWireServer("HttpClient-1-Worker-0")).isFalse();
        assertThat(Profiles.threadGroup("mongo-server-worker-3")).isEqualTo("mongo-server-worker");
        assertThat(Profiles.threadGroup("org.springframework.kafka.KafkaListenerEndpointContainer#0-2-C-1"))
                .isEqualTo("org.springframework.kafka.KafkaListenerEndpointContainer#0-C");
    }
}
