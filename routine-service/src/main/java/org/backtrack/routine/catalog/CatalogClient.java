package org.backtrack.routine.catalog;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Set;

/**
 * catalog-service's list endpoint, resolved by name through Spring Cloud LoadBalancer. Called with the caller's own
 * bearer token, so the catalog shows exactly what that caller's clinic may see.
 */
@FeignClient(name = "catalog-service")
interface CatalogClient {

    @GetMapping("/api/v1/exercises")
    Page list(@RequestParam("page") int page, @RequestParam("size") int size,
              @RequestHeader("Authorization") String authorization);

    record Page(List<Item> items, int totalPages) {
    }

    record Item(String id, String clinicId, String name, String stage, String kind, Set<String> regions, Set<String> equipment,
                Set<String> timeOfDay, Dosage dosage, Set<String> contraindications, List<String> cues, List<String> stopIf,
                List<String> progressions, List<String> regressions) {
    }

    record Dosage(Integer holdSeconds, int reps, int sets, boolean perSide, Integer secondsPerRep, int restSeconds) {
    }
}
