/**
 * Alerts with an owner: stored records with a lifecycle (raised, acknowledged by a clinician, resolved), kept as
 * primary data (no rebuild touches them), raised and resolved by the session consumer and the disengagement sweep
 * following the rules of {@code alerts.rules}, and published on {@code backtrack.progress} through the shared outbox.
 */
package org.backtrack.progress.alerts;
