package com.tierdesk.customer;

/** The codes customers carry that the console shows by a label: their industry and their tags. */
public enum LabelKind {
    INDUSTRY, TAG
}
