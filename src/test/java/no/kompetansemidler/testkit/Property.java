package no.kompetansemidler.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Property-based tests without a library: a generator draws many cases from a seeded {@link Random}; when one fails,
 * the case is shrunk (each candidate a shrinker offers that still fails replaces it) and the test fails with the
 * smallest failing case and the seed that repeats it. The seed is fixed per property, so a run is repeatable; set
 * {@code -Dproperty.seed=<number>} to try other cases, or {@code -Dproperty.tries=<n>} for more of them.
 */
public final class Property {

    /** Draws one case. */
    @FunctionalInterface
    public interface Gen<T> {
        T next(Random random);

        default <R> Gen<R> map(Function<T, R> f) {
            return random -> f.apply(next(random));
        }
    }

    /** Smaller cases to try instead of a failing one, most promising first; none when it cannot shrink. */
    @FunctionalInterface
    public interface Shrink<T> {
        Stream<T> candidates(T value);

        static <T> Shrink<T> none() {
            return value -> Stream.empty();
        }
    }

    private static final int MAX_SHRINK_STEPS = 1_000;

    private Property() {
    }

    /** Checks the property for {@code tries} generated cases; fails with the smallest failing case found. */
    public static <T> void forAll(String name, int tries, Gen<T> gen, Shrink<T> shrink, Consumer<T> property) {
        long seed = Long.getLong("property.seed", name.hashCode());
        int count = Integer.getInteger("property.tries", tries);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            T value = gen.next(random);
            Throwable failure = failure(property, value);
            if (failure != null) {
                Shrunk<T> smallest = shrink(value, failure, shrink, property);
                AssertionError error = new AssertionError("Egenskapen «" + name + "» holder ikke for " + smallest.value
                        + " (forsøk " + (i + 1) + " av " + count + ", krympet " + smallest.steps + " steg;"
                        + " gjenta med -Dproperty.seed=" + seed + "): " + smallest.failure.getMessage(), smallest.failure);
                throw error;
            }
        }
    }

    record Shrunk<T>(T value, Throwable failure, int steps) {
    }

    static <T> Shrunk<T> shrink(T value, Throwable failure, Shrink<T> shrink, Consumer<T> property) {
        T current = value;
        Throwable currentFailure = failure;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk && steps < MAX_SHRINK_STEPS) {
            shrunk = false;
            for (T candidate : (Iterable<T>) shrink.candidates(current)::iterator) {
                Throwable candidateFailure = failure(property, candidate);
                if (candidateFailure != null) {
                    current = candidate;
                    currentFailure = candidateFailure;
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        return new Shrunk<>(current, currentFailure, steps);
    }

    private static <T> Throwable failure(Consumer<T> property, T value) {
        try {
            property.accept(value);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    // --- generators -------------------------------------------------------------------------------------------

    /** A long in [min, max], with the bounds and small values drawn more often than their share. */
    public static Gen<Long> longs(long min, long max) {
        return random -> switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> Math.min(max, min + random.nextInt(10));
            default -> min + (long) (random.nextDouble() * ((double) max - min));
        };
    }

    /** Nine digits, as an organisation number is written (not checked for MOD11). */
    public static Gen<String> nineDigits() {
        return random -> String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A list of {@code min} to {@code max} elements. */
    public static <T> Gen<List<T>> lists(Gen<T> element, int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.next(random));
            }
            return list;
        };
    }

    /** A map with {@code min} to {@code max} distinct keys. */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            Map<K, V> map = new LinkedHashMap<>();
            for (int attempts = 0; map.size() < size && attempts < size * 20; attempts++) {
                map.put(keys.next(random), values.next(random));
            }
            return map;
        };
    }

    /** One of the values. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(T... values) {
        return random -> values[random.nextInt(values.length)];
    }

    // --- shrinkers --------------------------------------------------------------------------------------------

    /** Toward {@code target}: the target, then halfway, then one step closer. */
    public static Shrink<Long> towards(long target) {
        return value -> value == target ? Stream.empty()
                : Stream.of(target, target + (value - target) / 2, value - Long.signum(value - target)).distinct()
                .filter(v -> v != (long) value);
    }

    /** Fewer elements (each removed in turn), then each element shrunk; never fewer than {@code min}. */
    public static <T> Shrink<List<T>> lists(Shrink<T> element, int min) {
        return list -> {
            Stream<List<T>> fewer = list.size() <= min ? Stream.empty()
                    : Stream.iterate(0, i -> i < list.size(), i -> i + 1).map(i -> {
                        List<T> copy = new ArrayList<>(list);
                        copy.remove((int) i);
                        return copy;
                    });
            Stream<List<T>> smaller = Stream.iterate(0, i -> i < list.size(), i -> i + 1)
                    .flatMap(i -> element.candidates(list.get(i)).limit(3).map(v -> {
                        List<T> copy = new ArrayList<>(list);
                        copy.set(i, v);
                        return copy;
                    }));
            return Stream.concat(fewer, smaller);
        };
    }

    /** Fewer entries (each removed in turn), then each value shrunk; never fewer than {@code min}. */
    public static <K, V> Shrink<Map<K, V>> maps(Shrink<V> value, int min) {
        return map -> {
            List<K> keys = new ArrayList<>(map.keySet());
            Stream<Map<K, V>> fewer = map.size() <= min ? Stream.empty() : keys.stream().map(k -> {
                Map<K, V> copy = new LinkedHashMap<>(map);
                copy.remove(k);
                return copy;
            });
            Stream<Map<K, V>> smaller = keys.stream().flatMap(k -> value.candidates(map.get(k)).limit(3).map(v -> {
                Map<K, V> copy = new LinkedHashMap<>(map);
                copy.put(k, v);
                return copy;
            }));
            return Stream.concat(fewer, smaller);
        };
    }
}
