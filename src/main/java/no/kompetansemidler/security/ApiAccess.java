package no.kompetansemidler.security;

import jakarta.servlet.http.HttpServletRequest;
import no.kompetansemidler.domain.organisation.Embete;
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

    public void requireWork(Embete embete) {
        if (!current().mayWork(embete)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireOverview(Embete embete) {
        if (!current().mayOverview(embete)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireNational() {
        if (!current().mayReadNational()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireRead(Embete embete) {
        if (!current().mayRead(embete)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    public void requireDecisions(Embete embete) {
        if (!current().mayReadDecisions(embete)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
