package no.kompetansemidler.domain.organisation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/** The ten Statsforvalter offices (embeter) from 2024. */
public enum Embete {
    AGDER("Agder"),
    INNLANDET("Innlandet"),
    MORE_OG_ROMSDAL("Møre og Romsdal"),
    NORDLAND("Nordland"),
    ROGALAND("Rogaland"),
    TROMS_OG_FINNMARK("Troms og Finnmark"),
    TRONDELAG("Trøndelag"),
    VESTFOLD_OG_TELEMARK("Vestfold og Telemark"),
    VESTLAND("Vestland"),
    OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS("Østfold, Buskerud, Oslo og Akershus");

    private final String regionName;

    Embete(String regionName) {
        this.regionName = regionName;
    }

    /** The region as written in the reference data, e.g. "Møre og Romsdal". */
    public String regionName() {
        return regionName;
    }

    /** How a person names the office: "Statsforvalteren i Vestland". */
    public String displayName() {
        return "Statsforvalteren i " + regionName;
    }

    /** A short lower-case ASCII id for group names and URLs, e.g. "more-og-romsdal". */
    public String slug() {
        String ascii = regionName.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("å", "a");
        ascii = Normalizer.normalize(ascii, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static Embete fromRegionName(String regionName) {
        return Arrays.stream(values())
                .filter(e -> e.regionName.equals(regionName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Ukjent embete: " + regionName));
    }

    public static Embete fromSlug(String slug) {
        return Arrays.stream(values())
                .filter(e -> e.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Ukjent embete: " + slug));
    }
}
