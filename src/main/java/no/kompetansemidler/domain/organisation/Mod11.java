package no.kompetansemidler.domain.organisation;

/** The MOD11 check digit of Norwegian organisation and account numbers. */
public final class Mod11 {

    private Mod11() {
    }

    /** The check digit for the digits under the weights: 0 when the remainder is 0, 10 when none exists. */
    public static int checkDigit(String digits, int[] weights) {
        if (digits.length() != weights.length || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("expected " + weights.length + " digits, got " + digits);
        }
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        return remainder == 0 ? 0 : 11 - remainder;
    }
}
