package no.kompetansemidler;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is pure: no Spring, no Camunda, no persistence or web in it. The engine's internals are used by the few
 * classes named here and nowhere else, so that a move to Operaton changes only them (docs/drift.md).
 */
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
                    "no.kompetansemidler.funding..", "no.kompetansemidler.system..", "no.kompetansemidler.engine..");

    /** The only classes that may use org.camunda.bpm.engine.impl (with their nested classes). */
    static final String ENGINE_INTERNALS = "no\\.kompetansemidler\\.engine\\.(EnginePlugin|FormGuard|EngineContext)(\\$.*)?";

    @ArchTest
    static final ArchRule only_the_named_classes_use_the_engines_internals = noClasses()
            .that().haveNameNotMatching(ENGINE_INTERNALS)
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..");

    @ArchTest
    static final ArchRule the_engine_package_holds_only_the_named_classes = classes()
            .that().resideInAPackage("no.kompetansemidler.engine").and().doNotHaveSimpleName("package-info")
            .should().haveNameMatching(ENGINE_INTERNALS);
}
