package org.backtrack.catalog.exercises;

public enum Kind { STATIC_HOLD, DYNAMIC, STRENGTH, TOOL }
