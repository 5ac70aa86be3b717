package com.tierdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tierdesk.shared.BusinessTime;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Time and the business zone are read in one place, {@link BusinessTime}, so that tests and operators can set them. */
class BusinessTimeRuleTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tierdesk");

    @Test
    void nothingButBusinessTimeReadsTheClock() {
        noClasses().that().doNotHaveFullyQualifiedName("com.tierdesk.shared.BusinessTimeConfiguration")
                .and().doNotBelongToAnyOf(BusinessTime.class)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(ZoneId.class, "systemDefault")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .because("now, today and the business zone come from BusinessTime")
                .check(MAIN);
    }

    @Test
    void nothingInjectsTheBusinessZoneButBusinessTime() {
        noClasses().that().doNotHaveFullyQualifiedName("com.tierdesk.shared.BusinessTimeConfiguration")
                .should(injectTheZone())
                .because("the business zone is BusinessTime.zone()")
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> injectTheZone() {
        return new ArchCondition<>("inject tierdesk.zone with @Value") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Stream<String> parameters = javaClass.getCodeUnits().stream()
                        .flatMap((JavaCodeUnit unit) -> unit.getParameters().stream())
                        .filter(parameter -> readsZone(parameter))
                        .map(JavaParameter::getDescription);
                Stream<String> fields = javaClass.getFields().stream()
                        .filter(field -> field.isAnnotatedWith(Value.class)
                                && field.getAnnotationOfType(Value.class).value().contains("tierdesk.zone"))
                        .map(JavaField::getFullName);
                Stream.concat(parameters, fields).forEach(place ->
                        events.add(SimpleConditionEvent.violated(javaClass, place + " injects tierdesk.zone")));
            }
        };
    }

    private static boolean readsZone(JavaParameter parameter) {
        return parameter.isAnnotatedWith(Value.class)
                && parameter.getAnnotationOfType(Value.class).value().contains("tierdesk.zone");
    }
}
