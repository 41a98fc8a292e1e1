package org.backtrack.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the verified token says. Services decide every read and write with it: data of another clinic,
 * or of another patient for a patient token, is treated as absent (404), so ids of others leak nothing.
 */
public record Caller(String subject, String clinicId, String patientId, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(String subject, String clinicId, String patientId, Collection<Role> roles) {
        return new Caller(subject, clinicId, patientId, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff and machine clients see their whole clinic; a patient-only token sees one patient. */
    public boolean clinicWide() {
        return roles.stream().anyMatch(Role::clinicWide);
    }

    /** May this caller see or change data of {@code patientId}, held by {@code ownerClinicId}? */
    public boolean maySee(String ownerClinicId, String patientId) {
        if (clinicId == null || !clinicId.equals(ownerClinicId)) {
            return false;
        }
        return clinicWide() || (has(Role.PATIENT) && Objects.equals(this.patientId, patientId));
    }

    /** Whether a patient id is the caller's to use at all, before its owner is known (patient tokens: only their own). */
    public boolean mayName(String patientId) {
        return clinicId != null && (clinicWide() || (has(Role.PATIENT) && Objects.equals(this.patientId, patientId)));
    }
}
