package org.backtrack.events;

/** JSON samples shared by the contract tests. */
final class SessionEventSamples {

    static final String VALID_DATA = """
            {
              "sessionId": "s-20261120-42-1",
              "clinicId": "clinic-7",
              "patientId": "patient-42",
              "routineId": "r-123",
              "completedAt": "2026-11-20T07:31:00Z",
              "durationSeconds": 620,
              "painBefore": 6,
              "painAfter": 4,
              "exercises": [
                {"exerciseId": "cat-cow", "completed": true, "holdSeconds": 60},
                {"exerciseId": "knee-to-chest", "completed": true, "holdSeconds": 20, "reps": 2}
              ],
              "flags": {"sharpPain": false, "radiatingPain": false, "numbness": false, "nightPain": false},
              "notes": null
            }""";

    /** The example of ARCHITECTURE.md, verbatim. */
    static final String VALID_EVENT = """
            {
              "specversion": "1.0",
              "id": "6f1c2d9e-0b7a-4c1e-9a53-2f0d8c1b7e44",
              "source": "/routine-service",
              "type": "backtrack.session.completed.v1",
              "subject": "patient-42",
              "time": "2026-11-20T07:31:00Z",
              "datacontenttype": "application/json",
              "data": %s
            }""".formatted(VALID_DATA);

    static final String MINIMAL_DATA = """
            {"sessionId": "s1", "clinicId": "c1", "patientId": "p1",
             "completedAt": "2026-11-20T07:31:00+01:00", "painBefore": 0, "painAfter": 10}""";

    private SessionEventSamples() {
    }
}
