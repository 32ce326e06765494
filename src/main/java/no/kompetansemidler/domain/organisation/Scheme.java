package no.kompetansemidler.domain.organisation;

import java.util.regex.Pattern;

/**
 * A grant scheme (ordning) by its code, as the cycles, decisions and owners store it. What a scheme is (its name,
 * who takes part, its rules and calendar) is configuration: one file per scheme under {@code ordninger/}, read by
 * {@code SchemeCatalogue}; a scheme that differs only in configuration needs no code. The five schemes the sources
 * describe have constants here for the code that names them.
 */
public record Scheme(String code) implements Comparable<Scheme> {

    /** Upper-case letters, digits and underscore, starting with a letter: the form a code has in every table. */
    public static final String CODE_FORM = "[A-Z][A-Z0-9_]{1,29}";
    public static final Pattern CODE = Pattern.compile(CODE_FORM);

    public static final Scheme DEKOM = new Scheme("DEKOM");
    public static final Scheme REKOM = new Scheme("REKOM");
    public static final Scheme KOMPETANSELOFTET = new Scheme("KOMPETANSELOFTET");
    public static final Scheme YRKESFAG = new Scheme("YRKESFAG");
    public static final Scheme OPPFOLGING = new Scheme("OPPFOLGING");

    public Scheme {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("«" + code + "» er ikke en ordningskode (store bokstaver, sifre og _)");
        }
    }

    /** The scheme of a stored or submitted code; whether it is configured is the catalogue's to say. */
    public static Scheme valueOf(String code) {
        return new Scheme(code);
    }

    /** The code, as the enum this replaced named it. */
    public String name() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    @Override
    public int compareTo(Scheme other) {
        return code.compareTo(other.code);
    }
}
