package no.kompetansemidler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Kompetansemidler: case processing of the state grants for local competence development, on Camunda 7. */
@SpringBootApplication
public class KompetansemidlerApplication {

    public static void main(String[] args) {
        SpringApplication.run(KompetansemidlerApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
