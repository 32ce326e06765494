package no.kompetansemidler.domain.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A county authority (fylkeskommune) from 2024, as the reference data lists them (masterdata/fylkeskommuner-2024.csv),
 * and Oslo kommune in its county role: an owner of upper secondary schools, and the office that runs the scheme for
 * vocational education (YRKESFAG).
 */
public record County(String number, String name, OrganisationNumber organisationNumber, Embete embete)
        implements Office {

    static final String REFERENCE_DATA = "/masterdata/fylkeskommuner-2024.csv";

    private static final class Loaded {
        static final List<County> ALL = read();
    }

    @Override
    public String slug() {
        return Office.slugOf(name);
    }

    @Override
    public String displayName() {
        return name;
    }

    /** Oslo kommune, which holds the county role for 03 Oslo (its organisation number is a known one). */
    static final County OSLO = new County("03", "Oslo kommune", OrganisationNumber.parse("958935420"),
            Embete.OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS);

    /** The 14 fylkeskommuner of 2024 and Oslo kommune in its county role, in county-number order. */
    public static List<County> all() {
        return Loaded.ALL;
    }

    public static Optional<County> find(String number) {
        return all().stream().filter(c -> c.number.equals(number)).findFirst();
    }

    private static List<County> read() {
        var stream = County.class.getResourceAsStream(REFERENCE_DATA);
        if (stream == null) {
            throw new IllegalStateException(REFERENCE_DATA + " mangler");
        }
        List<County> counties = new ArrayList<>(List.of(OSLO));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                // organisasjonsnummer,navn,fylkesnummer,statsforvalter (the last may be quoted)
                String[] f = line.split(",", 4);
                counties.add(new County(f[2].trim(), f[1].trim(), OrganisationNumber.parse(f[0].trim()),
                        Embete.fromRegionName(f[3].trim().replaceAll("^\"|\"$", ""))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counties.sort(java.util.Comparator.comparing(County::number));
        return List.copyOf(counties);
    }
}
