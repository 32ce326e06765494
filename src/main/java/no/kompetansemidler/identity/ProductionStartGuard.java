package no.kompetansemidler.identity;

import no.kompetansemidler.security.LoginProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses a production start (any start without the {@code demo} profile) in which nobody could log in (local users
 * off and no identity provider), or whose administrator password, from the environment, is missing or weak, before
 * the engine creates any user.
 */
public class ProductionStartGuard implements EnvironmentPostProcessor, Ordered {

    static final String ADMIN_USER = "camunda.bpm.admin-user.id";
    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        LoginProperties login = Binder.get(environment).bind("kompetansemidler.innlogging", LoginProperties.class)
                .orElseGet(LoginProperties::new);
        if (!login.anyLogin()) {
            throw new ProductionStartRefusedException("Ingen kan logge inn: lokale brukere er slått av"
                    + " (KOMPETANSEMIDLER_LOKALE_BRUKERE=false), og ingen innloggingstjeneste er satt opp. Sett"
                    + " KOMPETANSEMIDLER_ANSATTE_ISSUER og/eller KOMPETANSEMIDLER_IDPORTEN_ISSUER (docs/sikkerhet.md),"
                    + " eller slå på lokale brukere.");
        }
        String user = environment.getProperty(ADMIN_USER);
        if (user == null || user.isBlank()) {
            throw new ProductionStartRefusedException("Administratorbrukeren mangler. Sett miljøvariabelen"
                    + " KOMPETANSEMIDLER_ADMIN_USER (standard: admin).");
        }
        AdminPasswordPolicy.problemWith(user, environment.getProperty(ADMIN_PASSWORD)).ifPresent(problem -> {
            throw new ProductionStartRefusedException(problem);
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Why a production start was refused. */
    public static class ProductionStartRefusedException extends IllegalStateException {
        public ProductionStartRefusedException(String reason) {
            super("Produksjonsstart nektet: " + reason);
        }
    }
}
