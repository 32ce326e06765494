package no.kompetansemidler.letters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.io.IOException;
import java.net.URI;

/**
 * Where letters go: the integrasjonspunkt at kompetansemidler.brev.integrasjonspunkt-url; without one, the demo's own
 * (demo profile) or the real one's usual address beside the application, http://localhost:9093 (docs/drift.md).
 */
@Configuration
@EnableConfigurationProperties(LetterProperties.class)
class LetterConfiguration {

    static final URI USUAL_ADDRESS = URI.create("http://localhost:9093");

    @Bean
    Integrasjonspunkt integrasjonspunkt(LetterProperties properties, ObjectProvider<DemoIntegrasjonspunkt> demo) {
        if (!properties.integrasjonspunktUrl().isEmpty()) {
            return new Integrasjonspunkt(URI.create(properties.integrasjonspunktUrl()));
        }
        DemoIntegrasjonspunkt own = demo.getIfAvailable();
        return new Integrasjonspunkt(own == null ? USUAL_ADDRESS : own.address());
    }

    @Bean(destroyMethod = "stop")
    @Profile("demo")
    DemoIntegrasjonspunkt demoIntegrasjonspunkt(@Value("${kompetansemidler.demo.integrasjonspunkt-port:0}") int port)
            throws IOException {
        return new DemoIntegrasjonspunkt().start(port);
    }
}
