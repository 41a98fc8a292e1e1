package org.backtrack.progress.assessment;

/** Fixed by the architecture; see docs/analytics.md for the definitions. */
public enum ProgressStatus { INSUFFICIENT_DATA, IMPROVING, PLATEAU, WORSENING, RECOVERED, RED_FLAG }
