package no.kompetansemidler.followup;

import no.kompetansemidler.cycle.DecisionsMade;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.funding.SchemeCatalogue;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a cycle of a scheme Udir selects for has decided, the follow-up case of each kommune that got a decision and
 * waits in the delivery phase goes on to its yearly reports (the message {@value #MESSAGE}). In the decision's own
 * transaction: the case goes on only if the decisions are stored. A case not waiting (a later year's decision) is left
 * as it is.
 */
@Component
class GrantArrives {

    /** The message the model oppfolging waits for in its delivery phase. */
    static final String MESSAGE = "oppfolging-vedtak";

    private final FollowUps followUps;
    private final RuntimeService runtime;
    private final SchemeCatalogue schemes;

    GrantArrives(FollowUps followUps, RuntimeService runtime, SchemeCatalogue schemes) {
        this.followUps = followUps;
        this.runtime = runtime;
        this.schemes = schemes;
    }

    @EventListener
    void decided(DecisionsMade decisions) {
        if (!schemes.definition(decisions.scheme()).selectedByUdir()) {
            return; // no follow-up waits on the other schemes' decisions: nothing read for them
        }
        for (String processInstanceId : followUps.inDelivery(decisions.scheme(), decisions.organisationNumbers())) {
            // the system moves the case on, whoever signed the decisions off
            EngineContext.runAsSystem(() -> runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceId(processInstanceId).correlateAllWithResult());
        }
    }
}
