package no.kompetansemidler.domain.organisation;

import java.util.Optional;

/**
 * A Norwegian organisation number (organisasjonsnummer) from Enhetsregisteret: nine digits whose
 * last digit is a MOD11 check digit over the first eight (weights 3,2,7,6,5,4,3,2).
 */
public record OrganisationNumber(String value) {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    public OrganisationNumber {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Parses what a person typed: spaces are allowed between digit groups ("974 767 880"). */
    public static OrganisationNumber parse(String typed) {
        return new OrganisationNumber(typed == null ? null : typed.replace(" ", "").trim());
    }

    public static boolean isValid(String candidate) {
        return problemWith(candidate).isEmpty();
    }

    /** The Norwegian reason why the candidate is not an organisation number, or empty when it is one. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of("Organisasjonsnummer mangler.");
        }
        if (!candidate.matches("\\d{9}")) {
            return Optional.of("Organisasjonsnummeret «" + no.kompetansemidler.domain.validation.Texts.abbreviate(candidate) + "» må bestå av nøyaktig 9 siffer.");
        }
        if (candidate.chars().allMatch(c -> c == '0')) {
            return Optional.of("Organisasjonsnummeret kan ikke bare bestå av nuller.");
        }
        int expected = checkDigit(candidate.substring(0, 8));
        if (expected == 10 || expected != candidate.charAt(8) - '0') {
            return Optional.of("Organisasjonsnummeret " + candidate
                    + " er ugyldig: kontrollsifferet (MOD11) stemmer ikke. Sjekk nummeret i Enhetsregisteret.");
        }
        return Optional.empty();
    }

    /**
     * The MOD11 check digit for eight digits: 0 when the remainder is 0, 10 when no valid check digit exists.
     */
    public static int checkDigit(String eightDigits) {
        return Mod11.checkDigit(eightDigits, WEIGHTS);
    }

    /** The number grouped as people write it: "974 767 880". */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}
