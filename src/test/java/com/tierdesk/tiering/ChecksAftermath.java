package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.shared.SettableTime.SettableClock;
import com.tierdesk.tiering.internal.RunStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each daily-check test: the runs its checks started (whole-population runs as of years back) are finished, the
 * results of those rejected or failed are removed as the nightly retention would (they are dated years back), and the
 * time is now again with the activity snapshot rebuilt for this month, so that the next test meets neither background
 * work, nor old dropped runs, nor a snapshot of a month years back.
 */
class ChecksAftermath implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        Assessments assessments = application.getBean(Assessments.class);
        List<RunStatus> underWay = List.of(RunStatus.QUEUED, RunStatus.RUNNING);
        for (int wait = 0; !assessments.list(underWay, 1).isEmpty(); wait++) {
            if (wait == 1_500) {
                throw new AssertionError("runs still under way after 5 minutes: " + assessments.list(underWay, 10));
            }
            Thread.sleep(200);
        }
        application.getBean(RunStore.class).removeResultsOfRunsDroppedBefore(Instant.now().plusSeconds(60));
        application.getBean(SettableClock.class).set(Instant.now());
        application.getBean(CustomerActivity.class).refresh();
    }
}
