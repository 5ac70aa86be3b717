/**
 * Dashboards and per-tier service execution reports; nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule
package com.tierdesk.report;

