package com.tierdesk.ticket;

/** What the customer wants for the goods sent back: the money, or the same product again. */
public enum ReturnKind {
    RETURN, EXCHANGE
}
