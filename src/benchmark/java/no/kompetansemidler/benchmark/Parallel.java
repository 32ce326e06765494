package no.kompetansemidler.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** The benchmark's parallel users: item i always goes to thread i mod threads, in order; waits for all. */
final class Parallel {

    private Parallel() {
    }

    static void run(int threads, int count, IntConsumer work) throws Exception {
        int used = Math.max(1, Math.min(threads, count));
        ExecutorService pool = Executors.newFixedThreadPool(used);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < used; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    for (int i = offset; i < count; i += used) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
