package no.kompetansemidler.testkit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test tiers (README.md, "Tester"), by the tag of a test class, and how long each took: printed when a test JVM
 * has run its tests (registered in META-INF/services). An untagged class is a domain test.
 */
public final class Tiers implements TestExecutionListener {

    /** Plain JUnit over the domain: rules, money, numbers, texts. */
    public static final String DOMAIN = "domain";
    /** A delegate against a mocked DelegateExecution, over a real database ({@link TestDatabase}). */
    public static final String DELEGATE = "delegate";
    /** A model's paths on an engine of its own ({@link ModelTest}). */
    public static final String MODEL = "model";
    /** The whole application, one shared context ({@link ApplicationTest}). */
    public static final String APPLICATION = "application";
    /** Applications of their own, each test class in a JVM of its own ({@link OwnJvmTest}). */
    public static final String OWN_JVM = "own-jvm";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(DOMAIN, "1 domene og regler");
        NAMES.put(DELEGATE, "2 delegater");
        NAMES.put(MODEL, "3 modeller");
        NAMES.put(APPLICATION, "4 applikasjonen");
        NAMES.put(OWN_JVM, "4 egne applikasjoner");
    }

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, long[]> totals = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        if (isClass(test)) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long start = started.remove(test.getUniqueId());
        if (start != null) {
            long[] total = totals.computeIfAbsent(tier(test), t -> new long[2]);
            total[0] += System.nanoTime() - start;
            total[1]++;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (totals.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("\nTestnivåer i denne JVM-en:\n");
        NAMES.forEach((tier, name) -> {
            long[] total = totals.get(tier);
            if (total != null) {
                report.append(String.format("  %-22s %3d klasser %7.1f s%n", name, total[1],
                        Duration.ofNanos(total[0]).toMillis() / 1000.0));
            }
        });
        System.out.print(report);
    }

    private static boolean isClass(TestIdentifier test) {
        return test.isContainer() && test.getSource().filter(ClassSource.class::isInstance).isPresent()
                && test.getParentIdObject().isPresent() && !test.getUniqueId().contains("nested-class");
    }

    private static String tier(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).filter(NAMES::containsKey).findFirst().orElse(DOMAIN);
    }
}
