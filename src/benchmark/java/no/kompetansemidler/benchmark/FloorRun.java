package no.kompetansemidler.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.PostgresSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: the bare Camunda engine, with the same database, history level, authorization and job executor settings
 * as the application but none of its code, doing the same number of user tasks and service tasks in a trivial
 * model. Each user task is done as in {@link NationalYear}: the user lists its group's tasks, opens the form's
 * variables, claims the task and submits it. Service tasks are no-ops; the asynchronous ones (as many as the
 * application's payments and reminders) go through the job executor.
 * Arguments: --database=h2|postgres --userTasks=N --serviceTasks=N --asyncServiceTasks=N --users=4 --out=file.
 */
public final class FloorRun {

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = Measure.arguments(args);
        String database = arguments.getOrDefault("database", "h2");
        long userTasks = Long.parseLong(arguments.get("userTasks"));
        long serviceTasks = Long.parseLong(arguments.get("serviceTasks"));
        long asyncTasks = Long.parseLong(arguments.get("asyncServiceTasks"));
        int users = Integer.parseInt(arguments.getOrDefault("users", "4"));
        Measure measure = new Measure();

        HikariConfig pool = new HikariConfig();
        FreshStatistics statistics = null;
        if (database.equals("postgres")) {
            PostgresSupport.freshDatabase("km_ytelse_golv");
            statistics = FreshStatistics.keep("km_ytelse_golv", measure, "golv.");
            pool.setJdbcUrl(PostgresSupport.url("km_ytelse_golv"));
            pool.setUsername(System.getProperty("km.it.pg.user", "postgres"));
            pool.setConnectionInitSql("SET jit = off"); // as the application's postgres profile
        } else {
            pool.setJdbcUrl("jdbc:h2:file:" + Files.createTempDirectory("km-golv-h2").resolve("golv")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
            pool.setUsername("sa");
        }
        pool.setMaximumPoolSize(20);
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setDataSource(new HikariDataSource(pool));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(true);
        configuration.setJobExecutorAcquireExclusiveOverProcessHierarchies(true);
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(2);
        jobExecutor.setMaxPoolSize(4);
        jobExecutor.setQueueSize(8);
        jobExecutor.setMaxJobsPerAcquisition(3);
        jobExecutor.setLockTimeInMillis(300_000);
        configuration.setJobExecutor(jobExecutor);
        ProcessEngine engine = configuration.buildProcessEngine();
        Measure.resetPeaks();
        try {
            long syncTasks = serviceTasks - asyncTasks;
            long perInstance = syncTasks / userTasks;
            long withOneMore = syncTasks % userTasks;
            engine.getRepositoryService().createDeployment()
                    .addModelInstance("golv.bpmn", model("golv", perInstance))
                    .addModelInstance("golv-ekstra.bpmn", model("golv-ekstra", perInstance + 1))
                    .addModelInstance("golv-jobb.bpmn", Bpmn.createExecutableProcess("golv-jobb")
                            .camundaHistoryTimeToLive(1).startEvent().serviceTask("Jobb").camundaAsyncBefore()
                            .camundaExpression("${true}").endEvent().done())
                    .deploy();
            grantStart(engine.getAuthorizationService());

            int groups = 400;
            long start = System.nanoTime();
            Parallel.run(users, (int) userTasks, i -> as(engine, i % groups, () -> engine.getRuntimeService()
                    .startProcessInstanceByKey(i < withOneMore ? "golv-ekstra" : "golv", group(i % groups),
                            Map.of("gruppe", group(i % groups)))));
            long started = System.nanoTime();
            TaskService tasks = engine.getTaskService();
            FormService forms = engine.getFormService();
            Parallel.run(users, (int) userTasks, i -> as(engine, i % groups, () -> {
                Task task = Tasklist.page(tasks, List.of(group(i % groups)), group(i % groups), "Oppgave").get(0);
                forms.getTaskFormVariables(task.getId());
                tasks.claim(task.getId(), user(i % groups));
                forms.submitTaskForm(task.getId(), new HashMap<>(Map.of("svar", "Ferdig")));
                return null;
            }));
            long completed = System.nanoTime();
            Parallel.run(users, (int) asyncTasks, i -> as(engine, 0, () ->
                    engine.getRuntimeService().startProcessInstanceByKey("golv-jobb")));
            while (engine.getManagementService().createJobQuery().count() > 0) {
                Thread.sleep(20);
            }
            long end = System.nanoTime();
            measure.put("golv.fase.start", BenchmarkRun.seconds(started - start));
            measure.put("golv.fase.brukeroppgaver", BenchmarkRun.seconds(completed - started));
            measure.put("golv.fase.jobber", BenchmarkRun.seconds(end - completed));
            measure.put("golv.s", BenchmarkRun.seconds(end - start));
            measure.put("golv.brukeroppgaver", engine.getHistoryService().createHistoricTaskInstanceQuery().finished()
                    .count());
            measure.put("golv.tjenesteoppgaver", engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .activityType("serviceTask").count());
        } finally {
            measure.put("golv.heap_topp_mb", Measure.peakHeapBytes() / (1024 * 1024));
            measure.put("golv.rss_topp_mb", Measure.peakResidentBytes() / (1024 * 1024));
            if (arguments.containsKey("out")) {
                measure.write(Path.of(arguments.get("out")));
            }
            engine.close();
            if (statistics != null) {
                statistics.close();
            }
        }
    }

    /** start → user task (the group's) → n no-op service tasks → end. */
    static BpmnModelInstance model(String key, long serviceTasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Oppgave").camundaCandidateGroups("${gruppe}");
        for (long s = 0; s < serviceTasks; s++) {
            flow = flow.serviceTask("Tjeneste" + s).camundaExpression("${true}");
        }
        return flow.endEvent().done();
    }

    static String user(long i) {
        return "golv-bruker-" + i;
    }

    static String group(long i) {
        return "golv-gruppe-" + i;
    }

    /** Everyone may start the floor's processes (the application grants its caseworkers the same). */
    private static void grantStart(AuthorizationService authorizations) {
        for (var resource : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE)) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            grant.setResource(resource);
            grant.setResourceId("*");
            if (resource == Resources.PROCESS_DEFINITION) {
                grant.addPermission(Permissions.CREATE_INSTANCE);
                grant.addPermission(Permissions.READ);
            } else {
                grant.addPermission(Permissions.CREATE);
            }
            authorizations.saveAuthorization(grant);
        }
    }

    /** As floor user number n, member of floor group n. */
    private static <T> T as(ProcessEngine engine, long n, java.util.concurrent.Callable<T> action) {
        return People.as(engine.getIdentityService(), user(n), List.of(group(n)), action);
    }
}
