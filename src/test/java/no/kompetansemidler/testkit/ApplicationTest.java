package no.kompetansemidler.testkit;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port, the demo on an in-memory H2 database (src/test/resources/config), with
 * the test kit's OpenID Connect provider configured beside the demo's local users ({@link IdentityProvider}). Every
 * application test has exactly this configuration, so they all share one cached Spring context in the test JVM:
 * a second context would register a second engine named "default", and closing one clears the webapps' JVM-wide
 * state. So an application test adds nothing that changes the context (ArchitectureTest checks that), makes its own
 * data (a year of its own, {@link Years}) and reads only its own cases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Tiers.APPLICATION)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a real OpenID Connect provider for logins and tokens, beside the demo's local users (docs/sikkerhet.md)
@org.springframework.test.context.ContextConfiguration(initializers = IdentityProvider.Initializer.class)
// Spring Boot's tests switch metrics export off unless asked: the application has it on (docs/drift.md)
@AutoConfigureObservability
public @interface ApplicationTest {
}
