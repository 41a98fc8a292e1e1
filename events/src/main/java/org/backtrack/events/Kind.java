package org.backtrack.events;

/** How an exercise is done: held still, moved in and out of, worked against load, or a tool used on the body. */
public enum Kind { STATIC_HOLD, DYNAMIC, STRENGTH, TOOL }
