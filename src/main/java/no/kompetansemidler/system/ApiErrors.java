package no.kompetansemidler.system;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** The project's endpoints answer bad input with 400 and every violation: field, rule id and Norwegian message. */
@RestControllerAdvice(basePackages = "no.kompetansemidler")
class ApiErrors {

    record ErrorBody(List<Violation> violations) {
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ErrorBody> validation(ValidationException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ErrorBody(e.violations()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ErrorBody> badArgument(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new ErrorBody(List.of(new Violation("", "UGYLDIG", e.getMessage()))));
    }

    /** 401, 403 and 404 of the project's endpoints carry no body: nothing about what was refused. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Void> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).build();
    }

    /** A body that is not JSON, or a field of the wrong type (text where a number belongs). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ErrorBody(List.of(new Violation("", "UGYLDIG",
                "Forespørselen kunne ikke leses: send gyldig JSON, med tekst og tall der endepunktet venter dem "
                        + "(se docs/api.md)."))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ErrorBody(List.of(new Violation(e.getName(),
                "UGYLDIG", "Ugyldig verdi «" + e.getValue() + "» for " + e.getName() + "."))));
    }
}
