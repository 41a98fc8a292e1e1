package org.backtrack.catalog.model;

/** Where an exercise sits in the progression basics -> deeper -> strengthening; tools sit beside it. */
public enum Stage { BASIC, DEEPER, STRENGTHENING, RECOVERY_TOOL }
