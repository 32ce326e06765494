package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.testkit.TestDatabase;
import no.kompetansemidler.testkit.Tiers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Which schemes an owner takes part in follows the scheme files at every start, for owners registered before too. */
@Tag(Tiers.DELEGATE)
class OwnerSchemesTest {

    final org.springframework.jdbc.core.simple.JdbcClient db = TestDatabase.withReferenceData();
    final MasterDataRepository masterData = new MasterDataRepository(db);
    final SchemeCatalogue schemes = TestDatabase.schemes();

    @Test
    void a_scheme_added_to_the_files_applies_to_an_owner_registered_before_it() {
        OrganisationNumber school = new OrganisationNumber("974767880");
        masterData.saveOwner(new Owner(school, "Steinerskolen i Bergen AS", OwnerKind.PRIVAT_SKOLEEIER, Embete.VESTLAND,
                Set.of(), "post@steiner.example"), null, null, false, "test", Instant.now());
        Scheme added = new Scheme("GRUNNOPPLAERING");
        try {
            masterData.takePartAsConfigured(kind -> kind == OwnerKind.PRIVAT_SKOLEEIER ? Set.of(Scheme.DEKOM, added)
                    : schemes.schemesFor(kind));
            assertThat(masterData.findOwner(school).orElseThrow().schemes()).containsExactlyInAnyOrder(Scheme.DEKOM, added);
            assertThat(masterData.findOwner(new OrganisationNumber(BERGEN)).orElseThrow().schemes())
                    .containsExactlyInAnyOrder(Scheme.DEKOM, Scheme.KOMPETANSELOFTET, Scheme.REKOM);
        } finally {
            masterData.takePartAsConfigured(schemes::schemesFor);
        }
        try {
            // the scheme taken out of the files again: the owner takes part in DEKOM only
            assertThat(masterData.findOwner(school).orElseThrow().schemes()).containsExactly(Scheme.DEKOM);
        } finally {
            // the database is shared by the delegate tests, which count Vestland's owners
            db.sql("delete from km_owner_scheme where organisation_number = ?").param(school.value()).update();
            db.sql("delete from km_owner where organisation_number = ?").param(school.value()).update();
        }
    }
}
