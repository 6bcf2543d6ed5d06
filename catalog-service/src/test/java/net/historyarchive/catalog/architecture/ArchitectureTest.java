package net.historyarchive.catalog.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The catalog's layering, checked on its compiled classes: HTTP stays at the edge (resources,
 * common.http, common.problem), services and repositories speak in domain outcomes, change events
 * do not borrow the REST representation, and no two packages depend on each other.
 */
class ArchitectureTest {

    private static final JavaClasses CATALOG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.historyarchive.catalog");

    /** Every package is its own slice: a cycle between any two (or more) fails. */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("net.historyarchive.catalog.(**)").should().beFreeOfCycles().check(CATALOG);
    }

    @Test
    void servicesAndRepositoriesKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("..service..", "..repository..", "..model..")
                .or().haveSimpleNameEndingWith("Service")
                .or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                        "net.historyarchive.catalog.common.http..", "net.historyarchive.catalog.common.problem..")
                .because("services answer in domain outcomes (RecordNotFoundException, VersionConflictException, "
                        + "InvalidInputException, ...) that common.problem.ProblemMappers turns into HTTP")
                .check(CATALOG);
    }

    @Test
    void changeEventsDoNotUseTheRestRepresentation() {
        noClasses().that().resideInAPackage("net.historyarchive.catalog.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("net.historyarchive.catalog..api..", "net.historyarchive.catalog..rest..")
                .because("the event snapshot (outbox.event) is a contract of its own, checked against contracts/")
                .check(CATALOG);
    }

    @Test
    void theDomainAndValidationVocabularyDependsOnNoEdge() {
        noClasses().that().resideInAnyPackage("net.historyarchive.catalog.common.domain..",
                        "net.historyarchive.catalog.common.validation..", "net.historyarchive.catalog.common.json..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..",
                        "net.historyarchive.catalog.common.http..", "net.historyarchive.catalog.common.problem..")
                .check(CATALOG);
    }
}
