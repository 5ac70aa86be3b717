/**
 * A minimal task list: an owner, a due date, a status and an outcome, for churn warnings today and for
 * callbacks, visits and follow-ups later. Other modules create tasks through {@link com.tierdesk.task.Tasks}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "shared"})
package com.tierdesk.task;
