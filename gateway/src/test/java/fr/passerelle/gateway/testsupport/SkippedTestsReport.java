package fr.passerelle.gateway.testsupport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says in the build output which tests were skipped and why, once per test run and one line per reason; the
 * reasons of the optional services (PostgreSQL, Chromium) say how to enable them. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Written to the test JVM's own standard error: surefire and failsafe redirect the tests' {@code System.out} and
 * {@code System.err} into report files ({@code redirectTestOutputToFile}), where nobody reading the build would see
 * a skip, while the forked JVM's native standard error reaches the Maven console.
 */
public final class SkippedTestsReport implements TestExecutionListener {

    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";
    private static final int MAX_CLASSES_SHOWN = 4;

    /** What one reason skipped: test methods (and their classes), and whole classes skipped before any test ran. */
    private static final class Skipped {
        int tests;
        final Set<String> testClasses = new TreeSet<>();
        final Set<String> wholeClasses = new TreeSet<>();
    }

    private final Map<String, Skipped> byReason = new LinkedHashMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted without a reason");
            record(test, reason.startsWith(ASSUMPTION_PREFIX) ? reason.substring(ASSUMPTION_PREFIX.length()) : reason);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (byReason.isEmpty()) {
            return;
        }
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        byReason.forEach((reason, skipped) -> console.println("[SKIPPED] " + reason + " (" + what(skipped) + ")"));
        console.flush();
    }

    private synchronized void record(TestIdentifier test, String reason) {
        Skipped skipped = byReason.computeIfAbsent(reason == null || reason.isBlank() ? "no reason given"
                : reason.strip(), r -> new Skipped());
        if (test.isTest()) {
            skipped.tests++;
            skipped.testClasses.add(className(test));
        } else {
            skipped.wholeClasses.add(className(test));
        }
    }

    private static String what(Skipped skipped) {
        List<String> parts = new ArrayList<>();
        if (skipped.tests > 0) {
            parts.add(skipped.tests + (skipped.tests == 1 ? " test in " : " tests in ") + names(skipped.testClasses));
        }
        if (!skipped.wholeClasses.isEmpty()) {
            parts.add("all tests of " + names(skipped.wholeClasses));
        }
        return String.join("; ", parts);
    }

    private static String names(Set<String> classes) {
        String shown = classes.stream().limit(MAX_CLASSES_SHOWN).collect(Collectors.joining(", "));
        int more = classes.size() - MAX_CLASSES_SHOWN;
        return more > 0 ? shown + " and " + more + " more classes" : shown;
    }

    private static String className(TestIdentifier test) {
        String name = test.getDisplayName();
        if (test.getSource().orElse(null) instanceof MethodSource method) {
            name = method.getClassName();
        } else if (test.getSource().orElse(null) instanceof ClassSource type) {
            name = type.getClassName();
        }
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
