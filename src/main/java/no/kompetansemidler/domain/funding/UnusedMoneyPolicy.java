package no.kompetansemidler.domain.funding;

/** What happens by default to money an owner reports as unused (R15): claimed back or carried over. */
public enum UnusedMoneyPolicy {
    /** Tilbakebetalingskrav: the unused money is claimed back. */
    REPAYMENT_CLAIM("tilbakebetalingskrav"),
    /** Overføring: the unused money is carried over to next year. */
    CARRY_OVER("overføring til neste år");

    private final String displayName;

    UnusedMoneyPolicy(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
