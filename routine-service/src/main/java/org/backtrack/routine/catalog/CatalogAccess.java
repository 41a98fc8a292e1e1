package org.backtrack.routine.catalog;

import org.backtrack.routine.composition.CatalogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog as composition sees it: fetched live through the circuit breaker and saved as the clinic's local
 * copy; when the catalog is slow or down, the last copy is used, and the routine says so.
 */
@Component
public class CatalogAccess {

    /** Exercises for a clinic and where they came from. */
    public record Catalog(List<CatalogEntry> entries, Source source) {
    }

    public enum Source { LIVE, LOCAL_COPY }

    private static final Logger log = LoggerFactory.getLogger(CatalogAccess.class);
    private static final int PAGE_SIZE = 100;

    private final CatalogClient client;
    private final CatalogCopy copy;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final Clock clock = Clock.systemUTC();

    CatalogAccess(CatalogClient client, CatalogCopy copy, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.copy = copy;
        this.breakers = breakers;
    }

    /** @throws CatalogUnavailableException when the catalog is down and there is no copy yet */
    /**
     * @param authorization the caller's {@code Bearer} header, relayed so the catalog answers for the caller's clinic
     */
    public Catalog forClinic(String clinicId, String authorization) {
        return breakers.create("catalog").run(() -> {
            List<CatalogEntry> entries = fetch(authorization);
            copy.save(clinicId, entries, clock.instant());
            return new Catalog(entries, Source.LIVE);
        }, failure -> {
            CatalogCopy.Snapshot snapshot = copy.find(clinicId);
            if (snapshot == null) {
                throw new CatalogUnavailableException(failure);
            }
            log.warn("catalog-service unavailable ({}); composing from the copy of {}", failure.toString(), snapshot.fetchedAt());
            return new Catalog(snapshot.entries(), Source.LOCAL_COPY);
        });
    }

    /**
     * The exercises of the clinic's local copy by id, without calling the catalog: for what older routines did not
     * store (their rests and texts). Empty when no copy exists.
     */
    public Map<String, CatalogEntry> copied(String clinicId) {
        CatalogCopy.Snapshot snapshot = copy.find(clinicId);
        Map<String, CatalogEntry> byId = new HashMap<>();
        if (snapshot != null && snapshot.entries() != null) {
            snapshot.entries().forEach(entry -> byId.put(entry.id(), entry));
        }
        return byId;
    }

    private List<CatalogEntry> fetch(String authorization) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            CatalogClient.Page result = client.list(page, PAGE_SIZE, authorization);
            result.items().forEach(item -> entries.add(toEntry(item)));
            if (page + 1 >= result.totalPages()) {
                return entries;
            }
        }
    }

    private static CatalogEntry toEntry(CatalogClient.Item item) {
        CatalogClient.Dosage d = item.dosage();
        return new CatalogEntry(item.id(), item.name(), item.stage(), item.kind(), orEmpty(item.regions()), orEmpty(item.equipment()),
                orEmpty(item.timeOfDay()), d.holdSeconds(), d.reps(), d.sets(), d.perSide(), d.secondsPerRep(), d.restSeconds(),
                orEmpty(item.contraindications()), item.cues(), item.stopIf(), item.progressions(), item.regressions());
    }

    private static Set<String> orEmpty(Set<String> values) {
        return values == null ? Set.of() : values;
    }

    /** The catalog could not be reached and no copy has been saved yet. */
    public static class CatalogUnavailableException extends RuntimeException {
        CatalogUnavailableException(Throwable cause) {
            super("The exercise catalog is unavailable and no local copy exists yet; try again shortly.", cause);
        }
    }
}
