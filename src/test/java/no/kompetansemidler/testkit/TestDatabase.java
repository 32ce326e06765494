package no.kompetansemidler.testkit;

import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.ReferenceDataLoader;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The project's own tables for the delegate tests, without Spring: an in-memory H2 database per JVM, migrated by
 * Flyway as the application migrates it, with the reference data loaded (every municipality, county authority and
 * UH institution). Tests share it, so each makes its own cycle (a year of its own, {@link Years}).
 */
public final class TestDatabase {

    private static JdbcClient shared;

    private TestDatabase() {
    }

    /** The database with the reference data, migrated and loaded once per JVM. */
    public static synchronized JdbcClient withReferenceData() {
        if (shared == null) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:delegater;DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            migrate(dataSource);
            shared = JdbcClient.create(dataSource);
            new ReferenceDataLoader(new MasterDataRepository(shared), Clock.systemUTC(), schemes()).run(null);
        }
        return shared;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).table("km_flyway_schema_history")
                .locations("classpath:db/migration").load().migrate();
    }

    private static SchemeCatalogue schemes;

    /** The schemes as their files in src/main/resources/ordninger set them. */
    public static synchronized SchemeCatalogue schemes() {
        if (schemes == null) {
            schemes = new SchemeCatalogue(jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(), "");
        }
        return schemes;
    }
}
