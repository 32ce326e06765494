package no.kompetansemidler.security;

import jakarta.servlet.http.HttpServletRequest;
import no.kompetansemidler.domain.organisation.Office;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/** What the project's endpoints check: the caller may work, or read, an embete's cases; else 403. */
@Component
public class ApiAccess {

    public ApiUser current() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        ApiUser user = (ApiUser) request.getAttribute(ApiUser.REQUEST_ATTRIBUTE);
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return user;
    }

    public void requireWork(Office office) {
        if (!current().mayWork(office)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireOverview(Office office) {
        if (!current().mayOverview(office)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireNational() {
        if (!current().mayReadNational()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireRead(Office office) {
        if (!current().mayRead(office)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireDecisions(Office office) {
        if (!current().mayReadDecisions(office)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
