package no.kompetansemidler.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Letters and their dispatch (kompetansemidler.brev, docs/drift.md): the integrasjonspunkt's address (empty in the
 * demo: the demo's own), the sender's organisation number, how often a sent letter's status is asked and for how
 * long, and each embete's postal address for the letterhead.
 */
@ConfigurationProperties("kompetansemidler.brev")
public record LetterProperties(String integrasjonspunktUrl, String avsender, Duration statusIntervall,
                               Integer statusForsok, Map<String, String> adresser) {

    public LetterProperties {
        integrasjonspunktUrl = integrasjonspunktUrl == null ? "" : integrasjonspunktUrl.trim();
        if (statusIntervall == null) {
            statusIntervall = Duration.ofMinutes(5);
        }
        if (statusForsok == null) {
            statusForsok = 288;
        }
        adresser = adresser == null ? Map.of() : Map.copyOf(adresser);
    }

    /** The embete's postal address, or an empty text when none is configured. */
    public String address(String embeteSlug) {
        return adresser.getOrDefault(embeteSlug, "");
    }
}
