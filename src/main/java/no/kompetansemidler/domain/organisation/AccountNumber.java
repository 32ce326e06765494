package no.kompetansemidler.domain.organisation;

import java.util.Optional;

/** A Norwegian bank account number (kontonummer): eleven digits, the last a MOD11 check digit (weights 5,4,3,2,7,6,5,4,3,2). */
public record AccountNumber(String value) {

    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    public AccountNumber {
        problemWith(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    public static AccountNumber parse(String typed) {
        return new AccountNumber(typed == null ? null : typed.replaceAll("[ .]", ""));
    }

    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of("Kontonummer mangler.");
        }
        if (!candidate.matches("\\d{11}")) {
            return Optional.of("Kontonummeret «" + no.kompetansemidler.domain.validation.Texts.abbreviate(candidate) + "» må bestå av 11 siffer.");
        }
        if (candidate.chars().allMatch(c -> c == '0')) {
            return Optional.of("Kontonummeret kan ikke bare bestå av nuller.");
        }
        int check = checkDigit(candidate.substring(0, 10));
        if (check == 10 || check != candidate.charAt(10) - '0') {
            return Optional.of("Kontonummeret " + candidate + " er ugyldig: kontrollsifferet (MOD11) stemmer ikke.");
        }
        return Optional.empty();
    }

    /** The check digit for ten digits, or 10 when no valid account number starts with them. */
    public static int checkDigit(String tenDigits) {
        return Mod11.checkDigit(tenDigits, WEIGHTS);
    }

    /** "1234.56.78903" */
    public String formatted() {
        return value.substring(0, 4) + "." + value.substring(4, 6) + "." + value.substring(6);
    }
}
