package com.tierdesk.tiering;

/** Whom a cadence run reassesses: the top tier of the ladder (VIP by default), or everybody. */
public enum CadenceGroup {
    TOP_TIER, EVERYBODY
}
