package no.kompetansemidler.masterdata;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.identity.IdentityGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo start (the default): master data, groups and one login per role. */
@ApplicationTest
class MasterDataAndIdentityTest {

    @Autowired
    MasterDataRepository masterData;
    @Autowired
    IdentityService identityService;

    @Test
    void the_master_data_has_every_embete_municipality_county_authority_and_uh() {
        assertThat(masterData.countEmbeter()).isEqualTo(10);
        assertThat(masterData.countMunicipalities()).isEqualTo(357);
        // 14 fylkeskommuner and Oslo kommune in its county role
        assertThat(masterData.countOwnersOfKind(OwnerKind.FYLKESKOMMUNE)).isEqualTo(14);
        assertThat(masterData.countOwnersOfKind(OwnerKind.KOMMUNE_MED_FYLKESROLLE)).isEqualTo(1);
        assertThat(masterData.countUhInstitutions()).isEqualTo(27);
    }

    @ParameterizedTest
    @CsvSource({
            "VESTLAND, 43", "OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS, 52", "AGDER, 25", "INNLANDET, 46",
            "MORE_OG_ROMSDAL, 27", "NORDLAND, 41", "ROGALAND, 23", "TROMS_OG_FINNMARK, 39", "TRONDELAG, 38",
            "VESTFOLD_OG_TELEMARK, 23"})
    void each_embete_covers_its_municipalities(Embete embete, int count) {
        assertThat(masterData.municipalities(embete)).hasSize(count);
    }

    @Test
    void oslo_kommune_also_holds_the_county_role_takes_part_as_an_owner_and_runs_yrkesfag_in_oslo() {
        Owner oslo = masterData.findOwner(new OrganisationNumber("958935420")).orElseThrow();
        assertThat(oslo.kind()).isEqualTo(OwnerKind.KOMMUNE_MED_FYLKESROLLE);
        assertThat(oslo.schemes()).containsExactlyInAnyOrder(Scheme.DEKOM, Scheme.REKOM, Scheme.KOMPETANSELOFTET);
        County osloCounty = County.find("03").orElseThrow();
        assertThat(osloCounty.displayName()).isEqualTo("Oslo kommune");
        assertThat(osloCounty.organisationNumber()).isEqualTo(oslo.organisationNumber());
        assertThat(osloCounty.embete()).isEqualTo(Embete.OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS);
        assertThat(oslo.embete()).isEqualTo(Embete.OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS);
    }

    @Test
    void the_county_runs_yrkesfag_whose_applicants_are_its_schools_training_offices_companies_and_boards() {
        Owner vestlandFk = masterData.findOwner(new OrganisationNumber("821311632")).orElseThrow();
        Owner bergen = masterData.findOwner(new OrganisationNumber("964338531")).orElseThrow();
        assertThat(vestlandFk.schemes()).contains(Scheme.DEKOM).doesNotContain(Scheme.YRKESFAG, Scheme.REKOM);
        assertThat(bergen.schemes()).contains(Scheme.DEKOM, Scheme.REKOM).doesNotContain(Scheme.YRKESFAG);
        County vestland = County.find("46").orElseThrow();
        assertThat(masterData.owners(vestland, Scheme.YRKESFAG)).extracting(Owner::kind).containsExactlyInAnyOrder(
                OwnerKind.VIDEREGAENDE_SKOLE, OwnerKind.OPPLAERINGSKONTOR, OwnerKind.LAEREBEDRIFT, OwnerKind.PROVENEMND);
        // another county's applicants are its own (other tests may register some there)
        assertThat(masterData.owners(County.find("11").orElseThrow(), Scheme.YRKESFAG))
                .noneMatch(o -> masterData.office(o).equals(vestland));
        assertThat(masterData.owners(vestland, Scheme.YRKESFAG)).allSatisfy(o -> {
            assertThat(masterData.office(o)).isEqualTo(vestland);
            assertThat(masterData.isInvented(o.organisationNumber())).isTrue();
        });
    }

    @Test
    void every_demo_municipality_is_an_owner_with_a_valid_number_marked_invented_except_bergen() {
        List<Owner> municipalities = masterData.owners(Embete.VESTLAND, Scheme.DEKOM).stream()
                .filter(o -> o.kind() == OwnerKind.KOMMUNE).toList();
        assertThat(municipalities).hasSize(43);
        for (Owner owner : municipalities) {
            boolean bergen = owner.organisationNumber().value().equals("964338531");
            assertThat(masterData.isInvented(owner.organisationNumber())).as(owner.name()).isEqualTo(!bergen);
            assertThat(OrganisationNumber.isValid(owner.organisationNumber().value())).isTrue();
            assertThat(identityService.createGroupQuery().groupId(IdentityGroups.owner(owner.organisationNumber()))
                    .count()).as(owner.name()).isEqualTo(1);
        }
    }

    @Test
    void every_embete_uh_and_county_authority_has_its_group() {
        for (Office office : Office.all()) {
            Group group = identityService.createGroupQuery().groupId(IdentityGroups.caseworkers(office)).singleResult();
            assertThat(group.getName()).isEqualTo("Saksbehandlere, " + office.displayName());
            assertThat(identityService.createGroupQuery().groupId(IdentityGroups.leaders(office)).count()).isOne();
        }
        assertThat(Office.all()).hasSize(25);
        assertThat(IdentityGroups.caseworkers(County.find("46").orElseThrow()))
                .isEqualTo("saksbehandler-vestland-fylkeskommune");
        for (UhInstitution uh : masterData.uhInstitutions()) {
            assertThat(identityService.createGroupQuery().groupId(IdentityGroups.uh(uh.organisationNumber())).count())
                    .isEqualTo(1);
        }
        assertThat(identityService.createGroupQuery().groupIdIn(IdentityGroups.AUDITORS,
                IdentityGroups.PROCESS_OWNERS, IdentityGroups.ADMINISTRATORS).count()).isEqualTo(3);
        assertThat(identityService.createGroupQuery().groupId("eier-821311632").singleResult().getName())
                .isEqualTo("Vestland fylkeskommune");
    }

    @ParameterizedTest(name = "{0} is a member of {1}")
    @CsvSource({
            "demo-saksbehandler, saksbehandler-vestland",
            "demo-saksbehandler-rogaland, saksbehandler-rogaland",
            "demo-eier-bergen, eier-964338531",
            "demo-eier-vestlandfk, eier-821311632",
            "demo-uh, uh-917641404",
            "demo-saksbehandler-fk, saksbehandler-vestland-fylkeskommune",
            "demo-leder-fk, leder-vestland-fylkeskommune",
            "demo-revisor, revisor",
            "demo-prosesseier, prosesseier",
            "demo-leder, leder-vestland",
            "demo-udir, udir",
            "demo-admin, camunda-admin"})
    void every_demo_role_has_a_login_in_exactly_its_group(String user, String group) {
        assertThat(identityService.checkPassword(user, "demo")).isTrue();
        assertThat(identityService.createGroupQuery().groupMember(user).list())
                .extracting(Group::getId).containsExactly(group);
    }
}
