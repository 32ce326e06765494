package no.kompetansemidler.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.test.context.SpringBootTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The tests keep to the tiers: a Spring application test is an {@link ApplicationTest} (one shared context), or runs
 * in a JVM of its own ({@link OwnJvmTest}, or a failsafe *IT suite). A test class that configures its own context in
 * the shared JVM would start a second engine named "default", and the REST API would answer from the wrong one.
 */
@AnalyzeClasses(packages = "no.kompetansemidler", importOptions = ImportOption.OnlyIncludeTests.class)
class TestKitRulesTest {

    @ArchTest
    static final ArchRule spring_tests_share_the_application_context_or_run_alone = classes()
            .that().areMetaAnnotatedWith(SpringBootTest.class).and().areNotAnnotations()
            .and().areNotAnnotatedWith(OwnJvmTest.class)
            .and().haveSimpleNameNotEndingWith("IT")
            .should().beAnnotatedWith(ApplicationTest.class)
            .andShould().notBeAnnotatedWith(SpringBootTest.class);

    @ArchTest
    static final ArchRule application_tests_add_nothing_that_changes_the_context = classes()
            .that().areAnnotatedWith(ApplicationTest.class)
            .should().notBeMetaAnnotatedWith("org.springframework.test.context.TestPropertySource")
            .andShould().notBeMetaAnnotatedWith("org.springframework.boot.test.mock.mockito.MockBean")
            .andShould().notBeMetaAnnotatedWith("org.springframework.test.context.ActiveProfiles")
            .andShould().notBeMetaAnnotatedWith("org.springframework.test.annotation.DirtiesContext");
}
