package net.historyarchive.catalog.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 639-1 (two-letter) or ISO 639-2/T (three-letter) language code, lower case. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageCodeValidator.class)
public @interface LanguageCode {
    String message() default "must be an ISO 639 language code such as en, ru, zh or kor";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
