package com.tierdesk.security;

/**
 * What a token opens: the API, acting with a role; or only the metrics endpoint ({@code /actuator/prometheus}),
 * with no role, so that a monitoring system holds no credential for customer data.
 */
public enum TokenScope {
    API, METRICS
}
