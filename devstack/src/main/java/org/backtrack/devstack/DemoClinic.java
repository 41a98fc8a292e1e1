package org.backtrack.devstack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible demo clinic: patients with the pain histories a clinic sees (steady improvement, plateau,
 * worsening, red flags, recovery, drop-out, irregular practice, newcomers) over the last {@value #DAYS} days.
 * Each session is the JSON body of {@code POST /api/v1/sessions}; ids are derived from patient and day, so
 * seeding twice logs nothing new.
 */
public final class DemoClinic {

    public static final String CLINIC_ID = "clinic-demo";
    /** Every clinic of the local issuer's demo users (dr.rivers works at the second); each gets a Kafka ingress topic. */
    public static final List<String> CLINIC_IDS = List.of(CLINIC_ID, "clinic-riverside");
    public static final int DAYS = 60;

    /** The pain history a demo patient follows. */
    enum Course { IMPROVING, PLATEAU, WORSENING, RED_FLAG, RECOVERED, DISENGAGED, IRREGULAR, NEWCOMER }

    private static final List<String> MORNING = List.of("cat-cow", "knee-to-chest", "standing-hip-circles");
    private static final List<String> EVENING = List.of("childs-pose", "seated-forward-fold", "knee-to-chest");

    private DemoClinic() {
    }

    public static String patientId(int index) {
        return String.format("patient-%02d", index + 1);
    }

    static Course courseOf(int index) {
        return Course.values()[index % Course.values().length];
    }

    /** Session bodies of all patients, oldest first per patient; none later than {@code now}. */
    public static List<String> sessions(int patients, Instant now) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            bodies.addAll(sessionsOf(i, now));
        }
        return bodies;
    }

    static List<String> sessionsOf(int index, Instant now) {
        Course course = courseOf(index);
        Random random = new Random(index * 7919L + 17);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<String> bodies = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            if (!practises(course, day, random)) {
                continue;
            }
            LocalDate date = today.minusDays(DAYS - 1 - day);
            boolean morning = random.nextInt(3) > 0;
            Instant at = date.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus(Duration.ofMinutes(morning ? 7 * 60 + random.nextInt(90) : 19 * 60 + random.nextInt(120)));
            if (at.isAfter(now.minus(Duration.ofMinutes(5)))) {
                continue;
            }
            int before = clamp((int) Math.round(painBefore(course, day) + random.nextGaussian() * 0.6));
            int after = clamp(before - relief(course, day, random));
            boolean radiating = course == Course.RED_FLAG && day >= DAYS - 6 && random.nextBoolean();
            boolean sharp = course == Course.WORSENING && day >= DAYS - 10 && random.nextInt(4) == 0;
            bodies.add(body(patientId(index), date, at, before, after, morning ? MORNING : EVENING, sharp, radiating,
                    random.nextInt(5) == 0 && day > 0));
        }
        return bodies;
    }

    private static boolean practises(Course course, int day, Random random) {
        return switch (course) {
            case DISENGAGED -> day < DAYS - 16 && random.nextDouble() < 0.85;
            case IRREGULAR -> random.nextDouble() < 0.3;
            case NEWCOMER -> day >= DAYS - 6;
            default -> random.nextDouble() < 0.85;
        };
    }

    /** Expected pain before a session on a given day, 0..10. */
    private static double painBefore(Course course, int day) {
        double progress = (double) day / (DAYS - 1);
        return switch (course) {
            case IMPROVING, RED_FLAG, DISENGAGED -> 7 - 4 * progress;
            case PLATEAU -> day < 18 ? 6.5 - 2.0 * day / 18 : 4.5;
            case WORSENING -> day < 40 ? 4 : 4 + 3.0 * (day - 40) / (DAYS - 41);
            case RECOVERED -> Math.max(0.3, 5.5 - 5.5 * day / 40.0);
            case IRREGULAR -> 5;
            case NEWCOMER -> 6;
        };
    }

    /** Points a session takes off; on a plateau the relief fades as the routine stops "hitting the same". */
    private static int relief(Course course, int day, Random random) {
        return switch (course) {
            case PLATEAU -> day < 25 ? 1 + random.nextInt(2) : random.nextInt(4) == 0 ? 1 : 0;
            case WORSENING -> day < 40 ? 1 : random.nextInt(2) - 1; // late sessions bring no relief, some hurt
            default -> 1 + random.nextInt(2);
        };
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }

    private static String body(String patientId, LocalDate date, Instant at, int before, int after,
                               List<String> exercises, boolean sharp, boolean radiating, boolean withNote) {
        StringBuilder items = new StringBuilder();
        for (String exercise : exercises) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("{\"exerciseId\":\"").append(exercise).append("\",\"completed\":true}");
        }
        String notes = !withNote ? "null" : radiating ? "\"Tingling down the left leg since yesterday\""
                : before > after ? "\"Felt looser afterwards\"" : "\"Stiff all day\"";
        return "{\"sessionId\":\"demo-" + patientId + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "\","
                + "\"clinicId\":\"" + CLINIC_ID + "\",\"patientId\":\"" + patientId + "\","
                + "\"completedAt\":\"" + at + "\",\"durationSeconds\":" + (540 + (before * 13) % 120) + ","
                + "\"painBefore\":" + before + ",\"painAfter\":" + after + ","
                + "\"exercises\":[" + items + "],"
                + "\"flags\":{\"sharpPain\":" + sharp + ",\"radiatingPain\":" + radiating + ",\"numbness\":false,\"nightPain\":false},"
                + "\"notes\":" + notes + "}";
    }
}
