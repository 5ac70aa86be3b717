package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.tiering.TriggerKind;
import org.junit.jupiter.api.Test;

class AssessmentTasksTests {

    @Test
    void onlyATriggerRunOfOneCustomerMayBePublishedWithoutASupervisor() {
        assertThat(AssessmentTasks.oneCustomerTriggerRun(TriggerKind.SPEND_DROP, 1)).isTrue();
        assertThat(AssessmentTasks.oneCustomerTriggerRun(TriggerKind.SPEND_DROP, 2)).as("a day's spend drops").isFalse();
        assertThat(AssessmentTasks.oneCustomerTriggerRun(TriggerKind.CADENCE, 1)).isFalse();
        assertThat(AssessmentTasks.oneCustomerTriggerRun(TriggerKind.MANUAL, 1)).isFalse();
        assertThat(AssessmentTasks.oneCustomerTriggerRun(TriggerKind.SPEND_DROP, null)).as("not scored").isFalse();
    }
}
