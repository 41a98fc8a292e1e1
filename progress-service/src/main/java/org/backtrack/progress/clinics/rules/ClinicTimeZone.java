package org.backtrack.progress.clinics.rules;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Decides which time zone a clinic may set: an IANA region id that {@link ZoneId} knows ({@code America/New_York},
 * {@code Europe/Berlin}, {@code UTC}), so its daylight-saving changes follow the region's rules. Fixed offsets such as
 * {@code +02:00} or {@code UTC+2} are refused: they would count the wrong days for half of the year.
 */
public final class ClinicTimeZone {

    /** The longest region id accepted (the longest known ones are about 30 characters). */
    public static final int MAX_LENGTH = 64;

    private ClinicTimeZone() {
    }

    /** The zone for a region id, empty for anything else (null, blank, an offset, an unknown region). */
    public static Optional<ZoneId> of(String regionId) {
        if (regionId == null || regionId.isBlank() || regionId.length() > MAX_LENGTH
                || !ZoneId.getAvailableZoneIds().contains(regionId)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(regionId));
    }
}
