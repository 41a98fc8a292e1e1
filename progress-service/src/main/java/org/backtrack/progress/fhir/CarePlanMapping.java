package org.backtrack.progress.fhir;

import org.backtrack.events.Stage;
import org.backtrack.security.ClinicKeys;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A patient's program and latest routine (routine-service's) as one FHIR R4 CarePlan: {@code active}, intent
 * {@code plan}, subject {@code Patient/<patientId>}; the program's stage as a category coded in
 * {@link BackTrackCodes#STAGE}, each focus region as a category coded in {@link BackTrackCodes#REGION}, both also in
 * words in {@code description}; the latest routine as one activity per exercise, in the routine's order, with
 * {@code detail.code} the exercise id ({@link BackTrackCodes#EXERCISE}, the name as display), {@code detail.status}
 * {@code in-progress} and the dosage in {@code detail.description}. {@code created} is when the routine was composed,
 * and the routine's id is a CarePlan identifier ({@link BackTrackCodes#ROUTINE_IDENTIFIER}). Without any routine the
 * CarePlan has no activity.
 */
public final class CarePlanMapping {

    private CarePlanMapping() {
    }

    public static CarePlan of(String clinicId, String patientId, RoutineService.Program program,
                              Optional<RoutineService.Routine> routine) {
        CarePlan plan = new CarePlan();
        plan.setId(idOf(patientId));
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("BackTrack stretching program");
        plan.setSubject(new Reference("Patient/" + patientId));
        List<String> focus = program.focusRegions() == null ? List.of() : new ArrayList<>(new TreeSet<>(program.focusRegions()));
        if (program.stage() != null) {
            plan.addCategory(new CodeableConcept().addCoding(new Coding(BackTrackCodes.STAGE, program.stage(), stage(program.stage())))
                    .setText("Stage: " + stage(program.stage())));
        }
        focus.forEach(region -> plan.addCategory(new CodeableConcept()
                .addCoding(new Coding(BackTrackCodes.REGION, region, words(region))).setText("Focus: " + words(region))));
        plan.setDescription("Stage " + (program.stage() == null ? "not set" : stage(program.stage()))
                + (focus.isEmpty() ? ", no focus regions" : ", focus on " + String.join(", ", focus.stream().map(CarePlanMapping::words).toList()))
                + routine.map(r -> "; latest routine of " + r.plan().items().size() + " exercises").orElse("; no routine yet"));
        routine.ifPresent(r -> {
            plan.addIdentifier(new Identifier().setSystem(BackTrackCodes.ROUTINE_IDENTIFIER).setValue(ClinicKeys.of(clinicId, r.id())));
            if (r.createdAt() != null) {
                plan.setCreated(Date.from(r.createdAt()));
            }
            r.plan().items().forEach(item -> plan.addActivity().getDetail()
                    .setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
                    .setCode(new CodeableConcept().addCoding(new Coding(BackTrackCodes.EXERCISE, item.exerciseId(), item.name()))
                            .setText(item.name()))
                    .setDescription(dosage(item)));
        });
        return plan;
    }

    /** The CarePlan's id: one per patient (the patient's program). */
    public static String idOf(String patientId) {
        return ResourceIds.of(patientId) + "-program";
    }

    /** "3 sets of 10 reps, each side" or "2 sets of 1 hold of 30 s". */
    static String dosage(RoutineService.Item item) {
        String each = item.holdSeconds() != null && item.holdSeconds() > 0
                ? item.reps() + (item.reps() == 1 ? " hold" : " holds") + " of " + item.holdSeconds() + " s"
                : item.reps() + (item.reps() == 1 ? " rep" : " reps");
        return item.name() + ": " + item.sets() + (item.sets() == 1 ? " set of " : " sets of ") + each
                + (item.perSide() ? ", each side" : "");
    }

    /** The stage in the clinic's words ({@link Stage#label()}), as the code system displays it. */
    private static String stage(String name) {
        return Arrays.stream(Stage.values()).filter(s -> s.name().equals(name)).findFirst().map(Stage::label).orElse(words(name));
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
