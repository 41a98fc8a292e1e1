package org.backtrack.deadletters;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionLimits;
import org.backtrack.events.Violation;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PermanentFailuresTest {

    static MongoWriteException writeError(int code) {
        return new MongoWriteException(new WriteError(code, "code " + code, new BsonDocument()), new ServerAddress(), Set.of());
    }

    static MongoBulkWriteException bulk(int... codes) {
        List<BulkWriteError> errors = java.util.stream.IntStream.of(codes)
                .mapToObj(code -> new BulkWriteError(code, "code " + code, new BsonDocument(), 0)).toList();
        return new MongoBulkWriteException(BulkWriteResult.unacknowledged(), errors, null, new ServerAddress(), Set.of());
    }

    /** As spring-kafka hands them to the error handler: the listener's failure wrapped twice. */
    static Exception asDelivered(Throwable failure) {
        return new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("record 3 failed", failure, 3));
    }

    @Test
    void contractViolationsAndLimitsArePermanent() {
        assertThat(PermanentFailures.isPermanent(new InvalidEventException(List.of(new Violation("data.painBefore", "must be 0..10"))))).isTrue();
        assertThat(PermanentFailures.isPermanent(asDelivered(SessionLimits.dayFull("data.completedAt", LocalDate.of(2026, 11, 20))))).isTrue();
        assertThat(PermanentFailures.isPermanent(asDelivered(SessionLimits.correctedTooOften("data.sessionId")))).isTrue();
    }

    @Test
    void documentsTheDatabaseCannotHoldArePermanent() {
        var tooLarge = new BsonMaximumSizeExceededException("Payload document size is larger than maximum of 16777216.");
        assertThat(PermanentFailures.isPermanent(tooLarge)).isTrue();
        assertThat(PermanentFailures.isPermanent(asDelivered(new InvalidDataAccessApiUsageException("too large", tooLarge)))).isTrue();
        for (int code : new int[]{10334, 17419, 17420, 121, 2, 17280}) {
            assertThat(PermanentFailures.isPermanent(asDelivered(new DataIntegrityViolationException("refused", writeError(code)))))
                    .as("code %d", code).isTrue();
        }
        assertThat(PermanentFailures.isPermanent(bulk(10334, 121))).isTrue();
        var command = new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(10334))
                .append("errmsg", new BsonString("BSONObj size is invalid")), new ServerAddress());
        assertThat(PermanentFailures.isPermanent(command)).isTrue();
    }

    @Test
    void failuresThatMayHealAreRetried() {
        assertThat(PermanentFailures.isPermanent(asDelivered(new DataAccessResourceFailureException("down",
                new MongoTimeoutException("no server"))))).isFalse();
        assertThat(PermanentFailures.isPermanent(new MongoSocketReadTimeoutException("slow", new ServerAddress(), null))).isFalse();
        // a duplicate key is a lost race between writers: the next attempt reads what won
        assertThat(PermanentFailures.isPermanent(new DuplicateKeyException("raced", writeError(11000)))).isFalse();
        assertThat(PermanentFailures.isPermanent(bulk(10334, 11000))).isFalse();
        assertThat(PermanentFailures.isPermanent(writeError(91))).isFalse(); // ShutdownInProgress
        assertThat(PermanentFailures.isPermanent(new IllegalStateException("kept changing under concurrent updates"))).isFalse();
        assertThat(PermanentFailures.isPermanent(null)).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(PermanentFailures.isPermanent(a)).isFalse();
    }
}
