package org.backtrack.devstack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.backtrack.events.Topics;

import java.util.ArrayList;
import java.util.List;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

/**
 * Who may do what on the broker in secure mode ({@link KafkaSecurity#SCRAM}). Each service has its own principal
 * limited to its topics; each clinic's integration may only write that clinic's ingress topic, so it can neither
 * speak for another clinic nor read the shared topics, which hold every clinic's data. Anything not granted here
 * is denied ({@code allow.everyone.if.no.acl.found=false}); the admin is a super user used by devstack alone.
 */
final class KafkaAccess {

    static final String ADMIN = "backtrack-admin";
    static final String CATALOG = "catalog-service";
    static final String ROUTINE = "routine-service";
    static final String PROGRESS = "progress-service";

    private static final String INTEGRATION_PREFIX = "integration-";

    private KafkaAccess() {
    }

    /** The principal with which a clinic's systems produce its sessions. */
    static String integrationOf(String clinicId) {
        return INTEGRATION_PREFIX + clinicId;
    }

    /** Every principal with a credential: the admin, the three services and one integration per clinic. */
    static List<String> principals(List<String> clinicIds) {
        List<String> principals = new ArrayList<>(List.of(ADMIN, CATALOG, ROUTINE, PROGRESS));
        clinicIds.forEach(clinic -> principals.add(integrationOf(clinic)));
        return principals;
    }

    /** The ACLs of every principal but the admin (a super user). Creating existing bindings again changes nothing. */
    static List<AclBinding> bindings(List<String> clinicIds) {
        List<AclBinding> bindings = new ArrayList<>();
        new Grants(CATALOG, bindings)
                .topic(Topics.CATALOG, WRITE, DESCRIBE);
        new Grants(ROUTINE, bindings)
                .topic(Topics.SESSIONS, WRITE, READ, DESCRIBE) // reads every session's feedback per exercise
                .topic(Topics.PROGRESS, READ, DESCRIBE)
                .topic(Topics.CATALOG, READ, DESCRIBE)
                .topic(Topics.SESSIONS_DLT, WRITE)
                .topic(Topics.PROGRESS + Topics.DEAD_LETTER_SUFFIX, WRITE)
                .topic(Topics.CATALOG + Topics.DEAD_LETTER_SUFFIX, WRITE)
                .topic(Topics.PROGRAMS, WRITE, DESCRIBE)
                .groupsStartingWith(ROUTINE, READ);
        new Grants(PROGRESS, bindings)
                .topic(Topics.SESSIONS, READ, DESCRIBE, WRITE) // writes what the ingress bridge forwards
                .topicsStartingWith(Topics.INGRESS_PREFIX, READ, DESCRIBE, WRITE) // ingress topics and their dead letters
                .topic(Topics.SESSIONS_DLT, WRITE)
                .topic(Topics.PROGRESS, WRITE)
                .topic(Topics.PROGRESS, READ, DESCRIBE) // the webhook feed (group progress-service-webhooks)
                .topic(Topics.CATALOG, READ, DESCRIBE) // its catalog view
                .topic(Topics.CATALOG + Topics.DEAD_LETTER_SUFFIX, WRITE)
                .topic(Topics.PROGRAMS, READ, DESCRIBE) // the webhook feed follows programs too
                .topic(Topics.PROGRAMS_DLT, WRITE)
                .groupsStartingWith(PROGRESS, READ); // progress-service, progress-service-ingress, progress-service-webhooks
        for (String clinic : clinicIds) {
            new Grants(integrationOf(clinic), bindings)
                    .topic(Topics.ingressOf(clinic), WRITE, DESCRIBE);
        }
        return bindings;
    }

    /** Adds one principal's allowances, from any host. */
    private record Grants(String principal, List<AclBinding> into) {

        Grants topic(String name, AclOperation... operations) {
            return allow(new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL), operations);
        }

        Grants topicsStartingWith(String prefix, AclOperation... operations) {
            return allow(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), operations);
        }

        Grants groupsStartingWith(String prefix, AclOperation... operations) {
            return allow(new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), operations);
        }

        private Grants allow(ResourcePattern pattern, AclOperation... operations) {
            for (AclOperation operation : operations) {
                into.add(new AclBinding(pattern,
                        new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
            }
            return this;
        }
    }
}
