package org.backtrack.storage;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GuardedWriteTest {

    @Test
    void anAttemptThatLostTheRaceIsRunAgain() {
        AtomicInteger rounds = new AtomicInteger();

        String result = GuardedWrite.retry(5, IllegalStateException::new,
                () -> rounds.incrementAndGet() < 3 ? Optional.empty() : Optional.of("written"));

        assertThat(result).isEqualTo("written");
        assertThat(rounds).hasValue(3);
    }

    @Test
    void writersThatKeepWinningExhaustTheAttempts() {
        AtomicInteger rounds = new AtomicInteger();

        assertThatIllegalStateException()
                .isThrownBy(() -> GuardedWrite.retry(4, () -> new IllegalStateException("kept changing"), () -> {
                    rounds.incrementAndGet();
                    return Optional.empty();
                }))
                .withMessage("kept changing");
        assertThat(rounds).hasValue(4);
    }

    @Test
    void anInsertRacedByAnotherWriterIsALostRace() {
        assertThat(GuardedWrite.insert(() -> "inserted")).contains("inserted");
        assertThat(GuardedWrite.<String>insert(() -> {
            throw new DuplicateKeyException("E11000");
        })).isEmpty();
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger rounds = new AtomicInteger();

        assertThatIllegalStateException().isThrownBy(() -> GuardedWrite.retry(5, IllegalStateException::new, () -> {
            rounds.incrementAndGet();
            throw new IllegalStateException("refused");
        })).withMessage("refused");
        assertThat(rounds).hasValue(1);
    }
}
