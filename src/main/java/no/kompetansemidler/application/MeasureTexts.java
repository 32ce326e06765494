package no.kompetansemidler.application;

import no.kompetansemidler.application.ApplicationRepository.StoredMeasure;

/** How a measure of an application reads where the forum works: what was applied for in the year, and UH's answer. */
public final class MeasureTexts {

    private MeasureTexts() {
    }

    /** «2027: 1 000 000,00 kr, 2028: 500 000,00 kr», the money of each year of the measure, joined by the separator. */
    public static String perYear(StoredMeasure m, String separator) {
        StringBuilder years = new StringBuilder();
        for (int y = 0; y < m.plan().years(); y++) {
            years.append(y == 0 ? "" : separator).append(m.firstYear() + y).append(": ")
                    .append(m.plan().amountPerYear().get(y).format());
        }
        return years.toString();
    }

    /**
     * «Tiltak 1 «Lesing i alle fag»: 1 000 000,00 kr i 2027 (2 år, til sammen 1 500 000,00 kr), UH Høgskulen på
     * Vestlandet bekreftet av UH», and «; deltar: …» when the measure names the kindergartens, schools and PPT.
     */
    public static String applied(StoredMeasure m, int year, String uhName) {
        return "Tiltak " + m.position() + " «" + m.plan().title() + "»: " + m.plan().amountInYear(year - m.firstYear())
                .format() + " i " + year + (m.plan().years() > 1 ? " (" + m.plan().years() + " år, til sammen "
                + m.plan().total().format() + ")" : "") + ", UH " + uhName + " " + m.answer().displayName()
                + (m.answerReason() == null ? "" : " («" + m.answerReason() + "»)")
                + (m.plan().units() == null ? "" : "; deltar: " + m.plan().units());
    }
}
