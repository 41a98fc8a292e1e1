/**
 * The clinic's vocabulary with its words, read-only: statuses in the order that needs attention first, suggested
 * actions and the stage each moves a patient to, the stage ladder, alert types. The dashboard and integrators take
 * their labels and order from here instead of keeping copies.
 */
package org.backtrack.progress.vocabulary.web;
