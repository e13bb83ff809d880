package org.switchboard.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps app-core's features apart (STYLE.md, issue 14): no two features depend on each other, and a feature's
 * {@code boundary} — the door app-web and app-admin come in by — never shows a {@code control} type, so a caller
 * that uses a boundary never needs the feature's inside. The web and console rules live in those modules.
 */
@AnalyzeClasses(packages = "org.switchboard.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> CONTROL =
            resideInAPackage("org.switchboard.core.*.control..").as("a control type");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.switchboard.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature that needs another's type owns it, or the type moves to the feature that owns it");

    @ArchTest
    static final ArchRule boundariesShowNoControlType = codeUnits()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("org.switchboard.core.*.boundary..")
            .and()
            .arePublic()
            .should(showNoControlType())
            .because("a boundary is a feature's door: what passes through it is an entity, a value or an exception");

    @ArchTest
    static final ArchRule singletonsStartAtDeploy = classes()
            .that()
            .areAnnotatedWith(jakarta.ejb.Singleton.class)
            .should()
            .beAnnotatedWith(jakarta.ejb.Startup.class)
            .because("a singleton first created by a timer tick during undeploy breaks Payara's undeploy"
                    + " (ConcurrentModificationException in SingletonLifeCycleManager) and with it the next deploy");

    @ArchTest
    static final ArchRule entitiesStandOnNothingBehindThem = noClasses()
            .that()
            .resideInAPackage("org.switchboard.core.*.entity..")
            .should()
            .dependOnClassesThat(
                    resideInAnyPackage("org.switchboard.core.*.boundary..", "org.switchboard.core.*.control.."))
            .because("entities are what boundaries hand out; they may not pull a feature's inside along");

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.switchboard.core.platform..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.switchboard.core..")
                    .and(not(resideInAPackage("org.switchboard.core.platform.."))))
            .because("platform is the shared kernel every feature stands on (see its package-info)");

    /** Parameters (with their type arguments), the return type (with its type arguments) and the throws clause. */
    private static ArchCondition<JavaCodeUnit> showNoControlType() {
        return new ArchCondition<>("show no control type in parameters, return type or throws clause") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Set<JavaClass> shown = new LinkedHashSet<>(unit.getReturnType().getAllInvolvedRawTypes());
                unit.getParameterTypes().forEach(type -> shown.addAll(type.getAllInvolvedRawTypes()));
                unit.getThrowsClause().getTypes().forEach(shown::add);
                shown.stream()
                        .filter(CONTROL)
                        .forEach(type -> events.add(
                                SimpleConditionEvent.violated(unit, unit.getFullName() + " shows " + type.getName())));
            }
        };
    }
}
