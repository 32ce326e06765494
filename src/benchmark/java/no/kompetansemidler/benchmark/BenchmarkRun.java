package no.kompetansemidler.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import no.kompetansemidler.KompetansemidlerApplication;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.testkit.PostgresSupport;
import no.kompetansemidler.testkit.WebappSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One measured run of the benchmark, in a JVM of its own: the application (production configuration, job executor
 * on) on H2 (a file, as the embedded default) or PostgreSQL, a national year at the given scale, then the task-list
 * latency with at least 20 000 open tasks. Prints "RESULTAT key=value" lines and writes them to --out.
 * Arguments: --database=h2|postgres --scale=1 --users=4 --out=file [--embeter=agder,...] [--last=false: no load
 * phase].
 */
public final class BenchmarkRun {

    static final int OPEN_TASKS_UNDER_LOAD = 20_000;
    static final int SAMPLES = 200;
    static final int WARMUP = 30;
    static final int YEAR = 2027;

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = Measure.arguments(args);
        String database = arguments.getOrDefault("database", "h2");
        int scale = Integer.parseInt(arguments.getOrDefault("scale", "1"));
        int users = Integer.parseInt(arguments.getOrDefault("users", "4"));
        List<Embete> embeter = arguments.containsKey("embeter")
                ? Arrays.stream(arguments.get("embeter").split(",")).map(Embete::fromSlug).toList()
                : List.of(Embete.values());
        Measure measure = new Measure();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // the letters go to an integrasjonspunkt of the benchmark's own, which delivers on the second status question
        no.kompetansemidler.letters.DemoIntegrasjonspunkt integrasjonspunkt =
                new no.kompetansemidler.letters.DemoIntegrasjonspunkt().start(0);

        List<String> appArgs = new ArrayList<>(List.of("--server.port=0",
                "--KOMPETANSEMIDLER_ADMIN_PASSWORD=Ytelse-Maaling-2027!x", "--KOMPETANSEMIDLER_SMTP_HOST=127.0.0.1",
                "--KOMPETANSEMIDLER_SMTP_PORT=" + smtp.getSmtp().getPort(), "--camunda.bpm.job-execution.enabled=true",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=error",
                "--kompetansemidler.brev.integrasjonspunkt-url=" + integrasjonspunkt.address(),
                "--kompetansemidler.brev.avsender=999999999", "--kompetansemidler.brev.status-intervall=PT1S"));
        String profile;
        FreshStatistics statistics = null;
        if (database.equals("postgres")) {
            String name = "km_ytelse_" + scale;
            PostgresSupport.freshDatabase(name);
            statistics = FreshStatistics.keep(name, measure, "");
            appArgs.addAll(PostgresSupport.databaseArguments(name));
            appArgs.add("--spring.datasource.url=" + PostgresSupport.url(name));
            profile = "postgres";
        } else {
            Path dir = Files.createTempDirectory("km-ytelse-h2");
            appArgs.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("kompetansemidler")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
            profile = "produksjon";
        }
        long startedAt = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KompetansemidlerApplication.class)
                .profiles(profile).run(appArgs.toArray(String[]::new));
        measure.put("oppstart_s", seconds(System.nanoTime() - startedAt));
        Measure.resetPeaks();
        try {
            NationalYear year = new NationalYear(app, new NationalYear.Settings(embeter, scale, YEAR, users));
            year.prepare();
            year.startCycles();
            TaskService tasks = app.getBean(TaskService.class);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            long openAtPeak = tasks.createTaskQuery().count();
            measure.put("apne_oppgaver_topp", openAtPeak);
            latency(app, year, base, "topp", measure);
            overview(year, base, "topp", measure);

            year.completeYear();
            overview(year, base, "aaret", measure);
            NationalYear.Totals totals = year.totals();
            year.phases.forEach((phase, time) -> measure.put("fase." + phase, seconds(time.toNanos())));
            double cycleSeconds = year.phases.entrySet().stream().filter(e -> !e.getKey().equals("oppsett")
                    && !e.getKey().equals("private eiere registrert")).mapToDouble(e -> e.getValue().toNanos() / 1e9)
                    .sum();
            measure.put("syklus_s", decimal(cycleSeconds, 2));
            measure.put("sykluser", totals.cycles());
            measure.put("sykluser_fullfort", totals.cyclesCompleted());
            measure.put("eiere", year.cycles().stream().mapToInt(c -> c.owners.size()).sum());
            measure.put("brukeroppgaver", totals.userTasks());
            measure.put("tjenesteoppgaver", totals.serviceTasks());
            measure.put("tjenesteoppgaver_asynkrone", totals.asyncServiceTasks());
            measure.put("prosessinstanser", totals.processInstances());
            measure.put("vedtak", totals.decisions());
            measure.put("utbetalinger", totals.payments());
            measure.put("vedtak_betalt", totals.decisionsPaid());
            measure.put("utbetalt_ore", totals.paidOre());
            measure.put("rammer_ore", totals.frameOre());
            measure.put("paminnelser", totals.reminders());
            measure.put("konflikter", totals.conflicts());
            measure.put("oppfolginger", totals.followUps());
            measure.put("oppfolginger_avsluttet", totals.followUpsEnded());
            measure.put("brukeroppgaver_per_s", decimal(totals.userTasks() / cycleSeconds, 1));
            var payments = JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                    .sql("select min(paid_at), max(paid_at) from km_payment")
                    .query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                    .single();
            measure.put("utbetalinger_per_s", decimal(totals.payments() / Math.max(0.001, payments.toNanos() / 1e9), 1));
            if (totals.cyclesCompleted() != totals.cycles() || totals.payments() != totals.decisions()
                    || totals.decisionsPaid() != totals.decisions() || totals.paidOre() != totals.frameOre()
                    || totals.followUpsEnded() != totals.followUps()) {
                throw new IllegalStateException("the year does not add up: " + totals);
            }

            if (!Boolean.parseBoolean(arguments.getOrDefault("last", "true"))) {
                return;
            }
            // the load: further years' cycles until at least 20 000 tasks are open
            long loadStart = System.nanoTime();
            int following = YEAR + 1;
            while (tasks.createTaskQuery().count() < OPEN_TASKS_UNDER_LOAD) {
                if (following > 2100) {
                    throw new IllegalStateException("too few owners for 20 000 open tasks; run more embeter");
                }
                year.startFollowingYear(following++);
            }
            measure.put("fase.last: flere år startet", seconds(System.nanoTime() - loadStart));
            measure.put("apne_oppgaver_last", tasks.createTaskQuery().count());
            latency(app, year, base, "last", measure);
            overview(year, base, "last", measure);
        } finally {
            measure.put("heap_topp_mb", Measure.peakHeapBytes() / (1024 * 1024));
            measure.put("rss_topp_mb", Measure.peakResidentBytes() / (1024 * 1024));
            measure.put("maks_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            if (arguments.containsKey("out")) {
                measure.write(Path.of(arguments.get("out")));
            }
            app.close();
            smtp.stop();
            // its HTTP server's threads would keep this JVM alive after the results are written
            integrasjonspunkt.stop();
            if (statistics != null) {
                statistics.close();
            }
        }
    }

    /**
     * The caseworker of the largest embete and Oslo kommune (or the first owner) open Tasklist's "Min gruppes oppgaver": the same HTTP
     * request Tasklist sends (the first 15 tasks by due date, with the count), timed after a warm-up.
     */
    private static void latency(ConfigurableApplicationContext app, NationalYear year, String base, String label, Measure measure)
            throws Exception {
        String filter = app.getBean(FilterService.class).createFilterQuery().filterName("Min gruppes oppgaver")
                .singleResult().getId();
        String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
        Map<String, String> users = Map.of("saksbehandler", year.latencyCaseworker(), "eier", year.latencyOwner());
        for (var user : List.of("saksbehandler", "eier")) {
            WebappSession session = new WebappSession(base);
            if (session.login(users.get(user), NationalYear.PASSWORD) != 200) {
                throw new IllegalStateException("login refused for " + users.get(user));
            }
            String path = "/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15";
            long[] samples = new long[SAMPLES];
            String count = "";
            for (int i = -WARMUP; i < SAMPLES; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = session.postJson(path, body, "application/hal+json");
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Tasklist's query answered " + response.statusCode());
                }
                if (i >= 0) {
                    samples[i] = took;
                }
                count = response.body().replaceAll("(?s).*\"count\":(\\d+).*", "$1");
            }
            measure.put("latens." + label + "." + user + ".p50_ms", decimal(Measure.percentileMillis(samples, 50), 1));
            measure.put("latens." + label + "." + user + ".p95_ms", decimal(Measure.percentileMillis(samples, 95), 1));
            measure.put("latens." + label + "." + user + ".oppgaver_i_listen", count);
        }
    }

    /**
     * The caseworker of the largest embete opens the overview of its cycles (Oversikt over syklusene): the request the
     * page sends, timed after a warm-up.
     */
    private static void overview(NationalYear year, String base, String label, Measure measure) throws Exception {
        WebappSession session = new WebappSession(base);
        if (session.login(year.latencyCaseworker(), NationalYear.PASSWORD) != 200) {
            throw new IllegalStateException("login refused for " + year.latencyCaseworker());
        }
        String path = "/api/oversikt/" + year.latencyEmbete().slug() + "?aar=" + YEAR;
        long[] samples = new long[SAMPLES];
        String body = "";
        for (int i = -WARMUP; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = session.get(path);
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the overview answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                samples[i] = took;
            }
            body = response.body();
        }
        measure.put("oversikt." + label + ".p50_ms", decimal(Measure.percentileMillis(samples, 50), 1));
        measure.put("oversikt." + label + ".p95_ms", decimal(Measure.percentileMillis(samples, 95), 1));
        measure.put("oversikt." + label + ".linjer", body.split("\"organisasjonsnummer\"", -1).length - 1);
        measure.put("oversikt." + label + ".kb", body.length() / 1024);
    }

    static String seconds(long nanos) {
        return decimal(nanos / 1e9, 2);
    }

    /** With a decimal point, whatever the machine's locale. */
    static String decimal(double value, int places) {
        return String.format(java.util.Locale.ROOT, "%." + places + "f", value);
    }
}
