package org.switchboard.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.platform.SchemaMigration;
import org.switchboard.core.platform.SwitchboardException;
import org.switchboard.core.platform.ViolationType;
import org.switchboard.core.runs.boundary.RunHistory;

/**
 * app-web reaches app-core only through its doors (STYLE.md, issue 14): a feature's {@code boundary} and
 * {@code entity} types, and from the {@code platform} shared kernel only the exceptions, {@link Ids} and
 * {@link JsonP} and {@link ViolationType} (a validation record's problem type) (the readiness check also reads {@link Database}'s name and {@link SchemaMigration}'s state).
 * Core's {@code control} classes, its {@code keys} and the rest of its plumbing stay behind the doors.
 */
@AnalyzeClasses(
        packages = {"org.switchboard.web", "org.switchboard.core"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> DOORS =
            resideInAnyPackage("org.switchboard.core.*.boundary..", "org.switchboard.core.*.entity..");

    private static final DescribedPredicate<JavaClass> SHARED_KERNEL = assignableTo(SwitchboardException.class)
            .or(type(Ids.class))
            .or(type(JsonP.class))
            .or(type(ViolationType.class));

    private static final DescribedPredicate<JavaClass> READINESS =
            type(Database.class).or(type(SchemaMigration.class));

    @ArchTest
    static final ArchRule webReachesCoreOnlyThroughItsDoors = noClasses()
            .that()
            .resideInAPackage("org.switchboard.web..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.switchboard.core..")
                    .and(not(DOORS))
                    .and(not(SHARED_KERNEL))
                    .and(not(READINESS))
                    .as("are core types behind its doors (control, keys, platform plumbing)"))
            .because("app-web uses core boundary and entity types only; a boundary is the transaction and"
                    + " security door");

    @ArchTest
    static final ArchRule onlyTheReadinessCheckLooksAtTheDatabase = noClasses()
            .that()
            .resideInAPackage("org.switchboard.web..")
            .and()
            .resideOutsideOfPackage("org.switchboard.web.health..")
            .should()
            .dependOnClassesThat(READINESS)
            .because("the database and its migration are core's plumbing; only readiness reports on them");

    @ArchTest
    static final ArchRule callersReadRunsOnlyInTheirTenantScope = noClasses()
            .that()
            .resideInAPackage("org.switchboard.web..")
            .should()
            .dependOnClassesThat(type(RunHistory.class))
            .because("RunHistory reads the runs of every tenant for reactions inside the application; a caller's"
                    + " reads go through Runs, in the caller's tenant scope");
}
