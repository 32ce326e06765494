package no.kompetansemidler.system;

import jakarta.servlet.http.HttpServletRequest;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.forms.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * The project's own endpoints (/api, /revisjon) answer a refusal as every endpoint does ({@link ErrorAnswer}): bad
 * input with 400 and every violation (field, rule id and Norwegian message), and 401, 403, 404, 405, 415 and
 * unreadable JSON with a Norwegian message and nothing about what was refused.
 */
@RestControllerAdvice
class ApiErrors {

    private static ResponseEntity<ErrorAnswer> answer(ErrorAnswer answer, HttpServletRequest request) {
        answer.logged(request.getMethod(), request.getRequestURI());
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ErrorAnswer> validation(ValidationException e, HttpServletRequest request) {
        return answer(ErrorAnswer.invalid(e.violations(), e.getMessage()), request);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorAnswer> refusal(Refusal e, HttpServletRequest request) {
        return answer(ErrorAnswer.invalid(e.violations(), e.getMessage()), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ErrorAnswer> badArgument(IllegalArgumentException e, HttpServletRequest request) {
        return answer(ErrorAnswer.invalid(List.of(new Violation("", "UGYLDIG", e.getMessage())), e.getMessage()),
                request);
    }

    /** 401, 403 and 404 say nothing about what was refused. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorAnswer> status(ResponseStatusException e, HttpServletRequest request) {
        return answer(ErrorAnswer.of(e.getStatusCode().value()), request);
    }

    /** A body that is not JSON (or has a key twice), or a field of the wrong type (text where a number belongs). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorAnswer> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(ErrorAnswer.of(400).withType("UgyldigJson").withMessage(RestErrors.UNREADABLE), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorAnswer> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = "Ugyldig verdi «" + no.kompetansemidler.domain.validation.Texts.abbreviate(
                String.valueOf(e.getValue())) + "» for " + e.getName() + ".";
        return answer(ErrorAnswer.invalid(List.of(new Violation(e.getName(), "UGYLDIG", message)), message), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorAnswer> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        String message = "Parameteren «" + e.getParameterName() + "» mangler.";
        return answer(ErrorAnswer.invalid(List.of(new Violation(e.getParameterName(), "PÅKREVD", message)), message),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorAnswer> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(ErrorAnswer.of(405), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorAnswer> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(ErrorAnswer.of(415), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorAnswer> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return answer(ErrorAnswer.of(404), request);
    }
}
