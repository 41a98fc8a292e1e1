package org.backtrack.progress.evaluation;

import org.backtrack.progress.assessment.PainReading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Synthetic patients with labelled ground truth: the status a clinician would give at the end of the history,
 * the day a plateau or red flag began, and the suggestion that must (or must never) follow. Histories carry
 * measurement noise, missed days, duplicates and out-of-order delivery, as real patient apps do.
 */
final class Cohort {

    enum Course { IMPROVING, PLATEAU, WORSENING, RECOVERED, RED_FLAG, POOR_ADHERENCE, TOO_LITTLE_DATA }

    /** What is true of a patient at the end of its history. */
    record Truth(String patientId, Course course, String status, Instant onset, int sessions) {
    }

    /** A session event as produced, with the patient it is keyed by. */
    record Event(String patientId, String json) {
    }

    static final String CLINIC = "clinic-cohort";
    static final int HISTORY_DAYS = 45;

    final List<Truth> truths = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    /** The same sessions as readings, per patient, for evaluating the rules without Kafka. */
    final java.util.Map<String, List<PainReading>> readings = new java.util.HashMap<>();

    static Cohort generate(int patients, long seed, Instant end) {
        Cohort cohort = new Cohort();
        Random random = new Random(seed);
        String run = Long.toString(seed, 36) + "-" + Long.toString(end.getEpochSecond() % 100_000, 36);
        for (int i = 0; i < patients; i++) {
            Course course = Course.values()[i % Course.values().length];
            cohort.add("cohort-" + run + "-" + i, course, random, end);
        }
        return cohort;
    }

    private void add(String patientId, Course course, Random random, Instant end) {
        Instant start = end.minus(Duration.ofDays(HISTORY_DAYS)).plus(Duration.ofHours(2));
        int onsetDay = switch (course) {
            case PLATEAU -> 15 + random.nextInt(12);             // at least 18 days of plateau before the end
            case RED_FLAG -> HISTORY_DAYS - 2 - random.nextInt(9);  // within the last ten days
            default -> -1;
        };
        double from = 8 + random.nextDouble();
        double slope = 0.10 + random.nextDouble() * 0.03; // 0.7 to 0.9 points a week, ending above 2

        List<Event> mine = new ArrayList<>();
        int sessions = 0;
        for (int day = 0; day < HISTORY_DAYS; day++) {
            if (!practises(course, day, onsetDay, random)) {
                continue;
            }
            double expected = switch (course) {
                case IMPROVING, RED_FLAG -> from - slope * day;
                case PLATEAU -> from - 0.16 * Math.min(day, onsetDay);
                case WORSENING -> day < HISTORY_DAYS - 14 ? 4 : 4 + 0.25 * (day - (HISTORY_DAYS - 14));
                case RECOVERED -> Math.max(0.2, 5.5 - 0.25 * day);
                case POOR_ADHERENCE -> 5;
                case TOO_LITTLE_DATA -> 5.5;
            };
            int before = clamp((int) Math.round(expected + random.nextGaussian() * 0.5));
            boolean reliefFaded = course == Course.PLATEAU && day >= onsetDay;
            int relief = reliefFaded ? (random.nextInt(4) == 0 ? 1 : 0) : 1 + random.nextInt(2);
            boolean redFlag = course == Course.RED_FLAG && day >= onsetDay && (day == onsetDay || random.nextBoolean());
            Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(600)));
            String sessionId = patientId + "-d" + day;
            mine.add(new Event(patientId, json(UUID(random), patientId, sessionId, at, before, clamp(before - relief), redFlag)));
            readings.computeIfAbsent(patientId, p -> new ArrayList<>()).add(new PainReading(sessionId, at, before,
                    clamp(before - relief), false, redFlag, List.of("childs-pose", "cat-cow")));
            sessions++;
            if (random.nextInt(20) == 0) {
                mine.add(mine.get(mine.size() - 1)); // a duplicate delivery
            }
        }
        // out of order: some neighbours swapped, a few sessions synced days later
        for (int i = 1; i < mine.size(); i++) {
            if (random.nextInt(10) == 0) {
                Collections.swap(mine, i - 1, i);
            }
        }
        for (int late = 0; late < 2 && mine.size() > 10; late++) {
            mine.add(mine.remove(random.nextInt(mine.size() - 5)));
        }
        events.addAll(mine);
        String status = switch (course) {
            case IMPROVING -> "IMPROVING";
            case PLATEAU, POOR_ADHERENCE -> "PLATEAU";
            case WORSENING -> "WORSENING";
            case RECOVERED -> "RECOVERED";
            case RED_FLAG -> "RED_FLAG";
            case TOO_LITTLE_DATA -> "INSUFFICIENT_DATA";
        };
        truths.add(new Truth(patientId, course, status, onsetDay < 0 ? null : start.plus(Duration.ofDays(onsetDay)), sessions));
    }

    private static boolean practises(Course course, int day, int onsetDay, Random random) {
        if (day == onsetDay) {
            return true; // the labelled event itself is always reported
        }
        return switch (course) {
            case POOR_ADHERENCE -> day % 7 == 0 || day % 7 == 2 || day % 7 == 4 ? random.nextInt(8) > 0 : false;
            case TOO_LITTLE_DATA -> day >= HISTORY_DAYS - 9 && random.nextInt(2) == 0;
            default -> random.nextInt(100) >= 12; // about one missed day in eight
        };
    }

    private static String UUID(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }

    private static String json(String eventId, String patientId, String sessionId, Instant at, int before, int after, boolean redFlag) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/cohort\",\"type\":\"backtrack.session.completed.v1\","
                + "\"subject\":\"" + patientId + "\",\"time\":\"" + at.plusSeconds(60) + "\",\"data\":{\"sessionId\":\"" + sessionId
                + "\",\"clinicId\":\"" + CLINIC + "\",\"patientId\":\"" + patientId + "\",\"completedAt\":\"" + at
                + "\",\"painBefore\":" + before + ",\"painAfter\":" + after
                + ",\"exercises\":[{\"exerciseId\":\"childs-pose\"},{\"exerciseId\":\"cat-cow\"}]"
                + ",\"flags\":{\"radiatingPain\":" + redFlag + "}}}";
    }
}
