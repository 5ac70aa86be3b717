package com.tierdesk.demo;

import java.nio.file.Path;

/** The import files the demo generator wrote, with their row counts. */
public record DemoFiles(Path customers, Path orders, Path interactions, long customerRows, long orderRows,
        long interactionRows) {
}
