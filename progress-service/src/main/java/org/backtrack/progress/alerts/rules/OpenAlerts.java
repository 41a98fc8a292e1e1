package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A patient's tracked alerts that have not resolved, by type; immutable. */
public final class OpenAlerts {

    public static final OpenAlerts NONE = new OpenAlerts(Map.of());

    private final Map<AlertType, OpenEpisode> byType;

    private OpenAlerts(Map<AlertType, OpenEpisode> byType) {
        this.byType = byType.isEmpty() ? Map.of() : new EnumMap<>(byType);
    }

    public static OpenAlerts of(Collection<OpenEpisode> episodes) {
        Map<AlertType, OpenEpisode> byType = new EnumMap<>(AlertType.class);
        episodes.forEach(e -> byType.put(e.type(), e));
        return new OpenAlerts(byType);
    }

    public Optional<OpenEpisode> get(AlertType type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<OpenEpisode> all() {
        return List.copyOf(byType.values());
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }

    /** The open alerts once these decisions are carried out: tracked raises open, resolutions close. */
    public OpenAlerts after(List<AlertDecision> decisions) {
        Map<AlertType, OpenEpisode> next = new EnumMap<>(AlertType.class);
        next.putAll(byType);
        for (AlertDecision decision : decisions) {
            if (decision instanceof AlertDecision.Raise raise && AlertLifecycle.tracked(raise.identity().type())) {
                next.put(raise.identity().type(), raise.episode());
            } else if (decision instanceof AlertDecision.Resolve resolve) {
                OpenEpisode open = next.get(resolve.type());
                if (open != null && open.alertId().equals(resolve.alertId())) {
                    next.remove(resolve.type());
                }
            }
        }
        return new OpenAlerts(next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenAlerts o && o.byType.equals(byType);
    }

    @Override
    public int hashCode() {
        return byType.hashCode();
    }

    @Override
    public String toString() {
        return byType.values().toString();
    }
}
