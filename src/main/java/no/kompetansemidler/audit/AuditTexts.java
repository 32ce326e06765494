package no.kompetansemidler.audit;

import java.util.Map;

/** The engine's words (states, operations, values) as the auditor reads them: in Norwegian, never «null». */
final class AuditTexts {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Claim", "tok oppgaven"),
            Map.entry("Assign", "tildelte oppgaven"),
            Map.entry("SetOwner", "satte eier av oppgaven"),
            Map.entry("Delegate", "delegerte oppgaven"),
            Map.entry("Resolve", "løste oppgaven"),
            Map.entry("Update", "endret oppgaven"),
            Map.entry("SetPriority", "endret prioriteten"),
            Map.entry("SetJobRetries", "satte nye forsøk for et steg"),
            Map.entry("SetExternalTaskRetries", "satte nye forsøk for et steg"),
            Map.entry("Suspend", "stanset saken"),
            Map.entry("Activate", "aktiverte saken igjen"),
            Map.entry("SuspendJob", "stanset et steg"),
            Map.entry("ActivateJob", "aktiverte et steg igjen"),
            Map.entry("ModifyProcessInstance", "flyttet saken til et annet steg"),
            Map.entry("Migrate", "flyttet saken til en ny versjon av modellen"),
            Map.entry("SetVariable", "endret en variabel"),
            Map.entry("SetVariables", "endret variabler"),
            Map.entry("ModifyVariable", "endret variabler"),
            Map.entry("RemoveVariable", "fjernet en variabel"),
            Map.entry("DeleteHistory", "slettet historikk"),
            Map.entry("Delete", "slettet"),
            Map.entry("SetRemovalTime", "satte tidspunktet historikken slettes"),
            Map.entry("AddComment", "skrev en kommentar"),
            Map.entry("AddUserLink", "ga en person tilgang til oppgaven"),
            Map.entry("DeleteUserLink", "tok fra en person tilgangen til oppgaven"),
            Map.entry("AddGroupLink", "ga en gruppe tilgang til oppgaven"),
            Map.entry("DeleteGroupLink", "tok fra en gruppe tilgangen til oppgaven"),
            Map.entry("CreateIncident", "registrerte en feil"),
            Map.entry("ResolveIncident", "løste en feil"));

    private static final Map<String, String> PROPERTIES = Map.of(
            "assignee", "saksbehandler",
            "owner", "eier av oppgaven",
            "dueDate", "frist",
            "followUpDate", "oppfølgingsdato",
            "priority", "prioritet",
            "retries", "forsøk",
            "suspensionState", "tilstand",
            "name", "navn",
            "description", "beskrivelse");

    private AuditTexts() {
    }

    /** How a case ended: «fullført», «avbrutt». */
    static String ended(String state) {
        if (state == null) {
            return "avsluttet";
        }
        return switch (state) {
            case "COMPLETED" -> "fullført";
            case "EXTERNALLY_TERMINATED" -> "avbrutt av en person";
            case "INTERNALLY_TERMINATED" -> "avbrutt av saken selv";
            default -> "avsluttet";
        };
    }

    /** «tok oppgaven «Vurder egenvurderingen – …» (saksbehandler: demo-saksbehandler)». */
    static String operation(String type, String property, String newValue, String taskName) {
        String what = OPERATIONS.getOrDefault(type, "gjorde en endring i saken");
        String on = taskName == null ? "" : " «" + taskName + "»";
        String detail = property == null ? "" : " (" + PROPERTIES.getOrDefault(property, "egenskap") + ": "
                + value(newValue) + ")";
        String text = what + on + detail + ".";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A value as a person reads it: «(tom)» for nothing, «ja»/«nei» for a yes/no. */
    static String value(Object value) {
        if (value == null || "null".equals(value)) {
            return "(tom)";
        }
        if (value instanceof Boolean yes) {
            return yes ? "ja" : "nei";
        }
        if ("true".equals(value) || "false".equals(value)) {
            return "true".equals(value) ? "ja" : "nei";
        }
        return String.valueOf(value);
    }
}
