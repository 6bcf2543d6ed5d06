package net.historyarchive.catalog.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

public class LanguageCodeValidator implements ConstraintValidator<LanguageCode, String> {

    /** The JDK's ISO 639-1 codes and their ISO 639-2/T three-letter forms. */
    private static final Set<String> CODES = knownCodes();

    private static Set<String> knownCodes() {
        Set<String> codes = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));
        for (String two : Locale.getISOLanguages()) {
            codes.add(new Locale(two).getISO3Language());
        }
        return Set.copyOf(codes);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || CODES.contains(value);
    }
}
