package no.kompetansemidler.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An owner's application (behovsmelding) as the form sends it: involvement, needs, and the measures' rows. */
public final class Applications {

    public static final String INVOLVEMENT = "Skoleledere og lærere deltok i kartleggingen på hver skole.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Applications() {
    }

    /**
     * One measure, its amounts as people type them: «Lesing i alle fag» with the UH partner, 1 000 000 kr this year and 500 000 kr the next, 450 000
     * kr planned co-financing (R1: 30 % of 1 500 000), 100 000 kr of it salary, 50 000 kr for a coordinator.
     */
    public static Map<String, Object> measure(String uhPartner) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tittel", "Lesing i alle fag");
        row.put("uhPartner", uhPartner);
        row.put("mal", List.of("GRUNNLEGGENDE_FERDIGHETER", "INKLUDERENDE_LAERINGSMILJO"));
        row.put("malgrupper", List.of("SKOLELEDERE", "LAERERE"));
        row.put("belopAr1", "1 000 000");
        row.put("belopAr2", "500 000");
        row.put("deltakere", "120");
        row.put("egenfinansiering", "450 000");
        row.put("lonnFrikjop", "100 000");
        row.put("koordinator", "50 000");
        row.put("tredjepart", false);
        // optional except in Kompetanseløftet, which asks every measure for the units taking part
        row.put("enheter", "Nordby skole, Solbakken barnehage og PPT");
        return row;
    }

    /** A need report in the vocational scheme (YRKESFAG): the measure reaches vocational teachers and instructors. */
    public static Map<String, Object> vocational(String uhPartner) {
        Map<String, Object> row = measure(uhPartner);
        row.put("tittel", "Hospitering i bedrift");
        row.put("mal", List.of("GJENNOMFORING"));
        row.put("malgrupper", List.of("YRKESFAGLAERERE", "INSTRUKTORER"));
        return Map.of("medvirkning", "Yrkesfaglærere og instruktører i lærebedriftene deltok i kartleggingen.",
                "behov", "Praksisnær yrkesdidaktikk.", "tiltak", rows(List.of(row)));
    }

    /** A need report in the kindergarten scheme (REKOM): the measure reaches the kindergartens' leaders and staff. */
    public static Map<String, Object> kindergarten(String uhPartner) {
        Map<String, Object> row = measure(uhPartner);
        row.put("tittel", "Språkløyper i barnehagen");
        row.put("mal", List.of("INKLUDERENDE_LAERINGSMILJO"));
        row.put("malgrupper", List.of("BARNEHAGELEDERE", "BARNEHAGEANSATTE"));
        return Map.of("medvirkning", "Styrerne og de ansatte i barnehagene deltok i kartleggingen.",
                "behov", "Språkmiljø i barnehagen.", "tiltak", rows(List.of(row)));
    }

    /** The rows as the Json variable Tasklist sends. */
    public static JsonValue rows(List<Map<String, Object>> rows) {
        return SpinValues.jsonValue(json(rows)).create();
    }

    /** The rows as a delegate reads the Json variable from the engine. */
    public static org.camunda.spin.json.SpinJsonNode node(List<Map<String, Object>> rows) {
        return org.camunda.spin.Spin.JSON(json(rows));
    }

    /** The need report's variables for the Java API, with one measure shared with the UH partner. */
    public static Map<String, Object> needReport(String uhPartner) {
        return Map.of("medvirkning", INVOLVEMENT, "behov", "Lesing, vurdering for læring og inkluderende læringsmiljø.",
                "tiltak", rows(List.of(measure(uhPartner))));
    }

    /** The variable «tiltak» as REST sends it (inside "variables"), with one measure shared with the UH partner. */
    public static String restMeasures(String uhPartner) {
        return "\"tiltak\": {\"type\": \"Json\", \"value\": " + json(json(List.of(measure(uhPartner)))) + "}";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
