package no.kompetansemidler.cycle;

/** The process variables of the yearly cycle's models, named in one place (docs/ordliste.md, docs/api.md). */
public final class CycleVariables {

    // start of a cycle (start form or REST)
    public static final String EMBETE = "embete";
    public static final String SCHEME = "ordning";
    public static final String YEAR = "aar";
    /** String: the frame in kroner as typed ("12 000 000"); an integration may give FRAME_ORE instead. */
    public static final String FRAME = "ramme";
    public static final String FRAME_ORE = "rammeOre";

    // set when the cycle starts
    public static final String CYCLE_ID = "syklusId";
    public static final String EMBETE_NAME = "embeteNavn";
    public static final String CASEWORKER_GROUP = "saksbehandlerGruppe";
    public static final String FRAME_TEXT = "rammeTekst";
    public static final String NEED_REPORT_DEADLINE = "behovsmeldingFrist";
    public static final String NEED_REPORT_REMINDER = "paminnelseDato";
    public static final String RECOMMENDATION_DEADLINE = "innstillingFrist";
    public static final String DECISION_DEADLINE = "vedtakFrist";
    public static final String SELF_EVALUATION_OPENS = "egenvurderingApner";
    public static final String REPORT_DEADLINE = "rapportFrist";
    public static final String SELF_EVALUATION_REMINDER = "egenvurderingPaminnelse";

    // need mapping (one owner)
    public static final String OWNER = "eier";
    public static final String OWNER_NAME = "eierNavn";
    /** String: who took part in mapping the needs in this scheme (R10), as the need report's form asks. */
    public static final String INVOLVED = "medvirkere";
    public static final String OWNER_GROUP = "eierGruppe";
    public static final String UH_OPTIONS = "uhValg";
    public static final String UH_PARTNER = "uhPartner";
    public static final String INVOLVEMENT = "medvirkning";
    public static final String NEEDS = "behov";
    public static final String DEADLINE_CHOICE = "fristValg";
    public static final String NEW_DEADLINE = "nyFrist";
    public static final String NON_PARTICIPATION_REASON = "begrunnelseIkkeDeltakelse";

    // forum and decision
    public static final String NEED_REPORT_SUMMARY = "behovsmeldingOversikt";
    /** String: who sits in the scheme's collaboration forum (the scheme's configuration), for the forum's papers. */
    public static final String FORUM_MEMBERS = "forumMedlemmer";
    public static final String FORUM_AGREED = "forumEnig";
    public static final String PRIORITIES = "prioriteringer";
    public static final String REASONS = "begrunnelse";
    public static final String DECISION_BASIS = "vedtaksgrunnlag";
    public static final String DECISION_COUNT = "antallVedtak";

    // the leader's sign-off (økonomiregelverket: approved by another than the preparer)
    /** The embete's leaders, the candidates of «Godkjenn vedtakene». */
    public static final String LEADER_GROUP = "lederGruppe";
    /** Who prepared the distribution the leader signs off (the user who recorded it). */
    public static final String PREPARED_BY = "forberedtAv";
    public static final String PREPARED_BY_NAME = "forberedtAvNavn";
    public static final String SIGN_OFF_SUMMARY = "vedtaksoversikt";
    public static final String SIGN_OFF_SUM = "sumTekst";
    /** The leader's choice: {@code GODKJENT} or {@code TILBAKE}. */
    public static final String SIGN_OFF = "godkjenning";
    public static final String SIGN_OFF_COMMENT = "lederMerknad";
    /** Whether the leader approved (the model's gateway). */
    public static final String SIGNED_OFF = "vedtakGodkjent";

    // disbursement and self-evaluation (one decision)
    public static final String DECISION_ID = "vedtakId";
    public static final String PAYMENT_ID = "utbetalingId";
    /** The payment file a step made (the yearly cycle's, or an upheld complaint's). */
    public static final String PAYMENT_BATCH_ID = "utbetalingsfilId";
    /** A blocked payment's recipient, its organisation number and the amount, as the caseworker's task shows them. */
    public static final String RECIPIENT_NAME = "mottakerNavn";
    public static final String RECIPIENT = "mottaker";
    public static final String AMOUNT_TEXT = "belopTekst";
    /** The account number the caseworker registers for a blocked payment. */
    public static final String ACCOUNT = "kontonummer";
    public static final String USED_TEXT = "brukt";
    public static final String CO_FINANCING_TEXT = "egenfinansiering";
    public static final String MEASURES_DONE = "gjennomforteTiltak";
    public static final String PARTICIPANTS = "deltakere";
    public static final String ASSESSMENT = "vurdering";
    public static final String APPROVED = "godkjent";
    public static final String CARRY_OVER_CHOICE = "ubrukteMidler";

    // complaint (klage) on a decision
    /** The complaint whose difference a payment pays (set only on such a payment). */
    public static final String COMPLAINT_ID = "klageId";

    // report
    public static final String REPORT_URL = "rapportLenke";

    private CycleVariables() {
    }
}
