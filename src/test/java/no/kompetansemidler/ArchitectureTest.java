package no.kompetansemidler;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain is pure: no Spring, no Camunda, no persistence or web in it. */
@AnalyzeClasses(packages = "no.kompetansemidler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_free_of_spring_and_camunda = noClasses()
            .that().resideInAPackage("no.kompetansemidler.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.camunda..", "jakarta..", "javax.sql..", "java.sql..",
                    "com.fasterxml..", "org.h2..", "org.postgresql..");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_the_application = noClasses()
            .that().resideInAPackage("no.kompetansemidler.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "no.kompetansemidler.masterdata..", "no.kompetansemidler.identity..",
                    "no.kompetansemidler.funding..", "no.kompetansemidler.system..");
}
