package dev.embeddingcontract;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints Surefire's totals line on stdout at the end of the run, so that {@code mvn -q verify}
 * (which hides Maven's own INFO summary) still shows what ran.
 */
public final class Summary implements TestExecutionListener {
    private final AtomicInteger run = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        run.incrementAndGet();
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            boolean assertion = result.getThrowable().map(t -> t instanceof AssertionError).orElse(false);
            (assertion ? failed : errors).incrementAndGet();
        } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        System.out.printf("surefire: Tests run: %d, Failures: %d, Errors: %d, Skipped: %d%n",
                run.get(), failed.get(), errors.get(), skipped.get());
    }
}
