package org.backtrack.catalog.model;

/** When an exercise fits: gentle mobility in the morning, deeper work in the evening when muscles are warm. */
public enum TimeOfDay { MORNING, EVENING }
