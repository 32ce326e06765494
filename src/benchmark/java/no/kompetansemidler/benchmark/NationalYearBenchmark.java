package no.kompetansemidler.benchmark;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark (docs/ytelse.md): {@code ./mvnw -B verify -Pbenchmark}. For each database (H2 file, PostgreSQL)
 * and scale (the national size, and ten times it), a fresh JVM runs the national year ({@link BenchmarkRun}), then
 * another runs the bare engine's floor with the same number of user and service tasks ({@link FloorRun}). The
 * figures go to target/ytelse/ (one file per run, and resultater.md with the table) and to the console.
 * System properties: ytelse.databaser (h2,postgres), ytelse.skalaer (1,10), ytelse.brukere (4), ytelse.heap (3g),
 * ytelse.last.fra (10: the scale from which a run also times the task list with at least 20 000 open tasks),
 * ytelse.embeter (all: a comma-separated list of embeter, e.g. agder, for a run of part of the country).
 */
class NationalYearBenchmark {

    static final Path OUT = Path.of("target", "ytelse");

    @Test
    void a_national_year_measured_on_both_databases_at_two_scales_against_the_bare_engine() throws Exception {
        List<String> databases = List.of(System.getProperty("ytelse.databaser", "h2,postgres").split(","));
        List<String> scales = List.of(System.getProperty("ytelse.skalaer", "1,10").split(","));
        String users = System.getProperty("ytelse.brukere", "4");
        Files.createDirectories(OUT);
        List<String> rows = new ArrayList<>();
        for (String scale : scales) {
            for (String database : databases) {
                String embeter = System.getProperty("ytelse.embeter", "");
                String name = database + "-" + scale + "x" + (embeter.isBlank() ? "" : "-" + embeter.replace(',', '+'));
                Path run = OUT.resolve(name + ".properties");
                boolean load = Integer.parseInt(scale) >= Integer.parseInt(System.getProperty("ytelse.last.fra", "10"));
                List<String> runArgs = new ArrayList<>(List.of("--database=" + database, "--scale=" + scale,
                        "--users=" + users, "--last=" + load, "--out=" + run));
                if (!embeter.isBlank()) {
                    runArgs.add("--embeter=" + embeter);
                }
                java(BenchmarkRun.class, name, runArgs.toArray(String[]::new));
                Map<String, String> ours = Measure.read(run);
                Path floorFile = OUT.resolve(name + "-golv.properties");
                java(FloorRun.class, name + "-golv", "--database=" + database, "--users=" + users,
                        "--userTasks=" + ours.get("brukeroppgaver"), "--serviceTasks=" + ours.get("tjenesteoppgaver"),
                        "--asyncServiceTasks=" + ours.get("tjenesteoppgaver_asynkrone"), "--out=" + floorFile);
                Map<String, String> floor = Measure.read(floorFile);
                rows.add(row(database, scale, ours, floor));
                assertThat(ours.get("utbetalt_ore")).isEqualTo(ours.get("rammer_ore"));
                assertThat(floor.get("golv.brukeroppgaver")).isEqualTo(ours.get("brukeroppgaver"));
            }
        }
        String table = String.join("\n", rows);
        Files.writeString(OUT.resolve("resultater.md"), table + "\n");
        System.out.println(table);
    }

    /** One run's figures as one block of "key: value" lines, ours then the floor's, then the ratio. */
    static String row(String database, String scale, Map<String, String> ours, Map<String, String> floor) {
        double perTask = Double.parseDouble(ours.get("syklus_s")) * 1000 / Long.parseLong(ours.get("brukeroppgaver"));
        double floorPerTask = Double.parseDouble(floor.get("golv.s")) * 1000
                / Long.parseLong(floor.get("golv.brukeroppgaver"));
        StringBuilder text = new StringBuilder("## " + database + ", " + scale + "× nasjonal størrelse\n\n");
        ours.forEach((k, v) -> text.append("- ").append(k).append(": ").append(v).append('\n'));
        floor.forEach((k, v) -> text.append("- ").append(k).append(": ").append(v).append('\n'));
        text.append(String.format(Locale.ROOT, "- ms_per_brukeroppgave: %.2f%n- golv.ms_per_brukeroppgave: %.2f%n"
                + "- forhold_til_golvet: %.2f%n", perTask, floorPerTask, perTask / floorPerTask));
        return text.toString();
    }

    /** Runs the class's main in a JVM of its own, on the test classpath; its output goes to target/ytelse/name.log. */
    static void java(Class<?> main, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + System.getProperty("ytelse.heap", "3g"), "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        File log = OUT.resolve(name + ".log").toFile();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        int exit = process.waitFor();
        System.out.printf(Locale.ROOT, "%s: exit %d after %.0f s (log: %s)%n", name, exit,
                (System.nanoTime() - start) / 1e9, log);
        if (exit != 0) {
            throw new IllegalStateException(name + " failed with exit " + exit + "; see " + log);
        }
    }
}
