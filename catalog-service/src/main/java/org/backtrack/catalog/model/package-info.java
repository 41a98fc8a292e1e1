/**
 * The exercise library's model in plain Java: exercises, their dosage and the vocabulary they are described in. No
 * framework here: how it is stored, shown and published is the business of the adapters around it.
 */
package org.backtrack.catalog.model;
