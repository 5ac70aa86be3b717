package com.tierdesk.tiering;

/** Hears how far a run has come: the stage (READING, SCORING, WRITING) and its done and total counts. */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = (stage, done, total) -> { };

    void update(String stage, long done, long total);
}
