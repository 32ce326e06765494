package no.kompetansemidler.testkit;

import no.kompetansemidler.funding.FundingParameters;
import no.kompetansemidler.funding.FundingProperties;
import no.kompetansemidler.funding.MonthDayConverter;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.ReferenceDataLoader;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
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
            new ReferenceDataLoader(new MasterDataRepository(shared), Clock.systemUTC()).run(null);
        }
        return shared;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).table("km_flyway_schema_history")
                .locations("classpath:db/migration").load().migrate();
    }

    /** The scheme parameters as application.yml sets them. */
    public static FundingParameters fundingParameters() {
        try {
            var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            ApplicationConversionService conversion = new ApplicationConversionService();
            conversion.addConverter(new MonthDayConverter());
            Binder binder = new Binder(ConfigurationPropertySources.from(sources), null, conversion);
            return new FundingParameters(binder.bind("kompetansemidler", FundingProperties.class).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
