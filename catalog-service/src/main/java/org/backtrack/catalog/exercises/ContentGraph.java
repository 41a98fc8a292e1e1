package org.backtrack.catalog.exercises;

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

    /** @return one readable line per broken rule; empty when the library is sound */
    public static List<String> problems(List<Exercise> library) {
        List<String> problems = new ArrayList<>();
        Map<String, Exercise> byId = new HashMap<>();
        for (Exercise exercise : library) {
            if (byId.put(exercise.id(), exercise) != null) {
                problems.add(exercise.id() + ": duplicate id");
            }
        }
        for (Exercise exercise : library) {
            if (exercise.dosage() == null || exercise.dosage().estimatedSeconds() <= 0) {
                problems.add(exercise.id() + ": dosage yields no duration");
            }
            for (String target : exercise.progressions()) {
                check(exercise, target, byId, true, problems);
            }
            for (String target : exercise.regressions()) {
                check(exercise, target, byId, false, problems);
            }
        }
        findCycle(byId).ifPresent(cycle -> problems.add("progression cycle through " + cycle));
        return problems;
    }

    private static void check(Exercise from, String targetId, Map<String, Exercise> byId, boolean harder, List<String> problems) {
        Exercise target = byId.get(targetId);
        String relation = harder ? "progression" : "regression";
        if (target == null) {
            problems.add(from.id() + ": " + relation + " " + targetId + " does not exist");
        } else if (from.stage() == Stage.RECOVERY_TOOL || target.stage() == Stage.RECOVERY_TOOL) {
            problems.add(from.id() + ": recovery tools take no part in progressions (" + targetId + ")");
        } else if (harder != target.stage().compareTo(from.stage()) > 0 || target.stage() == from.stage()) {
            problems.add(from.id() + ": " + relation + " " + targetId + " must lead to a " + (harder ? "harder" : "easier")
                    + " stage, but goes " + from.stage() + " -> " + target.stage());
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
