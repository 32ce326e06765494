package no.kompetansemidler.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A year of its own for each cycle a test starts in a database that other tests share: there is one cycle per
 * embete, scheme and year (km_cycle), and a cycle's year must be 2020–2100. The years are in the future, as a cycle's
 * are when it starts, so that its deadlines lie ahead.
 */
public final class Years {

    private static final int LAST = 2100;
    private static final AtomicInteger NEXT = new AtomicInteger(java.time.LocalDate.now().getYear() + 1);

    private Years() {
    }

    public static int next() {
        int year = NEXT.getAndIncrement();
        if (year > LAST) {
            throw new IllegalStateException("The tests of one JVM have used every future year a cycle may have");
        }
        return year;
    }
}
