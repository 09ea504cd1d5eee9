package io.trunkline;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The domain knows no container (STYLE.md): it runs, and is tested, without a server, a database or a servlet. */
class ArchitectureTest {
    private static final String[] DOMAIN = {
            "io.trunkline.trunk..", "io.trunkline.number..", "io.trunkline.routing..", "io.trunkline.cdr..",
            "io.trunkline.provisioning..", "io.trunkline.security.."};
    private static final String[] CONTAINER_AND_PERSISTENCE = {
            "javax.servlet..", "javax.persistence..", "javax.ws.rs..", "javax.enterprise..", "javax.inject..",
            "javax.transaction..", "org.hibernate..", "org.flywaydb..", "java.sql..", "javax.sql.."};

    private static JavaClasses productionClasses;

    @BeforeAll
    static void importProductionClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.trunkline");
    }

    @Test
    void importsTheDomainAndAdapterClassesButNotTheTests() {
        assertThat(productionClasses.stream().map(JavaClass::getName)).contains(
                "io.trunkline.trunk.Trunk", "io.trunkline.number.NumberNormalizer", "io.trunkline.routing.CallRouter",
                "io.trunkline.cdr.BatchingCdrWriter", "io.trunkline.provisioning.Provisioning",
                "io.trunkline.security.AdminAccount", "io.trunkline.adapter.jpa.JpaCdrStore");
        assertThat(productionClasses.stream().map(JavaClass::getName)).doesNotContain(getClass().getName());
    }

    @Test
    void domainDependsOnNoContainerOrPersistenceApi() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(CONTAINER_AND_PERSISTENCE)
                .because("the domain knows no container; adapters translate");

        rule.check(productionClasses);
    }

    @Test
    void domainDependsOnNoAdapter() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("io.trunkline.adapter..")
                .because("adapters implement the domain's ports, never the other way round");

        rule.check(productionClasses);
    }
}
