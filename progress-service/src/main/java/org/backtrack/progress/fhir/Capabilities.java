package org.backtrack.progress.fhir;

import org.backtrack.progress.fhir.rules.DateRange;
import org.backtrack.progress.fhir.rules.PatientReference;
import org.backtrack.progress.fhir.rules.ResultCount;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Date;

/** What the FHIR endpoint offers, as the CapabilityStatement of {@code GET /fhir/r4/metadata}. */
public final class Capabilities {

    static final String SEARCHPARAM_PATIENT = "http://hl7.org/fhir/SearchParameter/clinical-patient";
    static final String SEARCHPARAM_DATE = "http://hl7.org/fhir/SearchParameter/clinical-date";

    private Capabilities() {
    }

    /**
     * @param date when this build's statement was made (the service's start)
     * @param base the endpoint's base URL, {@code .../fhir/r4}
     */
    public static CapabilityStatement statement(Date date, String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("backtrack");
        statement.setUrl(base + "/metadata");
        statement.setName("BackTrackProgressFhir");
        statement.setTitle("BackTrack progress as FHIR R4");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(date);
        statement.setPublisher("BackTrack");
        statement.setDescription("Pain readings and red-flag symptoms of stretching sessions as Observations, and the "
                + "patient's program and latest routine as a CarePlan. Read-only; every search needs patient, and an "
                + "access token of the patient's clinic (or the patient's own).");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("BackTrack progress-service");
        statement.getImplementation().setDescription("BackTrack FHIR R4 endpoint").setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addFormat("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Searches are paged: _count (default " + ResultCount.DEFAULT + ", at most " + ResultCount.MAX
                + ") and the Bundle's next link. Errors are OperationOutcomes.");
        rest.getSecurity().setCors(false).setDescription("OAuth2 bearer tokens (JWT) of the clinic's issuer, audience "
                + "backtrack-api; roles CLINICIAN, CLINIC_ADMIN, INTEGRATION of the patient's clinic, or PATIENT for their own data.");
        CapabilityStatementRestResourceComponent observation = resource(rest, "Observation");
        observation.addSearchParam().setName(DateRange.PARAMETER).setDefinition(SEARCHPARAM_DATE)
                .setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("The session's completedAt; prefixes eq, ge, gt, le, lt, sa, eb; dates without a time are UTC");
        resource(rest, "CarePlan");
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatement.CapabilityStatementRestComponent rest,
                                                                     String type) {
        CapabilityStatementRestResourceComponent resource = rest.addResource();
        resource.setType(type);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        resource.setReadHistory(false).setUpdateCreate(false);
        resource.addSearchParam().setName(PatientReference.PARAMETER).setDefinition(SEARCHPARAM_PATIENT)
                .setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Required: the patient's id, or Patient/<id>");
        resource.addSearchParam().setName(ResultCount.PARAMETER).setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("Matches per page, 1 to " + ResultCount.MAX + " (default " + ResultCount.DEFAULT
                        + "; a larger value is served with " + ResultCount.MAX + ")");
        resource.addReferencePolicy(CapabilityStatement.ReferenceHandlingPolicy.LITERAL);
        return resource;
    }
}
