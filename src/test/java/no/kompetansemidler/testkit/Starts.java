package no.kompetansemidler.testkit;

import no.kompetansemidler.KompetansemidlerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Starts the whole application as its README does, with the profiles and arguments an operator would give. */
public final class Starts {

    /** A password that the administrator password policy accepts. */
    public static final String STRONG_ADMIN_PASSWORD = "Tr0ll-Hest-Fjord-2026";

    private Starts() {
    }

    /** The default start: the demo, on the given database URL. */
    public static ConfigurableApplicationContext demo(String databaseUrl, String... extraArgs) {
        return start(List.of(), databaseUrl, extraArgs);
    }

    /** A production start (profile "prod", no demo) on the given database URL. */
    public static ConfigurableApplicationContext production(String databaseUrl, String... extraArgs) {
        return start(List.of("prod"), databaseUrl, extraArgs);
    }

    public static ConfigurableApplicationContext start(List<String> profiles, String databaseUrl, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(KompetansemidlerApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .run(args.toArray(String[]::new));
    }
}
