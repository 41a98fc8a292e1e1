package org.backtrack.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Delivers the events documents owe: right after the write ({@link #publish}) and later, oldest first, from the relay
 * ({@link #relay}). A claim left by a sender that died is taken back after the stale-claim time; at worst an event is
 * sent twice with the same id, so delivery is at least once.
 * <p>
 * The relay asks the store for owed events only when this process knows it may owe some (at its start, and after a
 * send the broker did not acknowledge, until a round finds nothing left), and otherwise once per sweep interval, for
 * the events of another instance that died between its write and its send. Asking every round made each relay round
 * a read of the whole collection on a store without a usable index (the embedded server), for nothing: almost every
 * event is delivered by its writer.
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
    private final long sweepNanos;
    private final LongSupplier ticker;
    /** Set when this process left an event owed (or has not looked yet): the next relay round asks the store. */
    private final AtomicBoolean mayOwe = new AtomicBoolean(true);
    /** When the next sweep is due, on {@link System#nanoTime()} (not the domain clock, which tests may fix). */
    private final AtomicLong nextSweep = new AtomicLong();
    /**
     * Until a stale-claim time after this start, every round asks: claims a predecessor left when it was killed turn
     * stale within it, and are taken back as soon as they do, as before.
     */
    private final long everyRoundUntil;

    /**
     * @param staleClaim how old a claim must be before the relay takes it back from a sender presumed dead
     * @param sweep      how often the relay asks the store although this process knows of no owed event: the longest
     *                   an event another instance left owed (it died between write and send) waits, beyond its
     *                   stale claim
     */
    public Outbox(OwedEvents<T> events, Sender<T> sender, Duration staleClaim, Duration sweep, Clock clock) {
        this(events, sender, staleClaim, sweep, clock, System::nanoTime);
    }

    Outbox(OwedEvents<T> events, Sender<T> sender, Duration staleClaim, Duration sweep, Clock clock, LongSupplier ticker) {
        this.ticker = ticker;
        this.events = events;
        this.sender = sender;
        this.staleClaim = staleClaim;
        this.sweepNanos = sweep.toNanos();
        this.clock = clock;
        long start = ticker.getAsLong();
        this.nextSweep.set(start);
        this.everyRoundUntil = start + staleClaim.toNanos() + Duration.ofSeconds(1).toNanos();
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
     * Delivers the event of one document its writer stored already claimed ({@link Publication#PUBLISHING}, claimed at
     * the write) with this outbox's sender: one write fewer than {@link #publish}, which claims a document stored owed.
     * Should this sender die before the acknowledgement, the claim goes stale and the relay delivers the event.
     *
     * @return PUBLISHED when the broker acknowledged it; PENDING when it is owed again, for the relay
     */
    public Publication publishClaimed(T claimed) {
        return sendClaimed(() -> sender.send(claimed), to -> events.transition(claimed, Publication.PUBLISHING, to));
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
    private Publication sendClaimed(Runnable send, Consumer<Publication> settle) {
        try {
            send.run();
        } catch (EventNotPublishedException brokerAway) {
            settle.accept(Publication.PENDING);
            mayOwe.set(true);
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
        long now = ticker.getAsLong();
        long sweepDue = nextSweep.get();
        // cleared before the read: a send failing meanwhile sets it again, so the next round looks again
        if (!mayOwe.getAndSet(false) && now - sweepDue < 0 && now - everyRoundUntil >= 0) {
            return 0;
        }
        nextSweep.set(now + sweepNanos);
        int delivered = 0;
        List<T> owed = events.owed(clock.instant().minus(staleClaim), limit);
        for (T next : owed) {
            if (events.publicationOf(next) == Publication.PUBLISHING) {
                events.transition(next, Publication.PUBLISHING, Publication.PENDING); // its sender died
            }
            if (publish(next) != Publication.PUBLISHED) {
                mayOwe.set(true); // the broker is away, or another sender has it: look again next round
                break;
            }
            delivered++;
        }
        if (owed.size() == limit) {
            mayOwe.set(true); // more may wait behind this round's limit
        }
        if (delivered > 0 && kind != null) {
            log.info("relayed {} {} event(s) that were waiting for the broker", delivered, kind);
        }
        return delivered;
    }
}
