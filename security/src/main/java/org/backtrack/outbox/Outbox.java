package org.backtrack.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers the events documents owe: right after the write ({@link #publish}) and later, oldest first, from the relay
 * ({@link #relay}). A claim left by a sender that died is taken back after the stale-claim time; at worst an event is
 * sent twice with the same id, so delivery is at least once.
 *
 * @param <T> the document type that owes events
 */
public final class Outbox<T> {

    /** Sends one owed event and waits for the broker's acknowledgement. */
    @FunctionalInterface
    public interface Sender<T> {
        /** @throws EventNotPublishedException when the broker did not acknowledge it in time */
        void send(T owed);
    }

    /** Sends the owed events of several documents together and waits once for all of them. */
    @FunctionalInterface
    public interface BatchSender<T> {
        /** @throws EventNotPublishedException when the broker did not acknowledge every one in time */
        void sendAll(List<T> owed);
    }

    /** The gauge of events owed, tagged {@code events} (session, catalog, alert), for the alert on a stuck outbox. */
    public static final String OWED_GAUGE = "backtrack.outbox.owed";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OwedEvents<T> events;
    private final Sender<T> sender;
    private final Duration staleClaim;
    private final Clock clock;

    public Outbox(OwedEvents<T> events, Sender<T> sender, Duration staleClaim, Clock clock) {
        this.events = events;
        this.sender = sender;
        this.staleClaim = staleClaim;
        this.clock = clock;
    }

    /** How many events are owed now (one count query): the {@value #OWED_GAUGE} gauge reads it on a scrape. */
    public long countOwed() {
        return events.countOwed();
    }

    /**
     * Tries to deliver the event {@code owed} owes now.
     *
     * @return PUBLISHED when the broker acknowledged it; PENDING when it is still owed (broker away, or another sender
     * has it), for the relay to deliver
     */
    public Publication publish(T owed) {
        if (!events.transition(owed, Publication.PENDING, Publication.PUBLISHING)) {
            return Publication.PENDING; // another sender has it, or a newer version replaced it
        }
        return sendClaimed(() -> sender.send(owed), to -> events.transition(owed, Publication.PUBLISHING, to));
    }

    /**
     * Delivers the events of documents their writer stored already claimed ({@link Publication#PUBLISHING}, claimed
     * at the write): one send of all of them, one wait, one bookkeeping round trip, instead of a claim, a send and a
     * mark per document. For writers that change many documents at once (a consumer's batch). Should this sender die
     * midway, the claims go stale and the relay delivers the events.
     *
     * @return PUBLISHED when the broker acknowledged every event; PENDING when they are owed again, for the relay
     */
    public Publication publishClaimed(List<T> claimed, BatchSender<T> batchSender) {
        if (claimed.isEmpty()) {
            return Publication.PUBLISHED;
        }
        return sendClaimed(() -> batchSender.sendAll(claimed), to -> events.transitionAll(claimed, Publication.PUBLISHING, to));
    }

    /**
     * Sends what is claimed and settles the claim: published once the broker acknowledged, owed again when it did not.
     *
     * @param settle moves the claimed documents from {@link Publication#PUBLISHING} to the given state
     */
    private static Publication sendClaimed(Runnable send, Consumer<Publication> settle) {
        try {
            send.run();
        } catch (EventNotPublishedException brokerAway) {
            settle.accept(Publication.PENDING);
            return Publication.PENDING;
        }
        settle.accept(Publication.PUBLISHED);
        return Publication.PUBLISHED;
    }

    /**
     * Delivers up to {@code limit} owed events, oldest first, stopping at the first that cannot be delivered so the
     * order holds (the next round starts there again).
     *
     * @return how many were delivered
     */
    public int relay(int limit) {
        return relay(limit, null);
    }

    /**
     * {@link #relay(int)}, saying at INFO how many events of this kind ({@code "session"}, {@code "catalog"}) waited
     * for the broker, when any did.
     */
    public int relay(int limit, String kind) {
        int delivered = 0;
        List<T> owed = events.owed(clock.instant().minus(staleClaim), limit);
        for (T next : owed) {
            if (events.publicationOf(next) == Publication.PUBLISHING) {
                events.transition(next, Publication.PUBLISHING, Publication.PENDING); // its sender died
            }
            if (publish(next) != Publication.PUBLISHED) {
                break;
            }
            delivered++;
        }
        if (delivered > 0 && kind != null) {
            log.info("relayed {} {} event(s) that were waiting for the broker", delivered, kind);
        }
        return delivered;
    }
}
