package org.backtrack.outbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    record Doc(String id, String eventId, Instant changedAt, Publication publication, Instant claimedAt) {
    }

    /** Documents by id, each holding its current version's publication, as the MongoDB store does. */
    static final class InMemory implements OwedEvents<Doc> {
        final Map<String, Doc> docs = new LinkedHashMap<>();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void write(String id, String eventId, int minute) {
            docs.put(id, new Doc(id, eventId, Instant.parse("2026-12-01T11:00:00Z").plusSeconds(60L * minute), Publication.PENDING, null));
        }

        @Override
        public boolean transition(Doc owed, Publication from, Publication to) {
            Doc stored = docs.get(owed.id());
            if (stored == null || !stored.eventId().equals(owed.eventId()) || stored.publication() != from) {
                return false;
            }
            docs.put(owed.id(), new Doc(stored.id(), stored.eventId(), stored.changedAt(), to, now));
            return true;
        }

        int reads;

        @Override
        public List<Doc> owed(Instant staleClaim, int limit) {
            reads++;
            return docs.values().stream().filter(d -> d.publication() == Publication.PENDING
                            || (d.publication() == Publication.PUBLISHING && d.claimedAt().isBefore(staleClaim)))
                    .sorted(Comparator.comparing(Doc::changedAt)).limit(limit).toList();
        }

        @Override
        public long countOwed() {
            return docs.values().stream().filter(d -> d.publication() != Publication.PUBLISHED).count();
        }

        @Override
        public Publication publicationOf(Doc owed) {
            return owed.publication();
        }
    }

    final InMemory store = new InMemory();
    final List<String> sent = new ArrayList<>();
    Set<String> brokerRefuses = Set.of();
    final Outbox<Doc> outbox = new Outbox<>(store, doc -> {
        if (brokerRefuses.contains(doc.eventId())) {
            throw new EventNotPublishedException(new IllegalStateException("broker away"));
        }
        sent.add(doc.eventId());
    }, Duration.ofMinutes(1), Duration.ofMinutes(1), Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void anAcknowledgedEventIsPublished() {
        store.write("x", "e1", 1);
        assertThat(outbox.publish(store.docs.get("x"))).isEqualTo(Publication.PUBLISHED);
        assertThat(store.docs.get("x").publication()).isEqualTo(Publication.PUBLISHED);
        assertThat(sent).containsExactly("e1");
    }

    @Test
    void anUnacknowledgedEventStaysOwed() {
        store.write("x", "e1", 1);
        brokerRefuses = Set.of("e1");
        assertThat(outbox.publish(store.docs.get("x"))).isEqualTo(Publication.PENDING);
        assertThat(store.docs.get("x").publication()).isEqualTo(Publication.PENDING);
    }

    @Test
    void anEventAnotherSenderClaimedIsNotSentTwiceAtOnce() {
        store.write("x", "e1", 1);
        Doc read = store.docs.get("x");
        assertThat(store.transition(read, Publication.PENDING, Publication.PUBLISHING)).isTrue();
        assertThat(outbox.publish(read)).isEqualTo(Publication.PENDING);
        assertThat(sent).isEmpty();
    }

    @Test
    void theSenderOfAnOlderVersionNeverMarksTheNewerOne() {
        store.write("x", "e1", 1);
        Doc older = store.docs.get("x");
        store.write("x", "e2", 2); // an edit replaced it before the first event went out
        assertThat(outbox.publish(older)).isEqualTo(Publication.PENDING);
        assertThat(store.docs.get("x").publication()).isEqualTo(Publication.PENDING);
        assertThat(outbox.relay(10)).isEqualTo(1);
        assertThat(sent).containsExactly("e2");
    }

    @Test
    void theRelayDeliversOldestFirstAndStopsAtTheFirstFailureToKeepTheOrder() {
        store.write("c", "e3", 3);
        store.write("a", "e1", 1);
        store.write("b", "e2", 2);
        brokerRefuses = Set.of("e2");
        assertThat(outbox.relay(10)).isEqualTo(1);
        assertThat(sent).containsExactly("e1");
        brokerRefuses = Set.of();
        assertThat(outbox.relay(10)).isEqualTo(2);
        assertThat(sent).containsExactly("e1", "e2", "e3");
        assertThat(outbox.relay(10)).isZero();
    }

    @Test
    void aClaimLeftByASenderThatDiedIsTakenBackOnlyWhenStale() {
        store.write("stale", "e1", 1);
        store.write("fresh", "e2", 2);
        store.now = Instant.parse("2026-12-01T11:50:00Z"); // ten minutes before the relay's clock
        store.transition(store.docs.get("stale"), Publication.PENDING, Publication.PUBLISHING);
        store.now = Instant.parse("2026-12-01T11:59:30Z"); // within the minute: its sender may still be at it
        store.transition(store.docs.get("fresh"), Publication.PENDING, Publication.PUBLISHING);
        assertThat(outbox.relay(10)).isEqualTo(1);
        assertThat(sent).containsExactly("e1");
        assertThat(store.docs.get("fresh").publication()).isEqualTo(Publication.PUBLISHING);
    }

    /** As a batch writer stores a document: owing its event and already claimed by itself. */
    Doc writeClaimed(String id, String eventId, int minute) {
        store.write(id, eventId, minute);
        Doc claimed = new Doc(id, eventId, store.docs.get(id).changedAt(), Publication.PUBLISHING, store.now);
        store.docs.put(id, claimed);
        return claimed;
    }

    @Test
    void aDocumentWrittenClaimedIsSentWithoutAnotherClaimAndPublished() {
        Doc claimed = writeClaimed("a", "e1", 1);
        assertThat(outbox.publishClaimed(claimed)).isEqualTo(Publication.PUBLISHED);
        assertThat(sent).containsExactly("e1");
        assertThat(store.docs.get("a").publication()).isEqualTo(Publication.PUBLISHED);
    }

    @Test
    void aDocumentWrittenClaimedThatTheBrokerRefusedIsOwedAgainForTheRelay() {
        Doc claimed = writeClaimed("a", "e1", 1);
        brokerRefuses = Set.of("e1");
        assertThat(outbox.publishClaimed(claimed)).isEqualTo(Publication.PENDING);
        assertThat(store.docs.get("a").publication()).isEqualTo(Publication.PENDING);
        brokerRefuses = Set.of();
        assertThat(outbox.relay(10)).isEqualTo(1);
        assertThat(sent).containsExactly("e1");
    }

    @Test
    void documentsWrittenClaimedArePublishedTogetherOnceAllAreAcknowledged() {
        List<Doc> claimed = List.of(writeClaimed("a", "e1", 1), writeClaimed("b", "e2", 2));
        List<List<String>> batches = new ArrayList<>();
        var publication = outbox.publishClaimed(claimed, docs -> batches.add(docs.stream().map(Doc::eventId).toList()));
        assertThat(publication).isEqualTo(Publication.PUBLISHED);
        assertThat(batches).containsExactly(List.of("e1", "e2"));
        assertThat(store.docs.values()).extracting(Doc::publication).containsOnly(Publication.PUBLISHED);
        assertThat(store.owed(store.now.plus(Duration.ofHours(1)), 10)).isEmpty();
    }

    @Test
    void aBatchTheBrokerDidNotAcknowledgeIsOwedAgainForTheRelay() {
        List<Doc> claimed = List.of(writeClaimed("a", "e1", 1), writeClaimed("b", "e2", 2));
        var publication = outbox.publishClaimed(claimed, docs -> {
            throw new EventNotPublishedException(new IllegalStateException("broker away"));
        });
        assertThat(publication).isEqualTo(Publication.PENDING);
        assertThat(store.docs.values()).extracting(Doc::publication).containsOnly(Publication.PENDING);
        assertThat(outbox.relay(10)).isEqualTo(2);
        assertThat(sent).containsExactly("e1", "e2");
    }

    @Test
    void aBatchDoesNotMarkAVersionWrittenAfterItsOwn() {
        Doc claimed = writeClaimed("a", "e1", 1);
        var publication = outbox.publishClaimed(List.of(claimed), docs -> store.write("a", "e2", 3)); // a newer version meanwhile
        assertThat(publication).isEqualTo(Publication.PUBLISHED);
        assertThat(store.docs.get("a").eventId()).isEqualTo("e2");
        assertThat(store.docs.get("a").publication()).isEqualTo(Publication.PENDING);
    }

    /** An outbox whose relay has passed the stale-claim time after its start, with a hand-moved monotonic clock. */
    final long[] ticks = {0};
    final Outbox<Doc> settled = new Outbox<>(store, doc -> {
        if (brokerRefuses.contains(doc.eventId())) {
            throw new EventNotPublishedException(new IllegalStateException("broker away"));
        }
        sent.add(doc.eventId());
    }, Duration.ofMinutes(1), Duration.ofSeconds(30), Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), () -> ticks[0]);

    void after(Duration elapsed) {
        ticks[0] += elapsed.toNanos();
    }

    @Test
    void everyRoundLooksDuringTheStaleClaimTimeAfterTheStartForClaimsAPredecessorLeft() {
        for (int second = 0; second < 60; second += 2) {
            settled.relay(10);
            after(Duration.ofSeconds(2));
        }
        assertThat(store.reads).isEqualTo(30);
    }

    @Test
    void aRelayThatKnowsOfNothingOwedLooksOnlyAtTheSweep() {
        after(Duration.ofMinutes(2));
        assertThat(settled.relay(10)).isZero();
        assertThat(store.reads).isEqualTo(1);

        store.write("x", "e1", 1); // another instance wrote it and died before its send
        after(Duration.ofSeconds(2));
        assertThat(settled.relay(10)).isZero();
        assertThat(store.reads).as("no read between sweeps").isEqualTo(1);

        after(Duration.ofSeconds(28));
        assertThat(settled.relay(10)).isEqualTo(1);
        assertThat(sent).containsExactly("e1");
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void anEventTheBrokerRefusedMakesEveryRoundLookUntilNothingIsLeft() {
        after(Duration.ofMinutes(2));
        settled.relay(10);
        store.write("x", "e1", 1);
        brokerRefuses = Set.of("e1");
        assertThat(settled.publish(store.docs.get("x"))).isEqualTo(Publication.PENDING);

        after(Duration.ofSeconds(2));
        assertThat(settled.relay(10)).as("the broker still refuses").isZero();
        brokerRefuses = Set.of();
        after(Duration.ofSeconds(2));
        assertThat(settled.relay(10)).isEqualTo(1);
        after(Duration.ofSeconds(2));
        assertThat(settled.relay(10)).isZero();
        int reads = store.reads;
        after(Duration.ofSeconds(2));
        assertThat(settled.relay(10)).isZero();
        assertThat(store.reads).as("nothing left: back to sweeps").isEqualTo(reads);
        assertThat(sent).containsExactly("e1");
    }

    @Test
    void aBatchTheBrokerRefusedMakesTheNextRoundLook() {
        after(Duration.ofMinutes(2));
        settled.relay(10);
        List<Doc> claimed = List.of(writeClaimed("a", "e1", 1), writeClaimed("b", "e2", 2));
        settled.publishClaimed(claimed, docs -> {
            throw new EventNotPublishedException(new IllegalStateException("broker away"));
        });
        after(Duration.ofSeconds(2));
        assertThat(settled.relay(10)).isEqualTo(2);
    }

    @Test
    void aRoundThatReachedItsLimitLooksAgainAtTheNext() {
        after(Duration.ofMinutes(2));
        settled.relay(10);
        store.write("a", "e1", 1);
        store.write("b", "e2", 2);
        store.write("c", "e3", 3);
        after(Duration.ofSeconds(30));
        assertThat(settled.relay(2)).isEqualTo(2);
        after(Duration.ofSeconds(2));
        assertThat(settled.relay(2)).isEqualTo(1);
        assertThat(sent).containsExactly("e1", "e2", "e3");
    }
}
