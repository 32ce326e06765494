package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import org.camunda.bpm.engine.IdentityService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** What the model tests share: a cycle row to hang a called process on, dates, and acting as a user. */
final class ProcessTestSupport {

    private static final AtomicInteger YEAR = new AtomicInteger(2040);

    private ProcessTestSupport() {
    }

    /** A fresh cycle (one per embete, scheme and year, so each test gets its own year). */
    static String cycle(CycleRepository cycles, Scheme scheme, long frameOre) {
        return cycles.createCycle(Embete.VESTLAND, scheme, YEAR.incrementAndGet(), Money.ofOre(frameOre), null,
                "demo-saksbehandler", Instant.now());
    }

    /** A decision of the cycle to one recipient (with the proposal it rests on), as "Fatt vedtak" records it. */
    static String decision(CycleRepository cycles, no.kompetansemidler.funding.ProposalRepository proposals,
                           String cycleId, String organisationNumber, String name, String kind, long amountOre) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String proposalId = proposals.save(new no.kompetansemidler.funding.StoredProposal(null, cycle.embete(),
                cycle.scheme(), cycle.year(), cycle.frame(), java.util.List.of()), "demo-saksbehandler", Instant.now());
        return cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, organisationNumber, name,
                kind, Money.ofOre(amountOre), "INNSTILLING", "Vedtak for " + name, "demo-saksbehandler"), Instant.now());
    }

    static Date inDays(int days) {
        return ProcessSupport.endOfDay(LocalDate.now(ProcessSupport.OSLO).plusDays(days));
    }

    static <T> T as(IdentityService identity, String user, Callable<T> action) throws Exception {
        return no.kompetansemidler.system.Acting.as(identity, user, action);
    }
}
