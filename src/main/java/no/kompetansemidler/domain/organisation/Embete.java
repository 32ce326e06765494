package no.kompetansemidler.domain.organisation;

import java.util.Arrays;

/** The ten Statsforvalter offices (embeter) from 2024. */
public enum Embete implements Office {
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
    @Override
    public String displayName() {
        return "Statsforvalteren i " + regionName;
    }

    /** A short lower-case ASCII id for group names and URLs, e.g. "more-og-romsdal". */
    @Override
    public String slug() {
        return Office.slugOf(regionName);
    }

    /** An embete lies in its own area. */
    @Override
    public Embete embete() {
        return this;
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
