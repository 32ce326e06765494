package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;

/**
 * One proposed allocation of state money to one recipient for one year.
 *
 * @param organisationNumber the recipient's organisation number
 * @param name               the recipient's name, for messages
 * @param kind               what the recipient is (from the master data)
 * @param takesPart          for an owner: whether it takes part in the scheme this year (R5)
 * @param amount             state money for the year
 * @param coFinancingCash    the owner's own money (egenandel i kroner)
 * @param coFinancingSalary  the owner's contribution as salary or release time (lønn/frikjøp), R1
 * @param thirdPartyAmount   of a UH allocation, the part UH passes to a third party (R3)
 * @param measure            the measure the money funds
 * @param ownerEmbete        for an owner: the embete it belongs to (from the master data), else null
 * @param uhCannotDeliver    for a provider: whether UH declined, or did not confirm, a measure of this title in the
 *                           cycle's need reports (where the scheme pays its providers only then, R2)
 */
public record Grant(String organisationNumber, String name, RecipientKind kind, boolean takesPart, Money amount,
                    Money coFinancingCash, Money coFinancingSalary, Money thirdPartyAmount, Measure measure,
                    Embete ownerEmbete, boolean uhCannotDeliver) {

    /** A grant that is not a provider's for a measure UH cannot deliver. */
    public Grant(String organisationNumber, String name, RecipientKind kind, boolean takesPart, Money amount,
                 Money coFinancingCash, Money coFinancingSalary, Money thirdPartyAmount, Measure measure,
                 Embete ownerEmbete) {
        this(organisationNumber, name, kind, takesPart, amount, coFinancingCash, coFinancingSalary, thirdPartyAmount,
                measure, ownerEmbete, false);
    }

    /** A grant whose recipient's embete is not known (or not an owner). */
    public Grant(String organisationNumber, String name, RecipientKind kind, boolean takesPart, Money amount,
                 Money coFinancingCash, Money coFinancingSalary, Money thirdPartyAmount, Measure measure) {
        this(organisationNumber, name, kind, takesPart, amount, coFinancingCash, coFinancingSalary, thirdPartyAmount,
                measure, null);
    }

    public Money coFinancing() {
        return coFinancingCash.plus(coFinancingSalary);
    }

    /** "Bergen kommune (964338531)" */
    public String label() {
        return name + " (" + organisationNumber + ")";
    }
}
