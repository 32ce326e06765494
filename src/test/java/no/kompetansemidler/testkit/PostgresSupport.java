package no.kompetansemidler.testkit;

import no.kompetansemidler.KompetansemidlerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL suite's access to the real server on 127.0.0.1:5432 (see .ci/run): a fresh database per suite,
 * and the application started with the postgres profile and the same variables as docker-compose.yml.
 */
public final class PostgresSupport {

    static final String HOST = System.getProperty("km.it.pg.host", "127.0.0.1:5432");
    static final String USER = System.getProperty("km.it.pg.user", "postgres");

    private PostgresSupport() {
    }

    public static void freshDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }

    /** The command-line arguments that put the application on the database (in this JVM or as a process). */
    public static List<String> databaseArguments(String database) {
        return List.of("--KOMPETANSEMIDLER_DB_URL=" + url(database),
                "--KOMPETANSEMIDLER_DB_USER=" + USER, "--KOMPETANSEMIDLER_DB_PASSWORD=");
    }

    /** A connection of its own to the database, as the suite's user. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    public static ConfigurableApplicationContext start(String database, List<String> profiles, String... extra) {
        List<String> args = new ArrayList<>(databaseArguments(database));
        args.add("--server.port=0");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(KompetansemidlerApplication.class)
                .profiles(profiles.toArray(String[]::new)).run(args.toArray(String[]::new));
    }
}
