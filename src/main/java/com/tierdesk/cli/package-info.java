/**
 * The {@code tierdesk} command line for batch work (import, demo data, later assess and report):
 * picocli commands that call the other modules' APIs. Nothing depends on this module.
 */
package com.tierdesk.cli;
