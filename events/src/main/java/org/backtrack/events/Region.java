package org.backtrack.events;

/** The body regions an exercise works and a program focuses on. */
public enum Region { LOWER_BACK, UPPER_BACK, NECK, WHOLE_SPINE, HIPS, GLUTES, HAMSTRINGS, HIP_FLEXORS, SHOULDERS, CORE }
