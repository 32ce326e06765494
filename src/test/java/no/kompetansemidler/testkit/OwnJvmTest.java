package no.kompetansemidler.testkit;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that starts and stops applications of its own (a restart, a production start, a start that fails), or
 * deploys new versions of the models: it runs in a JVM of its own (pom.xml, surefire execution "own-jvm"), so that
 * the shared application context of the other tests is left alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Tiers.OWN_JVM)
public @interface OwnJvmTest {
}
