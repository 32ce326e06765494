package no.kompetansemidler.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.forms.Refusal;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's REST APIs — /engine-rest, and the webapps' own engine API under /camunda/api/engine that Tasklist
 * talks to ({@link WebappEngineApi}) — answer every refusal as the project's own endpoints do ({@link ErrorAnswer}):
 * bad input refused by a form or a rule with 400 and every violation; two people acting on the same case at once with
 * 409 (the engine's optimistic lock, or our unique keys), or 404 when the task is already gone, and nothing stored
 * twice; a missing grant with 403; an unknown path 404, a wrong method 405, a wrong content type 415, JSON that cannot
 * be read (also a key given twice, or a decimal number where a whole one belongs) 400; all in Norwegian. Their JSON is
 * read strictly ({@link StrictJson}).
 */
@Component
public class RestErrors implements ResourceConfigCustomizer {

    static final String CONCURRENT = "Noen andre behandlet den samme saken samtidig, og det du sendte ble ikke lagret. "
            + "Last inn oppgavelisten på nytt og se om oppgaven fortsatt finnes.";
    static final String TASK_GONE = "Oppgaven finnes ikke lenger: den er fullført eller fjernet, kanskje av noen andre "
            + "samtidig. Det du sendte ble ikke lagret. Last inn oppgavelisten på nytt.";
    static final String UNREADABLE = "Forespørselen kunne ikke leses: send gyldig JSON (hvert felt én gang, hele tall "
            + "der det ventes hele tall), for eksempel {\"variables\": {\"navn\": {\"value\": \"...\"}}} (se docs/api.md).";
    private static final Pattern TASK_ACTION = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form|resolve|claim)$");

    private final ObjectProvider<ProcessEngine> engine;

    RestErrors(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void customize(ResourceConfig config) {
        config.register(feature(engine::getObject));
    }

    /** Everything this class adds to a JAX-RS application, for either mount. */
    static Feature feature(Supplier<ProcessEngine> engine) {
        return new Feature() {
            @Override
            public boolean configure(FeatureContext context) {
                Answers answers = new Answers(engine);
                context.register(new StrictJson(), 1);
                context.register(answers.new RefusalMapper(), 1);
                context.register(answers.new ValidationMapper(), 1);
                context.register(answers.new OptimisticLockMapper(), 1);
                context.register(answers.new AuthorizationMapper(), 1);
                context.register(answers.new WebApplicationMapper(), 1);
                context.register(answers.new UnexpectedMapper(), 1);
                context.register(answers.new EngineMapper(), 1);
                context.register(answers.new WrappedMapper(), 1);
                context.register(answers.new AnyMapper(), 1);
                context.register(answers.new UnreadableMapper(), 1);
                context.register(answers.new ParseMapper(), 1);
                context.register(answers.new MappingMapper(), 1);
                return true;
            }
        };
    }

    /**
     * The REST APIs' JSON, read as Camunda configures it, and strictly: a key given twice in an object is refused
     * (not "last key wins"), and so is a decimal number (1e3, 1000.0) where a whole number belongs.
     */
    @Priority(1)
    @jakarta.ws.rs.Produces({MediaType.APPLICATION_JSON, "application/hal+json"})
    public static final class StrictJson implements ContextResolver<ObjectMapper> {

        private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    /** The exception mappers, which answer through {@link #answer} (JAX-RS picks the nearest by exception type). */
    static final class Answers {

        private final Supplier<ProcessEngine> engine;

        Answers(Supplier<ProcessEngine> engine) {
            this.engine = engine;
        }

        private static Response respond(ErrorAnswer answer, Request request, UriInfo uri) {
            answer.logged(request == null ? "" : request.getMethod(), uri == null ? "" : "/" + uri.getPath());
            return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer.json()).build();
        }

        /**
         * The answer to what a request threw: the first violation or lost race in the chain of causes; else, for a
         * request on a task that no longer exists, 404; else the engine's status with a Norwegian message.
         */
        Response answer(Throwable thrown, Request request, UriInfo uri) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refused) {
                    return respond(ErrorAnswer.invalid(refused.violations(), refused.getMessage()), request, uri);
                }
                if (cause instanceof ValidationException invalid) {
                    return respond(ErrorAnswer.invalid(invalid.violations(), invalid.getMessage()), request, uri);
                }
                if (cause instanceof OptimisticLockingException || cause instanceof DuplicateKeyException
                        || cause instanceof PessimisticLockingFailureException) {
                    return respond(ErrorAnswer.of(409).withMessage(CONCURRENT), request, uri);
                }
                if (cause instanceof JsonProcessingException) {
                    return respond(ErrorAnswer.of(400).withType("UgyldigJson").withMessage(UNREADABLE), request, uri);
                }
            }
            Optional<Response> gone = taskGone(uri, request);
            if (gone.isPresent()) {
                return gone.get();
            }
            int status = ExceptionHandlerHelper.getInstance().getStatus(thrown).getStatusCode();
            if (status >= 500) {
                ExceptionHandlerHelper.getInstance().getResponse(thrown); // logs the server error as Camunda does
            }
            return respond(ErrorAnswer.of(status).withType(thrown.getClass().getSimpleName()), request, uri);
        }

        private Optional<Response> taskGone(UriInfo uri, Request request) {
            Matcher task = uri == null ? null : TASK_ACTION.matcher(uri.getPath());
            if (task == null || !task.matches() || taskExists(task.group(1))) {
                return Optional.empty();
            }
            return Optional.of(taskGoneResponse(request, uri));
        }

        private Response taskGoneResponse(Request request, UriInfo uri) {
            return respond(ErrorAnswer.of(404).withType("OppgavenFinnesIkke").withMessage(TASK_GONE), request, uri);
        }

        private boolean taskExists(String taskId) {
            return EngineContext.taskExists(engine.get(), taskId);
        }

        abstract class Mapper<E extends Throwable> implements ExceptionMapper<E> {
            @Context
            UriInfo uri;
            @Context
            Request request;

            @Override
            public Response toResponse(E e) {
                return answer(e, request, uri);
            }
        }

        @Priority(1)
        final class RefusalMapper extends Mapper<Refusal> {
        }

        @Priority(1)
        final class ValidationMapper extends Mapper<ValidationException> {
        }

        @Priority(1)
        final class OptimisticLockMapper extends Mapper<OptimisticLockingException> {
        }

        /** Unknown paths, wrong methods and content types (Jersey's own refusals). */
        @Priority(1)
        final class WebApplicationMapper extends Mapper<WebApplicationException> {
        }

        /**
         * Our unique keys (DuplicateKeyException), row locks, Camunda's wrapped exceptions, and anything else that
         * breaks while completing a task the other person has just completed (the engine can find the task but no
         * longer its execution).
         */
        @Priority(1)
        final class UnexpectedMapper extends Mapper<RuntimeException> {
        }

        /** The engine's own refusals (a missing task, an invalid value), in Norwegian with the engine's status. */
        @Priority(1)
        final class EngineMapper extends Mapper<ProcessEngineException> {
        }

        /** Camunda's REST layer wraps what a start or a completion throws (else a 500); the cause decides. */
        @Priority(1)
        final class WrappedMapper extends Mapper<org.camunda.bpm.engine.rest.exception.RestException> {
        }

        /** Anything else: a server error, logged as Camunda logs it, answered without details. */
        @Priority(1)
        final class AnyMapper extends Mapper<Exception> {
        }

        /**
         * A task completed by someone else a moment ago takes its authorizations with it, so the loser of a race can
         * be refused for want of a grant on a task that no longer exists: that is answered as the task being gone.
         * Any other missing grant is 403, without saying which grant.
         */
        @Priority(1)
        final class AuthorizationMapper implements ExceptionMapper<AuthorizationException> {
            @Context
            UriInfo uri;
            @Context
            Request request;

            @Override
            public Response toResponse(AuthorizationException e) {
                boolean taskGone = e.getMissingAuthorizations().stream()
                        .filter(missing -> "Task".equals(missing.getResourceType()) && missing.getResourceId() != null)
                        .anyMatch(missing -> !taskExists(missing.getResourceId()));
                return taskGone ? taskGoneResponse(request, uri) : respond(ErrorAnswer.of(403), request, uri);
            }
        }

        /** A body that is not JSON; Jackson's own mappers for the two subtypes answer in English plain text. */
        @Priority(1)
        final class UnreadableMapper extends Mapper<JsonProcessingException> {
        }

        @Priority(1)
        final class ParseMapper extends Mapper<JsonParseException> {
        }

        @Priority(1)
        final class MappingMapper extends Mapper<JsonMappingException> {
        }
    }
}
