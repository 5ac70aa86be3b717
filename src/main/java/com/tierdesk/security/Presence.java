package com.tierdesk.security;

/**
 * Whether a person can take work now. Signing in makes a person available; they switch between available and away
 * from the console's top bar or through the API; the end of their session signs them out.
 */
public enum Presence {
    SIGNED_OUT, AVAILABLE, AWAY;

    /** Signed in, whether available or away. */
    public boolean online() {
        return this != SIGNED_OUT;
    }
}
