package org.backtrack.catalog.model;

public enum Kind { STATIC_HOLD, DYNAMIC, STRENGTH, TOOL }
