package no.kompetansemidler.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * /engine-rest answers bad input refused by the project's rules (in a start form, a task completion or a delegate)
 * with 400 and every violation, like the project's own endpoints, instead of Camunda's 500.
 */
@Component
class RestValidationErrors implements ResourceConfigCustomizer {

    record Body(String type, String message, List<Violation> violations) {
    }

    static class Mapper implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Body("ValidationException", e.getMessage(), e.violations())).build();
        }
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new Mapper());
    }
}
