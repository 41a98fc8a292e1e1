package org.backtrack.catalog.web;

import org.backtrack.catalog.exercises.ClinicExercises;
import org.backtrack.catalog.model.Equipment;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.model.ExerciseDraft;
import org.backtrack.catalog.model.ExerciseFilter;
import org.backtrack.events.Kind;
import org.backtrack.events.Region;
import org.backtrack.events.Stage;
import org.backtrack.catalog.model.TimeOfDay;
import io.swagger.v3.oas.annotations.Operation;
import org.backtrack.problems.ErrorAnswer;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The exercise library: built-in content plus the clinic exercises of the token's clinic. Another clinic's
 * exercise answers 404 as if it did not exist.
 */
@RestController
@RequiredArgsConstructor
class ExerciseController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 100;
    static final Map<String, Sort> SORTS = Map.of(
            "id", Sort.by("_id"),
            "name", Sort.by("name", "_id"),
            "stage", Sort.by("stage", "_id"),
            "duration", Sort.by("estimatedSeconds", "_id"));

    private final ClinicExercises clinicExercises;

    static final String ETAG = "The exercise's version, for a later If-Match";
    static final String STALE = "The exercise changed since the ETag given in If-Match was read";
    static final String NO_IF_MATCH = "If-Match is missing";

    static final String DRAFT_EXAMPLE = """
            {"slug": "supported-cat-cow", "name": "Supported Cat-Cow", "stage": "BASIC", "kind": "DYNAMIC",
             "regions": ["WHOLE_SPINE"], "equipment": ["MAT"], "timeOfDay": ["MORNING"],
             "dosage": {"holdSeconds": null, "reps": 8, "sets": 1, "perSide": false, "secondsPerRep": 6, "restSeconds": 0},
             "summary": "Cat-cow with the forearms on a chair seat, for patients whose wrists do not bear weight.",
             "steps": ["Kneel facing a chair, forearms on the seat.", "Round the back as you breathe out, arch it as you breathe in."],
             "cues": ["Move slowly with the breath."], "cautions": ["Keep the range small if the lower back pinches."],
             "stopIf": ["Sharp pain", "Pain travelling down a leg"], "contraindications": ["KNEE_PROBLEMS"],
             "progressions": ["pigeon-pose"], "regressions": []}""";

    @Operation(summary = "List exercises", description = "Built-in content plus the caller's clinic exercises, retired ones excluded. "
            + "Filters combine (AND); q searches name, summary, steps and cues; sort by id, name, stage or duration, always "
            + "ending with the id so pages are stable.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.PATIENT_NAME, Role.INTEGRATION_NAME, Role.PLATFORM_ADMIN_NAME})
    @GetMapping("/api/v1/exercises")
    ExercisePage list(@RequestParam Optional<String> stage, @RequestParam Optional<String> region,
                      @RequestParam Optional<String> kind, @RequestParam Optional<String> equipment,
                      @RequestParam Optional<String> timeOfDay, @RequestParam Optional<String> q,
                      @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size,
                      @RequestParam(defaultValue = "id") String sort, Caller caller) {
        var filter = new ExerciseFilter(parse("stage", stage, Stage.class), parse("region", region, Region.class),
                parse("kind", kind, Kind.class), parse("equipment", equipment, Equipment.class),
                parse("timeOfDay", timeOfDay, TimeOfDay.class), q.map(String::strip).filter(s -> !s.isEmpty()));
        filter.text().filter(s -> s.length() > MAX_QUERY_LENGTH)
                .ifPresent(s -> { throw new BadParameterException("q", "must be at most " + MAX_QUERY_LENGTH + " characters"); });
        int pageNumber = bounded("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = bounded("size", size, 1, MAX_PAGE_SIZE);
        Sort order = Optional.ofNullable(SORTS.get(sort)).orElseThrow(() -> new BadParameterException("sort",
                "unknown value '" + sort + "'; one of " + SORTS.keySet().stream().sorted().toList()));
        // every sort ends with the unique id, so pages are stable
        Page<Exercise> result = clinicExercises.find(filter, caller.clinicId(), PageRequest.of(pageNumber, pageSize, order));
        return new ExercisePage(result.getContent(), pageNumber, pageSize, result.getTotalElements(), result.getTotalPages());
    }

    @Operation(summary = "Read one exercise", description = "With an ETag (its version) for a later If-Match. "
            + "Another clinic's exercise answers 404. Retired exercises stay readable, with retired = true.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.PATIENT_NAME, Role.INTEGRATION_NAME, Role.PLATFORM_ADMIN_NAME})
    @GetMapping("/api/v1/exercises/{id}")
    ResponseEntity<Exercise> one(@PathVariable String id, Caller caller) {
        return withETag(ResponseEntity.ok(), visible(id, caller.clinicId()));
    }

    /** Where an exercise leads (harder) and what to fall back to (easier), as full entries. */
    @Operation(summary = "Progressions and regressions of an exercise")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.PATIENT_NAME, Role.INTEGRATION_NAME, Role.PLATFORM_ADMIN_NAME})
    @GetMapping("/api/v1/exercises/{id}/progressions")
    Progressions progressions(@PathVariable String id, Caller caller) {
        String clinicId = caller.clinicId();
        Exercise exercise = visible(id, clinicId);
        return new Progressions(id, resolve(exercise.progressions(), clinicId), resolve(exercise.regressions(), clinicId));
    }

    @Operation(summary = "Create a clinic exercise", description = "Visible to the caller's clinic only; its id is "
            + "<clinicId>.<slug>. Announced on backtrack.catalog: 201 once the broker acknowledged the event, 202 when it "
            + "is stored and its event owed (broker away; delivered later, in order).",
            responses = {@ApiResponse(responseCode = "201", description = "Created; the broker has its event",
                    headers = @Header(name = "ETag", description = ETAG), content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Exercise.class))),
                    @ApiResponse(responseCode = "202", description = "Stored; its event is owed (broker away)",
                            headers = @Header(name = "ETag", description = ETAG), content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = Exercise.class)))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "supported cat-cow", value = DRAFT_EXAMPLE))))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
    @ErrorAnswer(status = 409, when = "The clinic already has an exercise with this slug")
    @PostMapping("/api/v1/exercises")
    ResponseEntity<Exercise> create(@RequestBody ExerciseDraft draft, Caller caller) {
        ClinicExercises.Change created = clinicExercises.create(contentOwner(caller), draft);
        URI location = URI.create("/api/v1/exercises/" + created.exercise().id());
        return withETag(created.eventOwed() ? ResponseEntity.accepted().location(location) : ResponseEntity.created(location),
                created.exercise());
    }

    @Operation(summary = "Edit a clinic exercise", description = "Requires If-Match with the ETag read: 428 without it, "
            + "412 when the exercise changed since. Built-in content answers 403 (except to platform administrators). "
            + "200 once the broker acknowledged the change event, 202 when the event is owed (broker away).",
            responses = {@ApiResponse(responseCode = "200", description = "Changed; the broker has its event",
                    headers = @Header(name = "ETag", description = ETAG), content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Exercise.class))),
                    @ApiResponse(responseCode = "202", description = "Changed; its event is owed (broker away)",
                            headers = @Header(name = "ETag", description = ETAG), content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = Exercise.class)))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "supported cat-cow", value = DRAFT_EXAMPLE))))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
    @ErrorAnswer(status = 412, when = STALE)
    @ErrorAnswer(status = 428, when = NO_IF_MATCH)
    @PutMapping("/api/v1/exercises/{id}")
    ResponseEntity<Exercise> update(@PathVariable String id, @RequestBody ExerciseDraft draft,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        ClinicExercises.Change updated = clinicExercises.update(contentOwner(caller), id, ETags.expectedVersion(ifMatch), draft);
        return withETag(updated.eventOwed() ? ResponseEntity.accepted() : ResponseEntity.ok(), updated.exercise());
    }

    /** Retires the exercise: gone from lists, still readable by id for routines that used it. */
    @Operation(summary = "Retire a clinic exercise", description = "Requires If-Match; gone from lists, still readable by id. "
            + "204 once the broker acknowledged the event, 202 when it is owed (broker away).",
            responses = {@ApiResponse(responseCode = "204", description = "Retired; the broker has its event"),
                    @ApiResponse(responseCode = "202", description = "Retired; its event is owed (broker away)")})
    @ErrorAnswer(status = 412, when = STALE)
    @ErrorAnswer(status = 428, when = NO_IF_MATCH)
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME})
    @DeleteMapping("/api/v1/exercises/{id}")
    ResponseEntity<Void> retire(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                Caller caller) {
        ClinicExercises.Change retired = clinicExercises.retire(contentOwner(caller), id, ETags.expectedVersion(ifMatch));
        return retired.eventOwed() ? ResponseEntity.accepted().build() : ResponseEntity.noContent().build();
    }

    record ExercisePage(List<Exercise> items, int page, int size, long totalItems, int totalPages) {
    }

    record Progressions(String id, List<Exercise> progressions, List<Exercise> regressions) {
    }

    private Exercise visible(String id, String clinicId) {
        return clinicExercises.visible(id, clinicId).orElseThrow(() -> new ClinicExercises.ExerciseNotFoundException(id));
    }

    private List<Exercise> resolve(List<String> ids, String clinicId) {
        return ids.stream().flatMap(i -> clinicExercises.visible(i, clinicId).stream()).toList();
    }

    private static ResponseEntity<Exercise> withETag(ResponseEntity.BodyBuilder builder, Exercise exercise) {
        return builder.eTag(ETags.of(exercise.version())).body(exercise);
    }

    /**
     * Whose content a write changes: the built-in catalog (null) for platform administrators, otherwise the
     * caller's clinic. Clinic staff can never reach built-in content, nor an administrator a clinic's.
     */
    private static String contentOwner(Caller caller) {
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return null;
        }
        if (caller.clinicId() == null) {
            throw new AccessDeniedException("clinic content needs a clinic in the token");
        }
        return caller.clinicId();
    }

    private static <E extends Enum<E>> Optional<E> parse(String name, Optional<String> value, Class<E> type) {
        return value.map(v -> {
            try {
                return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(name, "unknown value '" + v + "'; one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    private static int bounded(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(name, "must be an integer from " + min + " to " + max);
    }
}
