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

    /** Three years short of the last: a measure may run three years from its cycle. */
    private static final AtomicInteger LAST_UNUSED = new AtomicInteger(LAST - 3);

    private Years() {
    }

    /** The years of Vestland's Kompetanseløftet cycles, which only tests asking here start. */
    private static final AtomicInteger NEXT_KOMPETANSELOFTET = new AtomicInteger(java.time.LocalDate.now().getYear() + 1);

    /**
     * A year for a Kompetanseløftet cycle in Vestland ({@link CycleScenario#inScheme}): counted apart from
     * {@link #next()}, whose years the DEKOM cycles of most tests use, so that those years last. No test may start a
     * Kompetanseløftet cycle in Vestland with a year from elsewhere.
     */
    public static int forKompetanseloftet() {
        int year = NEXT_KOMPETANSELOFTET.getAndIncrement();
        if (year > LAST - 3) {
            throw new IllegalStateException("The tests of one JVM have used every Kompetanseløftet year");
        }
        return year;
    }

    /**
     * A year whose next year no other test gets: for a cycle that carries unused money over (R15), which would
     * otherwise add to the frame of another test's cycle the year after.
     */
    public static int nextAlone() {
        int year = NEXT.getAndAdd(2);
        if (year + 1 > LAST) {
            throw new IllegalStateException("The tests of one JVM have used every future year a cycle may have");
        }
        return year;
    }

    /** The years of Oppfølgingsordningen's cycles, which only FollowUpTest starts (one per embete, scheme, year). */
    private static final AtomicInteger NEXT_OPPFOLGING = new AtomicInteger(java.time.LocalDate.now().getYear() + 1);

    /** A year for an Oppfølgingsordningen cycle: counted apart, as {@link #forKompetanseloftet()}. */
    public static int forOppfolging() {
        int year = NEXT_OPPFOLGING.getAndIncrement();
        if (year > LAST - 3) {
            throw new IllegalStateException("The tests of one JVM have used every Oppfølgingsordningen year");
        }
        return year;
    }

    /** The years of Udir's selections to Oppfølgingsordningen: no cycle's year, so counted apart (from 2017). */
    private static final AtomicInteger NEXT_SELECTION = new AtomicInteger(2017);

    /**
     * A year for a selection to Oppfølgingsordningen (km_follow_up: one per kommune and year). A selection's year is
     * not a cycle's year and may lie in the past, so these years do not use up the cycles' future years.
     */
    public static int forSelection() {
        int year = NEXT_SELECTION.getAndIncrement();
        if (year > 2099) {
            throw new IllegalStateException("The tests of one JVM have used every selection year");
        }
        return year;
    }

    public static int next() {
        int year = NEXT.getAndIncrement();
        if (year > LAST) {
            throw new IllegalStateException("The tests of one JVM have used every future year a cycle may have");
        }
        return year;
    }

    /** A year from the end of the range, for the tests of a large class, so that both ends are used before either runs out. */
    public static int fromTheEnd() {
        int year = LAST_UNUSED.getAndDecrement();
        if (year < NEXT.get()) {
            throw new IllegalStateException("The tests of one JVM have used every future year a cycle may have");
        }
        return year;
    }
}
