package org.switchboard.admin;

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
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.platform.SwitchboardException;
import org.switchboard.core.runs.boundary.RunHistory;

/**
 * The console reaches app-core only through its doors (STYLE.md, issue 14): views talk to a feature's
 * {@code boundary} directly and show its {@code entity} types; from the {@code platform} shared kernel they may
 * use only the exceptions, {@link Ids} and {@link JsonP}. Core's {@code control} classes and {@code keys} stay
 * behind the doors.
 */
@AnalyzeClasses(
        packages = {"org.switchboard.admin", "org.switchboard.core"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> DOORS =
            resideInAnyPackage("org.switchboard.core.*.boundary..", "org.switchboard.core.*.entity..");

    private static final DescribedPredicate<JavaClass> SHARED_KERNEL =
            assignableTo(SwitchboardException.class).or(type(Ids.class)).or(type(JsonP.class));

    @ArchTest
    static final ArchRule consoleReachesCoreOnlyThroughItsDoors = noClasses()
            .that()
            .resideInAPackage("org.switchboard.admin..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.switchboard.core..")
                    .and(not(DOORS))
                    .and(not(SHARED_KERNEL))
                    .as("are core types behind its doors (control, keys, platform plumbing)"))
            .because("views talk to core boundaries directly and show entities; there is no other way in");

    @ArchTest
    static final ArchRule callersReadRunsOnlyInTheirTenantScope = noClasses()
            .that()
            .resideInAPackage("org.switchboard.admin..")
            .should()
            .dependOnClassesThat(type(RunHistory.class))
            .because("RunHistory reads the runs of every tenant for reactions inside the application; a caller's"
                    + " reads go through Runs, in the caller's tenant scope");
}
