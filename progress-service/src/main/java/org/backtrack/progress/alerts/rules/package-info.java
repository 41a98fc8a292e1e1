/**
 * The alert rules in plain Java (no Spring, MongoDB, Kafka or Jackson): what raises an alert, the identity of its
 * episode, and how each type resolves. The adapters in {@code org.backtrack.progress.alerts} feed them facts and
 * carry out their decisions.
 */
package org.backtrack.progress.alerts.rules;
