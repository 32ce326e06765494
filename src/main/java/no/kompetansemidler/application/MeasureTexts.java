package no.kompetansemidler.application;

import no.kompetansemidler.application.ApplicationRepository.StoredMeasure;

/** How a measure of an application reads where the forum works: what was applied for in the year, and UH's answer. */
public final class MeasureTexts {

    private MeasureTexts() {
    }

    /**
     * «Tiltak 1 «Lesing i alle fag»: 1 000 000,00 kr i 2027 (2 år, til sammen 1 500 000,00 kr), UH Høgskulen på
     * Vestlandet bekreftet av UH».
     */
    public static String applied(StoredMeasure m, int year, String uhName) {
        return "Tiltak " + m.position() + " «" + m.plan().title() + "»: " + m.plan().amountInYear(year - m.firstYear())
                .format() + " i " + year + (m.plan().years() > 1 ? " (" + m.plan().years() + " år, til sammen "
                + m.plan().total().format() + ")" : "") + ", UH " + uhName + " " + m.answer().displayName()
                + (m.answerReason() == null ? "" : " («" + m.answerReason() + "»)");
    }
}
