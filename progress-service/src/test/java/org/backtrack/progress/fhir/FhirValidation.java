package org.backtrack.progress.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * HAPI FHIR's validator against the base R4 profiles, offline: the core definitions and value sets from
 * hapi-fhir-validation-resources-r4, in-memory terminology, the common code systems (UCUM, languages, ...) and
 * BackTrack's own code systems ({@link BackTrackCodes#codeSystems()}). Nothing is fetched: LOINC, which cannot be
 * checked offline, is a warning. Built once per JVM (it takes seconds) and shared by every test.
 */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    public static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext context = FhirContext.forR4Cached();
            PrePopulatedValidationSupport backtrack = new PrePopulatedValidationSupport(context);
            BackTrackCodes.codeSystems().forEach(backtrack::addCodeSystem);
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(context),
                    backtrack,
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context));
            FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
            instanceValidator.setNoTerminologyChecks(false);
            instanceValidator.setAnyExtensionsAllowed(true);
            FhirValidator built = context.newValidator();
            built.registerValidatorModule(instanceValidator);
            validator = built;
        }
        return validator;
    }

    /** Every message at error level or worse (warnings, such as LOINC being unknown offline, are left out). */
    public static List<String> errors(IBaseResource resource) {
        return messages(resource).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
    }

    /** Errors of a resource given as JSON (what an endpoint answered). */
    public static List<String> errors(String json) {
        return errors(FhirContext.forR4Cached().newJsonParser().parseResource(json));
    }

    public static List<SingleValidationMessage> messages(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages();
    }
}
