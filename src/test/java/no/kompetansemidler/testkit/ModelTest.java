package no.kompetansemidler.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model's paths on an engine of its own ({@link ModelEngine}): no Spring, the model and its forms deployed with
 * {@code @Deployment}, the delegates replaced by {@code Mocks}. Milliseconds per path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Tiers.MODEL)
@ExtendWith(ModelEngine.class)
public @interface ModelTest {
}
