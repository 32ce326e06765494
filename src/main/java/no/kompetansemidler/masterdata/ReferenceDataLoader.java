package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the project's copy of the reference data (classpath:masterdata, see KILDER.md) into the master data
 * tables at every start. Idempotent: rows are inserted or updated, never duplicated.
 */
@Component
@Order(10)
public class ReferenceDataLoader implements ApplicationRunner {

    static final String SYSTEM_USER = "stamdata";
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    /** Oslo kommune also holds the county role for county 03 (domain README, data README). */
    private static final String OSLO = "0301";

    private final MasterDataRepository repository;
    private final Clock clock;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    public ReferenceDataLoader(MasterDataRepository repository, Clock clock,
                               no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Embete embete : Embete.values()) {
            repository.saveEmbete(embete);
        }
        Map<String, Municipality> municipalities = new HashMap<>();
        for (Map<String, String> row : read("kommuner-2024.csv")) {
            Municipality m = new Municipality(row.get("kommunenummer"), row.get("kommunenavn"),
                    row.get("fylkesnummer"), row.get("fylkesnavn"), Embete.fromRegionName(row.get("statsforvalter")));
            repository.saveMunicipality(m);
            municipalities.put(m.municipalityNumber(), m);
        }
        for (Map<String, String> row : read("fylkeskommuner-2024.csv")) {
            OwnerKind kind = OwnerKind.FYLKESKOMMUNE;
            saveOwner(row.get("organisasjonsnummer"), row.get("navn"), kind,
                    Embete.fromRegionName(row.get("statsforvalter")), null, row.get("fylkesnummer"));
        }
        for (Map<String, String> row : read("kommuner-organisasjonsnummer.csv")) {
            Municipality m = municipalities.get(row.get("kommunenummer"));
            boolean countyRole = OSLO.equals(m.municipalityNumber());
            saveOwner(row.get("organisasjonsnummer"), m.name() + " kommune",
                    countyRole ? OwnerKind.KOMMUNE_MED_FYLKESROLLE : OwnerKind.KOMMUNE, m.embete(),
                    m.municipalityNumber(), countyRole ? m.countyNumber() : null);
        }
        for (Map<String, String> row : read("uh-institusjoner.csv")) {
            repository.saveUhInstitution(new UhInstitution(
                    new OrganisationNumber(row.get("organisasjonsnummer")), row.get("navn")));
        }
        repository.takePartAsConfigured(schemes::schemesFor);
        log.info("Stamdata lastet: {} embeter, {} kommuner, {} fylkeskommunale eiere, {} UH-institusjoner",
                repository.countEmbeter(), repository.countMunicipalities(),
                repository.countOwnersOfKind(OwnerKind.FYLKESKOMMUNE, OwnerKind.KOMMUNE_MED_FYLKESROLLE),
                repository.countUhInstitutions());
    }

    private void saveOwner(String orgnr, String name, OwnerKind kind, Embete embete, String municipalityNumber,
                           String countyNumber) {
        OrganisationNumber number = new OrganisationNumber(orgnr);
        String contact = repository.findOwner(number).map(Owner::contactEmail).orElse(null);
        repository.saveOwner(new Owner(number, name, kind, embete, schemes.schemesFor(kind), contact),
                municipalityNumber, countyNumber, false, SYSTEM_USER, clock.instant());
    }

    static List<Map<String, String>> read(String file) {
        try (InputStream in = new ClassPathResource("masterdata/" + file).getInputStream()) {
            return Csv.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read master data file " + file, e);
        }
    }
}
