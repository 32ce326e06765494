package no.kompetansemidler.overview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A model's names as the overview's diagram shows them, without the case's expressions. */
class ElementNamesTest {

    @Test
    void the_case_part_of_a_name_is_left_out() {
        assertThat(ElementNames.plain("Send behovsmelding – ${execution.getVariable('eierNavn')}"
                + " (${execution.getVariable('ordning')} ${execution.getVariable('aar')})")).isEqualTo("Send behovsmelding");
        assertThat(ElementNames.plain("Statsforvalterens reservevedtak (R7) (${execution.getVariable('ordning')}"
                + " ${execution.getVariable('aar')})")).isEqualTo("Statsforvalterens reservevedtak (R7)");
        assertThat(ElementNames.plain("Registrer kontonummer for ${execution.getVariable('mottakerNavn')}"
                + " (${execution.getVariable('ordning')} ${execution.getVariable('aar')})"))
                .isEqualTo("Registrer kontonummer for …");
        assertThat(ElementNames.plain("Fatt vedtak per mottaker (R8)")).isEqualTo("Fatt vedtak per mottaker (R8)");
        assertThat(ElementNames.plain(null)).isNull();
    }

    @Test
    void every_name_in_a_model_is_made_plain_and_nothing_else_changes() {
        String xml = "<bpmn:userTask id=\"Task_A\" name=\"Forbered samarbeidsforumet (${execution.getVariable('ordning')}"
                + " ${execution.getVariable('aar')})\" camunda:candidateGroups=\"${saksbehandlerGruppe}\">"
                + "<bpmn:serviceTask id=\"Task_B\" name=\"Utbetal\" camunda:delegateExpression=\"${payDelegate}\"/>";
        assertThat(ElementNames.plainNames(xml)).isEqualTo("<bpmn:userTask id=\"Task_A\" name=\"Forbered"
                + " samarbeidsforumet\" camunda:candidateGroups=\"${saksbehandlerGruppe}\">"
                + "<bpmn:serviceTask id=\"Task_B\" name=\"Utbetal\" camunda:delegateExpression=\"${payDelegate}\"/>");
    }
}
