package org.backtrack.events;

import java.util.List;

/**
 * The CloudEvents types catalog-service publishes on {@link Topics#CATALOG}: the new state of an exercise, or its
 * retirement (their data: the exercise as the catalog API serves it, or its id, clinic and version).
 */
public final class CatalogEventTypes {

    public static final String UPSERTED = "backtrack.catalog.exercise-upserted.v1";
    public static final String RETIRED = "backtrack.catalog.exercise-retired.v1";

    private CatalogEventTypes() {
    }

    public static List<String> all() {
        return List.of(UPSERTED, RETIRED);
    }
}
