package org.backtrack.routine.catalog;

import org.backtrack.catalogview.CatalogView;
import org.backtrack.events.CatalogExerciseChanged;
import org.backtrack.routine.composition.CatalogEntry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog as composition sees it: fetched live through the circuit breaker, with the caller's token, so the
 * catalog answers exactly as it would the caller; when the catalog is slow or down, the service's catalog view (fed
 * by {@code backtrack.catalog}, {@link CatalogView}) stands in, and the routine says so.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CatalogAccess {

    /** Exercises for a clinic and where they came from. */
    public record Catalog(List<CatalogEntry> entries, Source source) {
    }

    /** {@code LOCAL_COPY}: the catalog view, since catalog-service did not answer. */
    public enum Source { LIVE, LOCAL_COPY }

    private static final Logger log = LoggerFactory.getLogger(CatalogAccess.class);
    private static final int PAGE_SIZE = 100;

    private final CatalogClient client;
    private final CatalogView view;
    private final CircuitBreakerFactory<?, ?> breakers;

    /**
     * @param authorization the caller's {@code Bearer} header, relayed so the catalog answers for the caller's clinic
     * @throws CatalogUnavailableException when the catalog is down and the view holds nothing for the clinic yet
     */
    public Catalog forClinic(String clinicId, String authorization) {
        return breakers.create("catalog").run(() -> new Catalog(fetch(authorization), Source.LIVE), failure -> {
            List<CatalogEntry> entries = view.listedFor(clinicId).stream().map(CatalogAccess::toEntry).toList();
            if (entries.isEmpty()) {
                throw new CatalogUnavailableException(failure);
            }
            log.warn("catalog-service unavailable ({}); composing from the catalog view", failure.toString());
            return new Catalog(entries, Source.LOCAL_COPY);
        });
    }

    /**
     * The exercise of the clinic's catalog view with this id, retired ones included, without calling the catalog: for
     * what older routines did not store (their rests and texts).
     */
    public Optional<CatalogEntry> fromView(String clinicId, String exerciseId) {
        return view.find(clinicId, exerciseId).filter(exercise -> exercise.dosage() != null).map(CatalogAccess::toEntry);
    }

    /** The listed exercises of the clinic's catalog view by id (none retired), without calling the catalog. */
    public Map<String, CatalogEntry> fromView(String clinicId) {
        Map<String, CatalogEntry> byId = new HashMap<>();
        view.listedFor(clinicId).stream().filter(exercise -> exercise.dosage() != null)
                .forEach(exercise -> byId.put(exercise.id(), toEntry(exercise)));
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

    private static CatalogEntry toEntry(CatalogExerciseChanged exercise) {
        CatalogExerciseChanged.Dosage d = exercise.dosage();
        return new CatalogEntry(exercise.id(), exercise.name(), exercise.stage(), exercise.kind(), Set.copyOf(exercise.regions()),
                Set.copyOf(exercise.equipment()), Set.copyOf(exercise.timeOfDay()), d.holdSeconds(), d.reps(), d.sets(), d.perSide(),
                d.secondsPerRep(), d.restSeconds(), Set.copyOf(exercise.contraindications()), exercise.cues(), exercise.stopIf(), exercise.progressions(),
                exercise.regressions());
    }

    private static Set<String> orEmpty(Set<String> values) {
        return values == null ? Set.of() : values;
    }

    /** The catalog could not be reached and the catalog view holds nothing for the clinic yet. */
    public static class CatalogUnavailableException extends RuntimeException {
        CatalogUnavailableException(Throwable cause) {
            super("The exercise catalog is unavailable and no local copy exists yet; try again shortly.", cause);
        }
    }
}
