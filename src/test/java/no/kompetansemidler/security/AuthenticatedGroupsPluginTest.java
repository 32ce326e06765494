package no.kompetansemidler.security;

import no.kompetansemidler.security.AuthenticatedGroupsPlugin.UnnarrowedGroupsAuthorizationManager;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An authorization check uses the user's groups as they are, and gives the same answers as Camunda's own. */
@SpringBootTest
class AuthenticatedGroupsPluginTest {

    static final String RESOURCE_ID = "gruppesjekk-prosess";

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;

    final List<String> created = new ArrayList<>();

    @AfterEach
    void removeGrants() {
        created.forEach(authorizations::deleteAuthorization);
    }

    @Test
    void the_engine_checks_authorizations_with_the_unnarrowed_manager() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Class<?> manager = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager().getClass());
        assertThat(manager).isEqualTo(UnnarrowedGroupsAuthorizationManager.class);
    }

    static Stream<Arguments> groupLists() {
        return Stream.of(
                Arguments.of(null, List.of()),
                Arguments.of(List.of(), List.of()),
                Arguments.of(List.of("uten-tilganger"), List.of("uten-tilganger")),
                Arguments.of(List.of("saksbehandler-vestland", "uten-tilganger", "eier-123456785"),
                        List.of("saksbehandler-vestland", "uten-tilganger", "eier-123456785")));
    }

    @ParameterizedTest
    @MethodSource("groupLists")
    void the_groups_are_used_as_they_are_without_reading_the_authorization_table(List<String> groups,
                                                                                   List<String> used) {
        assertThat(new UnnarrowedGroupsAuthorizationManager().filterAuthenticatedGroupIds(groups))
                .containsExactlyElementsOf(used);
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of(List.of("gruppe-med-tilgang"), true),
                Arguments.of(List.of("uten-1", "gruppe-med-tilgang", "uten-2"), true),
                Arguments.of(List.of("uten-1", "uten-2"), false),
                Arguments.of(List.of(), false));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void a_group_without_authorizations_changes_no_answer(List<String> groups, boolean authorized) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("gruppe-med-tilgang");
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(RESOURCE_ID);
        grant.addPermission(Permissions.READ);
        created.add(authorizations.saveAuthorization(grant).getId());

        assertThat(authorizations.isUserAuthorized("gruppesjekk-bruker", groups, Permissions.READ,
                Resources.PROCESS_INSTANCE, RESOURCE_ID)).isEqualTo(authorized);
        assertThat(authorizations.isUserAuthorized("gruppesjekk-bruker", groups, Permissions.READ,
                Resources.PROCESS_INSTANCE, "en-annen-prosess")).isFalse();
    }
}
