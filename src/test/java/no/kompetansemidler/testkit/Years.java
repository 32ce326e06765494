package no.kompetansemidler.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A year of its own for each cycle a test starts in a database that other tests share: there is one cycle per
 * embete, scheme and year (km_cycle), and a cycle's year must be 2020–2100.
 */
public final class Years {

    private static final int LAST = 2100;
    private static final AtomicInteger NEXT = new AtomicInteger(2021);

    private Years() {
    }

    public static int next() {
        int year = NEXT.getAndIncrement();
        if (year > LAST) {
            throw new IllegalStateException("The tests of one JVM have used every year a cycle may have (2021–2100)");
        }
        return year;
    }
}
