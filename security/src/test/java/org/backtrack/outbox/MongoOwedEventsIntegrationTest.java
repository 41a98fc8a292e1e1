package org.backtrack.outbox;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's guarded writes and its order on the MongoDB wire protocol (mongo-java-server). */
class MongoOwedEventsIntegrationTest {

    @Document("owing")
    record Owing(@Id String id, String eventId, Instant changedAt, Publication publication) {
    }

    static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    static final MongoTemplate MONGO = new MongoTemplate(MongoClients.create(SERVER.bindAndGetConnectionString()), "outbox-test");
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final MongoOwedEvents<Owing> store = new MongoOwedEvents<>(MONGO, Owing.class, Owing::id, Owing::eventId, Owing::publication,
            "changedAt", Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterAll
    static void stop() {
        SERVER.shutdownNow();
    }

    Owing write(String id, int minutesAgo) {
        return MONGO.save(new Owing(id, UUID.randomUUID().toString(), NOW.minusSeconds(60L * minutesAgo), Publication.PENDING));
    }

    @Test
    void transitionsAreGuardedByStateAndVersion() {
        Owing first = write("guarded", 5);
        assertThat(store.transition(first, Publication.PENDING, Publication.PUBLISHING)).isTrue();
        assertThat(store.transition(first, Publication.PENDING, Publication.PUBLISHING)).isFalse();
        Owing newer = write("guarded", 1);
        assertThat(store.transition(first, Publication.PUBLISHING, Publication.PUBLISHED)).isFalse();
        assertThat(MONGO.findById("guarded", Owing.class).publication()).isEqualTo(Publication.PENDING);
        assertThat(store.transition(newer, Publication.PENDING, Publication.PUBLISHING)).isTrue();
    }

    @Test
    void owedComeOldestFirstWithStaleClaimsButNotFreshOnes() {
        MONGO.dropCollection(Owing.class);
        write("third", 1);
        write("first", 30);
        Owing claimed = write("second", 20);
        write("done", 40);
        store.transition(MONGO.findById("done", Owing.class), Publication.PENDING, Publication.PUBLISHED);
        store.transition(claimed, Publication.PENDING, Publication.PUBLISHING); // claimed at NOW
        assertThat(store.owed(NOW.minusSeconds(60), 10)).extracting(Owing::id).containsExactly("first", "third");
        assertThat(store.owed(NOW.plusSeconds(1), 10)).extracting(Owing::id).containsExactly("first", "second", "third");
        assertThat(store.owed(NOW.plusSeconds(1), 2)).extracting(Owing::id).containsExactly("first", "second");
    }
}
