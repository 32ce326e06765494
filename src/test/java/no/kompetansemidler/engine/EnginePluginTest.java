package no.kompetansemidler.engine;

import no.kompetansemidler.engine.EnginePlugin.UnnarrowedGroupsAuthorizationManager;
import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the project's engine plugin changes, on an engine configured like the application's: authorization checks
 * with the user's groups as they are (same answers as Camunda's own), retention on every model, long texts kept.
 */
@ModelTest
class EnginePluginTest {

    static final String RESOURCE_ID = "gruppesjekk-prosess";

    ProcessEngine engine;
    final List<String> created = new ArrayList<>();
    final List<String> deployments = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        created.forEach(engine.getAuthorizationService()::deleteAuthorization);
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
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
        AuthorizationService authorizations = engine.getAuthorizationService();
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

    String deploy(String key) {
        String id = engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Vent")
                        .endEvent().done()).deploy().getId();
        deployments.add(id);
        return id;
    }

    @Test
    void every_model_keeps_its_history_for_the_retention_years_whatever_the_model_says() {
        deploy("oppbevaring");
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("oppbevaring").singleResult();
        assertThat(definition.getHistoryTimeToLive()).as("10 years of 366 days").isEqualTo(3660);
    }

    @Test
    void a_text_over_the_text_column_is_stored_as_bytes_and_read_back_whole() {
        deploy("langtekst");
        String longText = "Lesing og læringsmiljø på Ørsta; ".repeat(400);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("langtekst",
                Map.of("linjer", longText, "kort", "Kort tekst"));

        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "linjer")).isEqualTo(longText);
        assertThat(serializer(instance.getId(), "linjer")).isEqualTo(EnginePlugin.LongTextSerializer.NAME);
        assertThat(serializer(instance.getId(), "kort")).isEqualTo("string");
        engine.getRuntimeService().setVariable(instance.getId(), "linjer", "kort igjen");
        assertThat(serializer(instance.getId(), "linjer")).isEqualTo("string");
    }

    @Test
    void the_history_log_of_a_submitted_form_keeps_a_text_column_and_says_where_the_rest_is() {
        String text = "x".repeat(10_000);
        assertThat(EnginePlugin.formPropertyValue(text)).hasSize(4000)
                .endsWith("… (10000 tegn; hele teksten står i variabelen)");
        assertThat(EnginePlugin.formPropertyValue("kort")).isEqualTo("kort");
        assertThat(EnginePlugin.formPropertyValue(null)).isNull();
    }

    private String serializer(String processInstanceId, String name) {
        return ((VariableInstanceEntity) engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).variableName(name).singleResult()).getSerializerName();
    }
}
