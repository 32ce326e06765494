package no.kompetansemidler.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an administrator password for a production start must be: given, long and not guessable. */
public final class AdminPasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final List<String> GUESSABLE = List.of(
            "password", "passord", "camunda", "admin", "demo", "kompetanse", "statsforvalter", "123456", "qwerty");

    private AdminPasswordPolicy() {
    }

    /** The Norwegian reason the password is refused, or empty when it is acceptable. */
    public static Optional<String> problemWith(String userId, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("Administratorpassordet mangler. Sett miljøvariabelen KOMPETANSEMIDLER_ADMIN_PASSWORD.");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("Administratorpassordet er for kort: det må ha minst " + MIN_LENGTH + " tegn.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            return Optional.of("Administratorpassordet kan ikke inneholde brukernavnet.");
        }
        for (String word : GUESSABLE) {
            if (lower.contains(word)) {
                return Optional.of("Administratorpassordet er for lett å gjette: det inneholder «" + word + "».");
            }
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of("Administratorpassordet er for svakt: bruk minst tre av små bokstaver, store bokstaver,"
                    + " sifre og spesialtegn.");
        }
        return Optional.empty();
    }
}
