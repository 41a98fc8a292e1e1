package org.backtrack.progress.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Lists the sessions of a database written before {@link PatientSessionMonths} existed, once, before the consumer
 * starts (containers start after every singleton is ready), so older data directories keep working.
 */
@Component
public class SessionIndexBackfill implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SessionIndexBackfill.class);

    private final RecordedSessions sessions;

    SessionIndexBackfill(RecordedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (sessions.needsIndex()) {
            long started = System.nanoTime();
            int listed = sessions.reindex();
            log.info("Listed {} sessions by patient and month in {} ms (first start on older data)", listed,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
