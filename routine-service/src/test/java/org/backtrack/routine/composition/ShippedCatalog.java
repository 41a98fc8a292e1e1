package org.backtrack.routine.composition;

import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.backtrack.testsupport.TestDefaults.JSON;

/** The catalog content catalog-service ships, read from its source as composition sees it. */
public final class ShippedCatalog {

    public static final List<CatalogEntry> ENTRIES = load();

    private ShippedCatalog() {
    }

    public static CatalogEntry byId(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<CatalogEntry> load() {
        JsonNode file = JSON.readTree(Path.of("../catalog-service/src/main/resources/catalog/exercises.json").toFile());
        List<CatalogEntry> catalog = new ArrayList<>();
        for (JsonNode e : file.get("exercises")) {
            JsonNode d = e.get("dosage");
            catalog.add(new CatalogEntry(e.get("id").asString(), e.get("name").asString(), e.get("stage").asString(),
                    e.get("kind").asString(), strings(e.get("regions")), strings(e.get("equipment")), strings(e.get("timeOfDay")),
                    d.get("holdSeconds").isNull() ? null : d.get("holdSeconds").asInt(), d.get("reps").asInt(), d.get("sets").asInt(),
                    d.get("perSide").asBoolean(), d.get("secondsPerRep").isNull() ? null : d.get("secondsPerRep").asInt(),
                    d.get("restSeconds").asInt(), strings(e.get("contraindications")), texts(e.get("cues")), texts(e.get("stopIf")),
                    texts(e.get("progressions")), texts(e.get("regressions"))));
        }
        return List.copyOf(catalog);
    }

    static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
