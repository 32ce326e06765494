package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.SchemeCalendar;
import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The validated parameters of each scheme, as the domain's value types. */
@Component
@EnableConfigurationProperties(FundingProperties.class)
public class FundingParameters {

    private final FundingProperties properties;

    public FundingParameters(FundingProperties properties) {
        this.properties = properties;
    }

    public SchemeRules rules(Scheme scheme) {
        return properties.schemes().get(scheme).toRules(scheme);
    }

    public SchemeCalendar calendar(Scheme scheme) {
        return properties.schemes().get(scheme).calendar().toCalendar();
    }
}
