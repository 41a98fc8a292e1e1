package org.backtrack.routine.composition;

import org.backtrack.events.Kind;
import org.backtrack.events.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Composes a time-budgeted routine following the facts sheet: a dynamic warm-up first, then holds, strengthening
 * last when the stage includes it; gentle mobility in the morning, deeper work in the evening; focus regions first.
 * The total, as {@link ExerciseTimeline} times each exercise (get-ready, sides, rests between sets), stays within
 * 10% of the budget and never more than a minute over it.
 * Deterministic for the same request and day; the day seeds a small variation so the list is not always the same.
 */
public final class RoutineComposer {

    public static final int MAX_SETS = 6;
    public static final int MAX_OVER_SECONDS = 60;
    public static final double MIN_FILL = 0.9;
    /** Above any other score: an alternative chosen from feedback is in the plan whenever it fits the budget. */
    static final double PREFERRED_BOOST = 100;

    public RoutinePlan compose(CompositionRequest request, List<CatalogEntry> catalog) {
        return compose(request, catalog, List.of());
    }

    /**
     * As {@link #compose(CompositionRequest, List)}, with the patient's feedback applied first: an adjusted exercise
     * the request would allow is replaced by the first of its alternatives the request allows (which the plan then
     * prefers to every other exercise), else left out unless it may stay. Each change is named in the plan's notes
     * and in the reason of the item put in its place.
     */
    public RoutinePlan compose(CompositionRequest request, List<CatalogEntry> catalog, List<ExerciseAdjustment> adjustments) {
        int budget = request.budgetSeconds();
        int limit = Math.min(budget + MAX_OVER_SECONDS, (int) Math.floor(budget * 1.1));
        Random variety = new Random(Objects.hash(request.patientId(), request.date()));
        List<String> notes = new ArrayList<>();
        Map<String, String> preferred = new HashMap<>();
        Set<String> leftOut = adjust(request, catalog, adjustments, preferred, notes);
        Map<String, Double> score = new HashMap<>();
        List<CatalogEntry> eligible = new ArrayList<>();
        for (CatalogEntry entry : catalog) {
            if (eligible(entry, request) && !leftOut.contains(entry.id())) {
                eligible.add(entry);
                score.put(entry.id(), score(entry, request) + variety.nextDouble() * 0.9
                        + (preferred.containsKey(entry.id()) ? PREFERRED_BOOST : 0));
            }
        }
        eligible.sort(Comparator.comparingDouble((CatalogEntry e) -> -score.get(e.id())).thenComparing(CatalogEntry::id));
        if (eligible.isEmpty()) {
            notes.add("No catalog exercise fits the equipment, time of day, stage and exclusions given.");
            return new RoutinePlan(budget, 0, List.of(), notes);
        }

        // choose: one warm-up, one strengthening exercise if the stage includes it, one deeper hold in the evening
        // from the deeper stage on (muscles are warm; strengthening is paired with stretching), then the best of the rest
        Map<CatalogEntry, Integer> sets = new LinkedHashMap<>();
        eligible.stream().filter(e -> section(e) == RoutinePlan.Section.WARM_UP).findFirst()
                .filter(e -> total(add(sets, e)) <= limit).ifPresent(e -> sets.put(e, 1));
        if (is(request.stage(), Stage.STRENGTHENING)) {
            eligible.stream().filter(e -> section(e) == RoutinePlan.Section.STRENGTHENING).findFirst()
                    .filter(e -> total(add(sets, e)) <= limit).ifPresent(e -> sets.put(e, 1));
        }
        if ("EVENING".equals(request.timeOfDay()) && request.stage() != null && !is(request.stage(), Stage.first())) {
            eligible.stream().filter(RoutineComposer::deeperHold).findFirst()
                    .filter(e -> total(add(sets, e)) <= limit).ifPresent(e -> sets.put(e, 1));
        }
        for (CatalogEntry e : eligible) {
            if (!sets.containsKey(e) && total(add(sets, e)) <= budget) {
                sets.put(e, 1);
            }
        }
        if (sets.isEmpty()) { // even the shortest single exercise is longer than the budget
            CatalogEntry shortest = eligible.stream().min(Comparator.comparingInt(e -> e.seconds(1))).orElseThrow();
            if (shortest.seconds(1) <= limit) {
                sets.put(shortest, 1);
            }
        }
        // fill up to the budget with extra sets, best-scored exercises first
        boolean grew = true;
        while (total(sets) < budget * MIN_FILL && grew) {
            grew = false;
            for (CatalogEntry e : new ArrayList<>(sets.keySet())) {
                Map<CatalogEntry, Integer> more = new LinkedHashMap<>(sets);
                more.put(e, sets.get(e) + 1);
                if (sets.get(e) < MAX_SETS && total(more) <= limit) {
                    sets.put(e, sets.get(e) + 1);
                    grew = true;
                    if (total(sets) >= budget * MIN_FILL) {
                        break;
                    }
                }
            }
        }
        int total = total(sets);
        if (total < budget * MIN_FILL) {
            notes.add("Only " + eligible.size() + " exercise(s) fit the equipment, time of day and exclusions: the plan runs "
                    + total + " s of the " + budget + " s asked for.");
        }

        List<CatalogEntry> ordered = new ArrayList<>(sets.keySet());
        ordered.sort(Comparator.comparing(RoutineComposer::section).thenComparingDouble(e -> -score.get(e.id())));
        List<RoutinePlan.Item> items = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            CatalogEntry e = ordered.get(i);
            items.add(new RoutinePlan.Item(i + 1, e.id(), e.name(), section(e), sets.get(e), e.reps(), e.holdSeconds(),
                    e.secondsPerRep(), e.perSide(), ExerciseTimeline.workSeconds(e.dosage(), sets.get(e)),
                    ExerciseTimeline.GET_READY_SECONDS, preferred.containsKey(e.id()) ? reason(e, request) + "; " + preferred.get(e.id())
                    : reason(e, request), e.restSeconds(), e.cues(), e.stopIf()));
        }
        return new RoutinePlan(budget, total, items, notes);
    }

    /**
     * Applies the adjustments of exercises the request allows: returns the ids left out, and fills {@code preferred}
     * with the alternatives put in their place (id to why). Exercises that may not stay are left out before any
     * alternative is chosen, so an exercise that hurt never comes back as another one's alternative.
     */
    private static Set<String> adjust(CompositionRequest request, List<CatalogEntry> catalog, List<ExerciseAdjustment> adjustments,
                                      Map<String, String> preferred, List<String> notes) {
        Map<String, CatalogEntry> byId = new HashMap<>();
        catalog.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<ExerciseAdjustment> applying = adjustments.stream()
                .filter(a -> byId.containsKey(a.exerciseId()) && eligible(byId.get(a.exerciseId()), request)).toList();
        Set<String> leftOut = new HashSet<>();
        applying.stream().filter(a -> !a.keepWhenNoneFits()).forEach(a -> leftOut.add(a.exerciseId()));
        for (ExerciseAdjustment adjustment : applying) {
            CatalogEntry original = byId.get(adjustment.exerciseId());
            var alternative = adjustment.instead().stream().map(byId::get).filter(Objects::nonNull)
                    .filter(e -> eligible(e, request) && !leftOut.contains(e.id()) && !preferred.containsKey(e.id())).findFirst();
            if (alternative.isPresent()) {
                leftOut.add(original.id());
                preferred.put(alternative.get().id(), "in place of " + original.name() + ", which " + adjustment.reason());
                notes.add(alternative.get().name() + " in place of " + original.name() + ", which " + adjustment.reason() + ".");
            } else if (!adjustment.keepWhenNoneFits()) {
                notes.add(original.name() + " left out: it " + adjustment.reason() + ".");
            }
        }
        return leftOut;
    }

    static boolean eligible(CatalogEntry e, CompositionRequest r) {
        if (r.excludedExercises().contains(e.id()) || e.seconds(1) <= 0) {
            return false;
        }
        // up to the request's stage of the ladder (the first without one); recovery tools sit beside it, never in a routine
        int allowed = Stage.onLadderNamed(r.stage()).map(Stage::rung).orElse(0);
        int stage = Stage.onLadderNamed(e.stage()).map(Stage::rung).orElse(-1);
        if (stage < 0 || stage > allowed) {
            return false;
        }
        if (!r.availableEquipment().containsAll(e.equipment().stream().filter(q -> !"MAT".equals(q) && !"BED".equals(q)).toList())) {
            return false; // a mat or a bed counts as always at hand; anything else must be declared
        }
        if (e.contraindications().stream().anyMatch(r.contraindications()::contains)) {
            return false;
        }
        return RequestDefaults.ANY_TIME.equals(r.timeOfDay()) || r.timeOfDay() == null || e.timeOfDay().contains(r.timeOfDay());
    }

    private static double score(CatalogEntry e, CompositionRequest r) {
        double score = 2.0 * e.regions().stream().filter(r.focusRegions()::contains).count();
        if (Objects.equals(e.stage(), r.stage())) {
            score += 1.5; // the patient's current stage is the heart of the routine
        }
        if ("MORNING".equals(r.timeOfDay()) && is(e.kind(), Kind.DYNAMIC)) {
            score += 1; // gentle mobility in the morning
        }
        if ("EVENING".equals(r.timeOfDay()) && is(e.stage(), Stage.DEEPER)) {
            score += 1; // deeper work in the evening, muscles are warm
        }
        return score;
    }

    static boolean deeperHold(CatalogEntry e) {
        return is(e.stage(), Stage.DEEPER) && e.holdSeconds() != null && section(e) == RoutinePlan.Section.HOLDS;
    }

    static RoutinePlan.Section section(CatalogEntry e) {
        if (is(e.kind(), Kind.STRENGTH) || is(e.stage(), Stage.STRENGTHENING)) {
            return RoutinePlan.Section.STRENGTHENING;
        }
        return is(e.kind(), Kind.DYNAMIC) && is(e.stage(), Stage.BASIC) ? RoutinePlan.Section.WARM_UP : RoutinePlan.Section.HOLDS;
    }

    private static String reason(CatalogEntry e, CompositionRequest r) {
        List<String> why = new ArrayList<>();
        switch (section(e)) {
            case WARM_UP -> why.add("dynamic warm-up first, moving in and out of the stretch with control");
            case STRENGTHENING -> why.add("strengthening last, to hold the gains of stretching");
            default -> why.add(is(e.stage(), Stage.DEEPER) ? "deeper stretch of the current stage" : "gentle hold");
        }
        Set<String> matched = new java.util.TreeSet<>(e.regions());
        matched.retainAll(r.focusRegions());
        if (!matched.isEmpty()) {
            why.add("works the focus " + String.join(", ", matched).toLowerCase().replace('_', ' '));
        }
        if ("MORNING".equals(r.timeOfDay()) && is(e.kind(), Kind.DYNAMIC)) {
            why.add("suits the morning");
        }
        if ("EVENING".equals(r.timeOfDay()) && is(e.stage(), Stage.DEEPER)) {
            why.add("evening: muscles are warm for deeper work");
        }
        return String.join("; ", why);
    }

    /** Whether a name the catalog or the request gave is this value of the vocabulary. */
    private static boolean is(String name, Enum<?> value) {
        return value.name().equals(name);
    }

    private static Map<CatalogEntry, Integer> add(Map<CatalogEntry, Integer> sets, CatalogEntry e) {
        Map<CatalogEntry, Integer> more = new LinkedHashMap<>(sets);
        more.put(e, 1);
        return more;
    }

    /** What the chosen exercises take one after another, each with its get-ready. */
    static int total(Map<CatalogEntry, Integer> sets) {
        int seconds = 0;
        for (var entry : sets.entrySet()) {
            seconds += entry.getKey().seconds(entry.getValue());
        }
        return seconds;
    }
}
