package no.kompetansemidler.security;

import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.identity.IdentityGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shared Tasklist filters, sorted by due date: everyone's "Mine oppgaver", "Min gruppes oppgaver", "Forfalt"
 * and "Forfaller innen en uke"; for caseworkers one per scheme. Without a filter Tasklist shows nobody any task.
 * Kept at every start (by name); people may not create their own unless their role allows it.
 */
@Component
@Order(26)
public class TaskFilters implements ApplicationRunner {

    static final String MINE = "Mine oppgaver";
    static final String GROUP = "Min gruppes oppgaver";
    static final String OVERDUE = "Forfalt";
    static final String DUE_THIS_WEEK = "Forfaller innen en uke";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int priority = -10;
        for (Map.Entry<String, Supplier<TaskQuery>> f : everyone().entrySet()) {
            Filter filter = ensure(f.getKey(), f.getValue().get(), priority++, "Oppgaver for alle roller");
            grantEveryone(filter);
        }
        for (no.kompetansemidler.domain.funding.SchemeDefinition scheme : schemes.all()) {
            TaskQuery query = groupTasks().processVariableValueEquals("ordning", scheme.scheme().code());
            Filter filter = ensure(scheme.scheme().code() + ": min gruppes oppgaver", query, priority++,
                    scheme.name());
            for (Office embete : Office.all()) {
                Grants.grant(authorizations, IdentityGroups.caseworkers(embete), Resources.FILTER, filter.getId(),
                        Permissions.READ);
            }
        }
    }

    private Map<String, Supplier<TaskQuery>> everyone() {
        Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
        queries.put(MINE, () -> sorted(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        queries.put(GROUP, this::groupTasks);
        queries.put(OVERDUE, () -> groupTasks().dueBeforeExpression("${now()}"));
        queries.put(DUE_THIS_WEEK, () -> groupTasks().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}"));
        return queries;
    }

    /** Tasks of the person's groups, claimed or not. */
    private TaskQuery groupTasks() {
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        return sorted(query);
    }

    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByDueDate().asc();
    }

    private Filter ensure(String name, TaskQuery query, int priority, String description) {
        List<Filter> existing = filters.createFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
        filter.setQuery(query);
        filter.setOwner(null);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        return filters.saveFilter(filter);
    }

    private void grantEveryone(Filter filter) {
        Authorization existing = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId()).authorizationType(Authorization.AUTH_TYPE_GLOBAL).singleResult();
        Authorization global = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setUserId(Authorization.ANY);
        global.setResource(Resources.FILTER);
        global.setResourceId(filter.getId());
        global.addPermission(Permissions.READ);
        authorizations.saveAuthorization(global);
    }
}
