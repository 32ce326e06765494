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
 * with 400 and every violation, like the project's own endpoints, instead of Camunda's 500. Two people acting on the
 * same case at once (the engine's optimistic lock, or our unique keys when both got as far as storing) get 409 and
 * a Norwegian message; the loser's transaction is rolled back, so nothing is stored twice.
 */
@Component
class RestValidationErrors implements ResourceConfigCustomizer {

    private final org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine;

    RestValidationErrors(org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
        this.engine = engine;
    }

    record Body(String type, String message, List<Violation> violations) {
    }

    static class Mapper implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Body("ValidationException", e.getMessage(), e.violations())).build();
        }
    }

    static final String CONCURRENT = "Noen andre behandlet den samme saken samtidig, og det du sendte ble ikke lagret. "
            + "Last inn oppgavelisten på nytt og se om oppgaven fortsatt finnes.";

    static final String TASK_GONE = "Oppgaven finnes ikke lenger: den er fullført eller fjernet, kanskje av noen andre "
            + "samtidig. Det du sendte ble ikke lagret. Last inn oppgavelisten på nytt.";

    static Response conflict(RuntimeException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body("SamtidigEndring", CONCURRENT, List.of())).build();
    }

    static class OptimisticLockMapper implements ExceptionMapper<org.camunda.bpm.engine.OptimisticLockingException> {
        @Override
        public Response toResponse(org.camunda.bpm.engine.OptimisticLockingException e) {
            return conflict(e);
        }
    }

    static class DuplicateMapper implements ExceptionMapper<org.springframework.dao.DuplicateKeyException> {
        @Override
        public Response toResponse(org.springframework.dao.DuplicateKeyException e) {
            return conflict(e);
        }
    }

    static class LockMapper implements ExceptionMapper<org.springframework.dao.PessimisticLockingFailureException> {
        @Override
        public Response toResponse(org.springframework.dao.PessimisticLockingFailureException e) {
            return conflict(e);
        }
    }

    /** Camunda wraps what a task completion throws in a RestException (500); a lost race is told apart here. */
    @jakarta.annotation.Priority(1)
    class WrappedMapper implements ExceptionMapper<org.camunda.bpm.engine.rest.exception.RestException> {
        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(org.camunda.bpm.engine.rest.exception.RestException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException
                        || cause instanceof org.springframework.dao.DuplicateKeyException
                        || cause instanceof org.springframework.dao.PessimisticLockingFailureException) {
                    return conflict(e);
                }
                if (cause instanceof ValidationException invalid) {
                    return new Mapper().toResponse(invalid);
                }
            }
            return taskGone(uri).orElseGet(() ->
                    org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getResponse(e));
        }
    }

    /**
     * Anything else that breaks while completing a task the other person has just completed (the engine can find
     * the task but no longer its execution) is answered as the task being gone.
     */
    @jakarta.annotation.Priority(1)
    class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            return taskGone(uri).orElseGet(() ->
                    org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getResponse(e));
        }
    }

    private static final java.util.regex.Pattern TASK_ACTION =
            java.util.regex.Pattern.compile("^/?task/([^/]+)/(complete|submit-form|resolve|claim)$");

    /** 404 when the request acted on a task that no longer exists. */
    private java.util.Optional<Response> taskGone(jakarta.ws.rs.core.UriInfo uri) {
        java.util.regex.Matcher task = uri == null ? null : TASK_ACTION.matcher(uri.getPath());
        if (task == null || !task.matches() || taskExists(task.group(1))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body("OppgavenFinnesIkke", TASK_GONE, List.of())).build());
    }

    /**
     * A task completed by someone else a moment ago takes its authorizations with it, so the loser of a race can be
     * refused for want of a grant on a task that no longer exists: that is answered as the task being gone.
     */
    @jakarta.annotation.Priority(1)
    class AuthorizationMapper implements ExceptionMapper<org.camunda.bpm.engine.AuthorizationException> {
        @Override
        public Response toResponse(org.camunda.bpm.engine.AuthorizationException e) {
            boolean taskGone = e.getMissingAuthorizations().stream()
                    .filter(missing -> "Task".equals(missing.getResourceType()) && missing.getResourceId() != null)
                    .anyMatch(missing -> !taskExists(missing.getResourceId()));
            if (taskGone) {
                return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new Body("OppgavenFinnesIkke", TASK_GONE, List.of())).build();
            }
            return org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    private boolean taskExists(String taskId) {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getObject().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
    }

    /** A body that is not JSON. */
    @jakarta.annotation.Priority(1)
    static class UnreadableMapper implements ExceptionMapper<com.fasterxml.jackson.core.JsonProcessingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonProcessingException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Body("UgyldigJson", "Forespørselen kunne ikke leses: send gyldig JSON i Camundas format, "
                            + "for eksempel {\"variables\": {\"navn\": {\"value\": \"...\"}}} (se docs/api.md).", List.of()))
                    .build();
        }
    }

    /** Jackson's own mappers answer these two in English plain text; ours win by priority. */
    @jakarta.annotation.Priority(1)
    static class ParseMapper implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
            return new UnreadableMapper().toResponse(e);
        }
    }

    @jakarta.annotation.Priority(1)
    static class MappingMapper implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
            return new UnreadableMapper().toResponse(e);
        }
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new UnreadableMapper());
        config.register(new ParseMapper());
        config.register(new MappingMapper());
        config.register(new AuthorizationMapper());
        config.register(new WrappedMapper());
        config.register(new UnexpectedMapper());
        config.register(new Mapper());
        config.register(new OptimisticLockMapper());
        config.register(new DuplicateMapper());
        config.register(new LockMapper());
    }
}
