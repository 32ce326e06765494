package no.kompetansemidler.funding;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/** Reads calendar dates in the configuration: "02-01" or ISO "--02-01". */
@Component
@ConfigurationPropertiesBinding
public class MonthDayConverter implements Converter<String, MonthDay> {

    @Override
    public MonthDay convert(String source) {
        String text = source.trim();
        try {
            return MonthDay.parse(text.startsWith("--") ? text : "--" + text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("«" + source + "» er ikke en dato på formen MM-DD (f.eks. 02-01)", e);
        }
    }
}
