package org.backtrack.routine.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Delivers session events that could not be published when the session was logged (broker away), oldest first.
 * A claim left by a sender that died is taken back after {@link #STALE_CLAIM}; at worst an event is sent twice with
 * the same id, which consumers count once.
 */
@Component
class SessionRelay {

    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SessionRelay.class);

    private final LoggedSessions sessions;
    private final SessionLog sessionLog;
    private final Clock clock = Clock.systemUTC();

    SessionRelay(LoggedSessions sessions, SessionLog sessionLog) {
        this.sessions = sessions;
        this.sessionLog = sessionLog;
    }

    @Scheduled(initialDelayString = "${backtrack.sessions.relay-interval}", fixedDelayString = "${backtrack.sessions.relay-interval}")
    void deliverOwedEvents() {
        int delivered = 0;
        for (LoggedSession owed : sessions.owed(clock.instant().minus(STALE_CLAIM), BATCH)) {
            if (owed.publication() == LoggedSession.Publication.PUBLISHING) {
                sessions.release(owed);
                owed = owed.withPublication(LoggedSession.Publication.PENDING);
            }
            if (sessionLog.publish(owed).publication() != LoggedSession.Publication.PUBLISHED) {
                break; // broker still away; keep the order and try again next round
            }
            delivered++;
        }
        if (delivered > 0) {
            log.info("relayed {} session event(s) that were waiting for the broker", delivered);
        }
    }
}
