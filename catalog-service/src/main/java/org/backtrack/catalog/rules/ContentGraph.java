package org.backtrack.catalog.rules;

import org.backtrack.catalog.model.Exercise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules the whole library must satisfy: unique ids, every progression or regression names an existing
 * exercise, progressions lead to a strictly harder stage and regressions to a strictly easier one (so the
 * graph has no cycles), and every dosage yields a positive duration.
 */
public final class ContentGraph {

    private ContentGraph() {
    }

    /** Which list of an exercise a broken link is in. */
    public enum Link { PROGRESSIONS, REGRESSIONS }

    /**
     * A broken rule.
     *
     * @param exerciseId the exercise at fault; null for a progression cycle, which belongs to no one exercise
     * @param link       the list whose entry breaks it; null when the rule is not about a link
     * @param detail     what is wrong, in words
     */
    public record Problem(String exerciseId, Link link, String detail) {

        /** One readable line, naming the exercise first. */
        public String sentence() {
            return exerciseId == null ? detail : exerciseId + ": " + detail;
        }
    }

    /** @return one readable line per broken rule; empty when the library is sound */
    public static List<String> problems(List<Exercise> library) {
        return findings(library).stream().map(Problem::sentence).toList();
    }

    /** @return every broken rule; empty when the library is sound */
    public static List<Problem> findings(List<Exercise> library) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Exercise> byId = new HashMap<>();
        for (Exercise exercise : library) {
            if (byId.put(exercise.id(), exercise) != null) {
                problems.add(new Problem(exercise.id(), null, "duplicate id"));
            }
        }
        for (Exercise exercise : library) {
            if (exercise.dosage() == null || exercise.dosage().estimatedSeconds() <= 0) {
                problems.add(new Problem(exercise.id(), null, "dosage yields no duration"));
            }
            for (String target : exercise.progressions()) {
                check(exercise, target, byId, Link.PROGRESSIONS, problems);
            }
            for (String target : exercise.regressions()) {
                check(exercise, target, byId, Link.REGRESSIONS, problems);
            }
        }
        findCycle(byId).ifPresent(cycle -> problems.add(new Problem(null, Link.PROGRESSIONS, "progression cycle through " + cycle)));
        return problems;
    }

    private static void check(Exercise from, String targetId, Map<String, Exercise> byId, Link link, List<Problem> problems) {
        Exercise target = byId.get(targetId);
        boolean harder = link == Link.PROGRESSIONS;
        String relation = harder ? "progression" : "regression";
        if (target == null) {
            problems.add(new Problem(from.id(), link, relation + " " + targetId + " does not exist"));
        } else if (!from.stage().onLadder() || !target.stage().onLadder()) {
            problems.add(new Problem(from.id(), link, "recovery tools take no part in progressions (" + targetId + ")"));
        } else if (harder != target.stage().isAbove(from.stage()) || target.stage() == from.stage()) {
            problems.add(new Problem(from.id(), link, relation + " " + targetId + " must lead to a " + (harder ? "harder" : "easier")
                    + " stage, but goes " + from.stage() + " -> " + target.stage()));
        }
    }

    private static java.util.Optional<String> findCycle(Map<String, Exercise> byId) {
        Set<String> done = new HashSet<>();
        for (String start : byId.keySet()) {
            String cycle = visit(start, byId, new HashSet<>(), done);
            if (cycle != null) {
                return java.util.Optional.of(cycle);
            }
        }
        return java.util.Optional.empty();
    }

    private static String visit(String id, Map<String, Exercise> byId, Set<String> onPath, Set<String> done) {
        if (onPath.contains(id)) {
            return id;
        }
        Exercise exercise = byId.get(id);
        if (exercise == null || done.contains(id)) {
            return null;
        }
        onPath.add(id);
        for (String next : exercise.progressions()) {
            String cycle = visit(next, byId, onPath, done);
            if (cycle != null) {
                return cycle;
            }
        }
        onPath.remove(id);
        done.add(id);
        return null;
    }
}
