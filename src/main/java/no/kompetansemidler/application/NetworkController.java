package no.kompetansemidler.application;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.security.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * Joint applications: the embete's caseworkers register a network in a cycle and everyone who reads the embete sees
 * them; an owner's users see the networks their organisation is in and answer for it. The posts take JSON only (a
 * cross-site form cannot send it).
 */
@RestController
class NetworkController {

    private final Networks networks;
    private final CycleRepository cycles;
    private final ApiAccess access;

    NetworkController(Networks networks, CycleRepository cycles, ApiAccess access) {
        this.networks = networks;
        this.cycles = cycles;
        this.access = access;
    }

    /** The cycle's networks, and the owners that may be in one (for the caseworker's page). */
    public record CycleNetworks(String syklusId, String embete, String ordning, int aar,
                                List<Networks.OwnerChoice> eiere, List<Networks.Network> nettverk) {
    }

    @GetMapping("/api/sykluser/{syklusId}/nettverk")
    CycleNetworks ofCycle(@PathVariable("syklusId") String cycleId) {
        CycleRepository.Cycle cycle = cycles.findCycle(cycleId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireRead(cycle.office());
        return new CycleNetworks(cycleId, cycle.office().displayName(), cycle.scheme().name(), cycle.year(),
                networks.owners(cycle), networks.ofCycle(cycleId));
    }

    @PostMapping(value = "/api/sykluser/{syklusId}/nettverk", consumes = MediaType.APPLICATION_JSON_VALUE)
    Networks.Network register(@PathVariable("syklusId") String cycleId, @RequestBody Networks.NewNetwork network) {
        access.requireWork(officeOf(cycleId));
        return networks.register(cycleId, network, access.current().id());
    }

    /** The organisations the signed-in person acts for, and their networks. */
    public record MyNetworks(List<String> mine, List<Networks.Network> nettverk) {
    }

    @GetMapping("/api/nettverk")
    MyNetworks mine() {
        List<String> owners = ownersOfCurrentUser();
        return new MyNetworks(owners, networks.ofOwners(owners));
    }

    /** A member's answer, by one of the member's own users. */
    @PostMapping(value = "/api/nettverk/{id}/svar", consumes = MediaType.APPLICATION_JSON_VALUE)
    Networks.Network answer(@PathVariable("id") String id, @RequestBody Networks.MemberAnswer answer) {
        List<String> mine = ownersOfCurrentUser();
        Networks.Network network = networks.find(id).filter(n -> n.medlemmer().stream()
                        .anyMatch(m -> mine.contains(m.organisasjonsnummer())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (answer != null && answer.eier() != null && !mine.contains(answer.eier().replace(" ", ""))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return networks.answer(network, answer, access.current().id());
    }

    private List<String> ownersOfCurrentUser() {
        return access.current().ownerOrganisations();
    }

    private Office officeOf(String cycleId) {
        return cycles.findCycle(cycleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .office();
    }
}
