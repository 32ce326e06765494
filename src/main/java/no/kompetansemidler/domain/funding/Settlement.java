package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;

/** How unused money is settled after the self-evaluation (R15). */
public record Settlement(Kind kind, Money amount) {

    public enum Kind {
        /** Nothing unused: nothing to settle. */
        NONE,
        /** Tilbakebetalingskrav. */
        REPAYMENT_CLAIM,
        /** Overføring til neste år. */
        CARRY_OVER
    }
}
