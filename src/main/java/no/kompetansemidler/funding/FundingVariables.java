package no.kompetansemidler.funding;

/** The process variables the funding delegates read and write, named in one place (docs/ordliste.md). */
public final class FundingVariables {

    /** String: id of the stored proposal (km_proposal). */
    public static final String PROPOSAL_ID = "fordelingId";
    /** String: EQUAL, WEIGHTS or AMOUNTS. */
    public static final String DISTRIBUTION_KEY = "fordelingsnokkel";
    /** Long øre: what the distribution gave out. */
    public static final String DISTRIBUTED = "fordeltBelop";
    /** Long øre: what stays undistributed of the frame. */
    public static final String UNDISTRIBUTED = "ufordeltBelop";
    /** String: id of the last funding rule check (km_rule_check). */
    public static final String RULE_CHECK_ID = "regelkontrollId";
    /** Integer: how many breaches the last check found. */
    public static final String BREACH_COUNT = "antallRegelbrudd";
    /** String: the rule ids breached, e.g. "R1,R6". */
    public static final String BREACH_RULES = "regelbruddRegler";
    /** String: every breach in Norwegian, one per line, for the correction task's form. */
    public static final String BREACH_TEXT = "regelbruddTekst";
    /** String: scheme code (DEKOM, REKOM, KOMPETANSELOFTET, YRKESFAG). */
    public static final String SCHEME = "ordning";
    /** Boolean, optional: the Statsforvalter's decision to carry unused money over (true) or claim it (false). */
    public static final String CARRY_OVER_DECIDED = "overforingVedtatt";
    /** String: NONE, REPAYMENT_CLAIM or CARRY_OVER. */
    public static final String SETTLEMENT = "oppgjor";
    /** Long øre: the amount claimed back or carried over. */
    public static final String SETTLEMENT_AMOUNT = "oppgjorBelop";

    /** The BPMN error a breach raises; a model catches it and routes to a correction task. */
    public static final String BREACH_ERROR_CODE = "REGELBRUDD";

    private FundingVariables() {
    }
}
