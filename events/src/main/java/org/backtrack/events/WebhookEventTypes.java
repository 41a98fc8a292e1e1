package org.backtrack.events;

import java.util.List;

/**
 * The event types a clinic's webhook may subscribe to: every type of {@link Topics#SESSIONS}, {@link Topics#PROGRESS}
 * and {@link Topics#PROGRAMS} that BackTrack defines. A webhook receives each such event of its own clinic, unchanged, as the CloudEvent in
 * structured JSON.
 */
public final class WebhookEventTypes {

    /** In the order the API lists them. */
    public static final List<String> ALL = List.of(SessionCompleted.TYPE, ProgressStatusChanged.TYPE, AlertRaised.TYPE,
            AlertAcknowledged.TYPE, AlertResolved.TYPE, WebhookEndpointDisabled.TYPE, ProgramChanged.TYPE, MonitoringDaysReached.TYPE);

    private WebhookEventTypes() {
    }

    public static boolean isKnown(String type) {
        return ALL.contains(type);
    }
}
