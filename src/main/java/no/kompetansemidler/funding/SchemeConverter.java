package no.kompetansemidler.funding;

import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** A scheme in a request ({@code ?ordning=DEKOM}) is one of the configured schemes, or the request is refused. */
@Component
class SchemeConverter implements Converter<String, Scheme> {

    private final SchemeCatalogue schemes;

    SchemeConverter(SchemeCatalogue schemes) {
        this.schemes = schemes;
    }

    @Override
    public Scheme convert(String code) {
        return schemes.find(code.trim()).orElseThrow(() -> new IllegalArgumentException(
                "«" + code + "» er ikke en ordning; ordningene er " + schemes.codes())).scheme();
    }
}
