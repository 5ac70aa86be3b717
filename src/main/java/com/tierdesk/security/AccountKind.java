package com.tierdesk.security;

/**
 * A person signs in with a password and may hold API tokens; a service account stands for an integration, has no
 * password and acts only through its tokens.
 */
public enum AccountKind {
    PERSON, SERVICE
}
