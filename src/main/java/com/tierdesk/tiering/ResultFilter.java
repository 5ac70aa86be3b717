package com.tierdesk.tiering;

/** Which of a run's results to list: all, or by how the tier compares with the published one. */
public enum ResultFilter { ALL, UPGRADE, DOWNGRADE, NEW, UNCHANGED, CHANGED }
