package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Read access to the master data (stamdata) for forms and integrations. */
@RestController
@RequestMapping("/api/stamdata")
class MasterDataController {

    record EmbeteView(String code, String slug, String name) {
    }

    record OwnerView(String organisationNumber, String name, String kind, String embete, Set<Scheme> schemes,
                     boolean organisationNumberInvented) {
    }

    private final MasterDataRepository masterData;

    MasterDataController(MasterDataRepository masterData) {
        this.masterData = masterData;
    }

    @GetMapping("/embeter")
    List<EmbeteView> embeter() {
        return Arrays.stream(Embete.values()).map(e -> new EmbeteView(e.name(), e.slug(), e.displayName())).toList();
    }

    @GetMapping("/kommuner")
    List<Municipality> municipalities(@RequestParam(required = false) String embete) {
        return masterData.municipalities(embete == null ? null : Embete.fromSlug(embete));
    }

    @GetMapping("/eiere")
    List<OwnerView> owners(@RequestParam String embete, @RequestParam(required = false) Scheme ordning) {
        // an embete's owners, or a fylkeskommune's applicants in YRKESFAG ("vestland-fylkeskommune")
        return masterData.owners(no.kompetansemidler.domain.organisation.Office.fromSlug(embete), ordning).stream()
                .map(this::view).toList();
    }

    @GetMapping("/eiere/{organisasjonsnummer}")
    ResponseEntity<OwnerView> owner(@PathVariable("organisasjonsnummer") String organisationNumber) {
        return ResponseEntity.of(masterData.findOwner(OrganisationNumber.parse(organisationNumber)).map(this::view));
    }

    @GetMapping("/uh")
    List<UhInstitution> uhInstitutions() {
        return masterData.uhInstitutions();
    }

    private OwnerView view(Owner owner) {
        return new OwnerView(owner.organisationNumber().value(), owner.name(), owner.kind().name(),
                owner.embete().slug(), owner.schemes(), masterData.isInvented(owner.organisationNumber()));
    }
}
