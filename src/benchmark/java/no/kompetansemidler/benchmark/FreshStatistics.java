package no.kompetansemidler.benchmark;

import no.kompetansemidler.testkit.PostgresSupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL plans its queries from table statistics, which autovacuum keeps fresh; it is on by default, and
 * docs/drift.md requires it. Without fresh statistics a table that grew from empty is still planned as empty, and the
 * task list's query walks every open task. Where the server has autovacuum off (this project's CI server does), the
 * benchmark analyses its database once a minute itself, as autovacuum's launcher would (autovacuum_naptime = 1 min),
 * so that the plans are production's. The results say which it was.
 */
final class FreshStatistics implements AutoCloseable {

    static final long INTERVAL_SECONDS = 60;

    private final Connection connection;
    private final ScheduledExecutorService scheduler;

    private FreshStatistics(Connection connection, ScheduledExecutorService scheduler) {
        this.connection = connection;
        this.scheduler = scheduler;
    }

    /** Keeps the database's statistics fresh if the server's autovacuum does not; records which in the figures. */
    static FreshStatistics keep(String database, Measure measure, String prefix) throws SQLException {
        Connection connection = PostgresSupport.connect(database);
        boolean autovacuum;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("show autovacuum")) {
            r.next();
            autovacuum = r.getString(1).equals("on");
        }
        measure.put(prefix + "postgres.autovacuum", autovacuum ? "på" : "av (benchmarken analyserer hvert minutt)");
        if (autovacuum) {
            connection.close();
            return new FreshStatistics(null, null);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "analyze");
            thread.setDaemon(true);
            return thread;
        });
        FreshStatistics statistics = new FreshStatistics(connection, scheduler);
        scheduler.scheduleWithFixedDelay(statistics::analyze, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
        return statistics;
    }

    private void analyze() {
        try (Statement s = connection.createStatement()) {
            s.execute("analyze");
        } catch (SQLException e) {
            System.err.println("ANALYZE failed: " + e.getMessage());
        }
    }

    @Override
    public void close() throws SQLException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            connection.close();
        }
    }
}
