package no.kompetansemidler.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import no.kompetansemidler.engine.EngineContext;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /engine-rest answers bad input refused by the project's rules (in a start form, a task completion or a delegate)
 * with 400 and every violation, like the project's own endpoints, instead of Camunda's 500. Two people acting on the
 * same case at once (the engine's optimistic lock, or our unique keys when both got as far as storing) get 409 and
 * a Norwegian message, or 404 when the task is already gone; the loser's transaction is rolled back, so nothing is
 * stored twice. Everything else is answered as Camunda answers it.
 * <p>
 * The mappers differ only in the exception type they are registered for (JAX-RS picks the nearest); they all
 * answer through {@link #answer}. Ours take precedence over Camunda's and Jackson's by priority.
 */
@Component
class RestValidationErrors implements ResourceConfigCustomizer {

    static final String CONCURRENT = "Noen andre behandlet den samme saken samtidig, og det du sendte ble ikke lagret. "
            + "Last inn oppgavelisten på nytt og se om oppgaven fortsatt finnes.";
    static final String TASK_GONE = "Oppgaven finnes ikke lenger: den er fullført eller fjernet, kanskje av noen andre "
            + "samtidig. Det du sendte ble ikke lagret. Last inn oppgavelisten på nytt.";
    static final String UNREADABLE = "Forespørselen kunne ikke leses: send gyldig JSON i Camundas format, "
            + "for eksempel {\"variables\": {\"navn\": {\"value\": \"...\"}}} (se docs/api.md).";
    private static final Pattern TASK_ACTION = Pattern.compile("^/?task/([^/]+)/(complete|submit-form|resolve|claim)$");

    private final ObjectProvider<ProcessEngine> engine;

    RestValidationErrors(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    record Body(String type, String message, List<Violation> violations) {
    }

    private static Response body(Response.Status status, String type, String message, List<Violation> violations) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(type, message, violations)).build();
    }

    /**
     * The answer to what a request threw: the first violation or lost race in the chain of causes; else, for a
     * request on a task that no longer exists, 404; else Camunda's own answer.
     */
    Response answer(Throwable thrown, UriInfo uri) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ValidationException invalid) {
                return body(Response.Status.BAD_REQUEST, "ValidationException", invalid.getMessage(), invalid.violations());
            }
            if (cause instanceof OptimisticLockingException || cause instanceof DuplicateKeyException
                    || cause instanceof PessimisticLockingFailureException) {
                return body(Response.Status.CONFLICT, "SamtidigEndring", CONCURRENT, List.of());
            }
        }
        return taskGone(uri).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(thrown));
    }

    private Optional<Response> taskGone(UriInfo uri) {
        Matcher task = uri == null ? null : TASK_ACTION.matcher(uri.getPath());
        if (task == null || !task.matches() || taskExists(task.group(1))) {
            return Optional.empty();
        }
        return Optional.of(taskGoneResponse());
    }

    private static Response taskGoneResponse() {
        return body(Response.Status.NOT_FOUND, "OppgavenFinnesIkke", TASK_GONE, List.of());
    }

    private boolean taskExists(String taskId) {
        return EngineContext.taskExists(engine.getObject(), taskId);
    }

    @Priority(1)
    class ValidationMapper implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return answer(e, null);
        }
    }

    @Priority(1)
    class OptimisticLockMapper implements ExceptionMapper<OptimisticLockingException> {
        @Override
        public Response toResponse(OptimisticLockingException e) {
            return answer(e, null);
        }
    }

    /** Camunda wraps what a task completion throws in a RestException (500); a lost race is told apart here. */
    @Priority(1)
    class WrappedMapper implements ExceptionMapper<RestException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RestException e) {
            return answer(e, uri);
        }
    }

    /**
     * Our unique keys (DuplicateKeyException), row locks, and anything else that breaks while completing a task the
     * other person has just completed (the engine can find the task but no longer its execution).
     */
    @Priority(1)
    class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            return answer(e, uri);
        }
    }

    /**
     * A task completed by someone else a moment ago takes its authorizations with it, so the loser of a race can be
     * refused for want of a grant on a task that no longer exists: that is answered as the task being gone.
     */
    @Priority(1)
    class AuthorizationMapper implements ExceptionMapper<AuthorizationException> {
        @Override
        public Response toResponse(AuthorizationException e) {
            boolean taskGone = e.getMissingAuthorizations().stream()
                    .filter(missing -> "Task".equals(missing.getResourceType()) && missing.getResourceId() != null)
                    .anyMatch(missing -> !taskExists(missing.getResourceId()));
            return taskGone ? taskGoneResponse() : ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** A body that is not JSON; Jackson's own mappers for the two subtypes answer in English plain text. */
    @Priority(1)
    static class UnreadableMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return body(Response.Status.BAD_REQUEST, "UgyldigJson", UNREADABLE, List.of());
        }
    }

    @Priority(1)
    static class ParseMapper implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return new UnreadableMapper().toResponse(e);
        }
    }

    @Priority(1)
    static class MappingMapper implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return new UnreadableMapper().toResponse(e);
        }
    }

    @Override
    public void customize(ResourceConfig config) {
        config.register(new ValidationMapper());
        config.register(new OptimisticLockMapper());
        config.register(new WrappedMapper());
        config.register(new UnexpectedMapper());
        config.register(new AuthorizationMapper());
        config.register(new UnreadableMapper());
        config.register(new ParseMapper());
        config.register(new MappingMapper());
    }
}
