package no.kompetansemidler.domain.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * The office that runs a cycle and decides in it: a Statsforvalter embete, or, for a scheme the county authorities
 * run (YRKESFAG), a fylkeskommune. Its caseworkers and leaders are its own groups; a fylkeskommune's cycles are read,
 * not worked, by the Statsforvalter whose area it lies in ({@link #embete()}).
 */
public sealed interface Office permits Embete, County {

    /** A short lower-case ASCII id for group names and URLs, e.g. "vestland" or "vestland-fylkeskommune". */
    String slug();

    /** How a person names the office: "Statsforvalteren i Vestland", "Vestland fylkeskommune". */
    String displayName();

    /** The Statsforvalter embete whose area the office lies in (itself for an embete). */
    Embete embete();

    /** The ten embeter, then the fylkeskommuner in county-number order. */
    static List<Office> all() {
        List<Office> all = new ArrayList<>(List.of(Embete.values()));
        all.addAll(County.all());
        return all;
    }

    static Office fromSlug(String slug) {
        return all().stream().filter(o -> o.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Ukjent embete eller fylkeskommune: " + slug));
    }

    /** Lower-case ASCII with hyphens, e.g. "Møre og Romsdal" → "more-og-romsdal". */
    static String slugOf(String name) {
        String ascii = name.toLowerCase(java.util.Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("å", "a");
        ascii = java.text.Normalizer.normalize(ascii, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
