package org.backtrack.catalog.model;

public enum Region { LOWER_BACK, UPPER_BACK, NECK, WHOLE_SPINE, HIPS, GLUTES, HAMSTRINGS, HIP_FLEXORS, SHOULDERS, CORE }
