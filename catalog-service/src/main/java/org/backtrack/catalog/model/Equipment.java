package org.backtrack.catalog.model;

public enum Equipment { MAT, FOAM_ROLLER, YOGA_BLOCK, WALL, MASSAGE_BALL, TOWEL, COLD_PACK, HEAT_PACK, BED }
