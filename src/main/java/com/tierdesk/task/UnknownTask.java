package com.tierdesk.task;

/** No task has the id (HTTP 404). */
public class UnknownTask extends RuntimeException {

    public UnknownTask(long id) {
        super("no task with id " + id);
    }
}
