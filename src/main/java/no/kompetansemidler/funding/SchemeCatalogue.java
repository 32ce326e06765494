package no.kompetansemidler.funding;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import no.kompetansemidler.domain.funding.SchemeCalendar;
import no.kompetansemidler.domain.funding.SchemeDefinition;
import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The schemes this installation runs, one configuration file each: the built-in files {@code ordninger/*.yml} on
 * the class path, then every {@code *.yml} in the folder {@code kompetansemidler.ordninger.katalog} (empty: none),
 * where a file with a built-in code replaces the built-in one; in the order of the files' names (the built-in ones
 * as the sources list the schemes: 1-dekom, 2-rekom, 3-kompetanseloftet, 4-yrkesfag). Read and checked once at start; a wrong file stops
 * the start with {@link SchemeFileException}, which names the file and the key (docs/regler.md).
 */
@Component
public class SchemeCatalogue {

    private static final String BUILT_IN = "classpath*:ordninger/*.yml";

    private final Map<Scheme, SchemeDefinition> schemes;

    @org.springframework.beans.factory.annotation.Autowired
    public SchemeCatalogue(Validator validator, @Value("${kompetansemidler.ordninger.katalog:}") String folder) {
        this(validator, files(folder));
    }

    /** A scheme file and how people name it: built-in ones by their path in the application, the others in full. */
    private record SchemeSource(Resource resource, String name, boolean builtIn) {
    }

    private SchemeCatalogue(Validator validator, List<SchemeSource> files) {
        Map<Scheme, SchemeDefinition> read = new LinkedHashMap<>();
        Map<Scheme, SchemeSource> fileOf = new LinkedHashMap<>();
        for (SchemeSource file : files) {
            SchemeDefinition definition = read(validator, file.resource(), file.name());
            SchemeSource earlier = fileOf.put(definition.scheme(), file);
            if (earlier != null && earlier.builtIn() == file.builtIn()) {
                throw new SchemeFileException(file.name(), "code", "ordningen " + definition.scheme()
                        + " står også i " + earlier.name() + "; hver ordning har én fil");
            }
            read.put(definition.scheme(), definition);
        }
        if (read.isEmpty()) {
            throw new SchemeFileException(BUILT_IN, "code", "fant ingen ordningsfiler");
        }
        // in the order of the files' names (a file that replaces a built-in one takes its place)
        schemes = read;
    }

    /** Every configured scheme, in the order of the files' names. */
    public List<SchemeDefinition> all() {
        return List.copyOf(schemes.values());
    }

    public List<Scheme> schemes() {
        return List.copyOf(schemes.keySet());
    }

    /** The configured scheme of a code as people or other systems give it, if there is one. */
    public Optional<SchemeDefinition> find(String code) {
        return code == null || !Scheme.CODE.matcher(code).matches() ? Optional.empty()
                : Optional.ofNullable(schemes.get(new Scheme(code)));
    }

    /** A stored scheme's definition; a cycle of a scheme no longer configured is an operator's error. */
    public SchemeDefinition definition(Scheme scheme) {
        SchemeDefinition definition = schemes.get(scheme);
        if (definition == null) {
            throw new IllegalStateException("Ordningen " + scheme + " er ikke konfigurert (ordninger/*.yml)");
        }
        return definition;
    }

    public SchemeRules rules(Scheme scheme) {
        return definition(scheme).rules();
    }

    public SchemeCalendar calendar(Scheme scheme) {
        return definition(scheme).calendar();
    }

    /** The scheme's name as people read it. */
    public String name(Scheme scheme) {
        return definition(scheme).name();
    }

    /** The schemes an owner of the kind takes part in. */
    public Set<Scheme> schemesFor(OwnerKind kind) {
        return schemes.values().stream().filter(d -> d.takesPart(kind)).map(SchemeDefinition::scheme)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** «DEKOM, REKOM, … eller YRKESFAG», for a message that says which codes there are. */
    public String codes() {
        List<String> codes = schemes.keySet().stream().map(Scheme::code).toList();
        return codes.size() == 1 ? codes.get(0)
                : String.join(", ", codes.subList(0, codes.size() - 1)) + " eller " + codes.get(codes.size() - 1);
    }

    private static List<SchemeSource> files(String folder) {
        List<SchemeSource> files = new ArrayList<>();
        try {
            Resource[] builtIn = new PathMatchingResourcePatternResolver().getResources(BUILT_IN);
            Arrays.sort(builtIn, Comparator.comparing(Resource::getFilename));
            for (Resource file : builtIn) {
                files.add(new SchemeSource(file, "ordninger/" + file.getFilename(), true));
            }
            if (folder != null && !folder.isBlank()) {
                java.nio.file.Path path = java.nio.file.Path.of(folder.trim());
                if (!Files.isDirectory(path)) {
                    throw new SchemeFileException(path.toAbsolutePath().toString(), "kompetansemidler.ordninger.katalog",
                            "mappen finnes ikke");
                }
                try (Stream<java.nio.file.Path> listed = Files.list(path)) {
                    listed.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted()
                            .forEach(p -> files.add(new SchemeSource(new FileSystemResource(p),
                                    p.toAbsolutePath().toString(), false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the scheme files", e);
        }
        return files;
    }

    private static SchemeDefinition read(Validator validator, Resource file, String name) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(name, file);
        } catch (IOException | RuntimeException e) {
            throw new SchemeFileException(name, "(hele filen)", "er ikke gyldig YAML: " + e.getMessage());
        }
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new MonthDayConverter());
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), null, conversion);
        SchemeFile bound;
        try {
            bound = binder.bind("ordning", Bindable.of(SchemeFile.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseThrow(() -> new SchemeFileException(name, "ordning", "må angis øverst i filen"));
        } catch (BindException e) {
            throw refusal(name, e);
        }
        List<ConstraintViolation<SchemeFile>> violations = validator.validate(bound).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        if (!violations.isEmpty()) {
            ConstraintViolation<SchemeFile> first = violations.get(0);
            throw new SchemeFileException(name, "ordning." + key(first.getPropertyPath()), first.getMessage()
                    + (violations.size() > 1 ? " (og " + (violations.size() - 1) + " feil til: "
                    + violations.stream().skip(1).map(v -> "ordning." + key(v.getPropertyPath()) + " "
                    + v.getMessage()).collect(Collectors.joining("; ")) + ")" : ""));
        }
        return bound.toDefinition();
    }

    private static SchemeFileException refusal(String file, BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unknown) {
            String keys = unknown.getUnboundProperties().stream().map(p -> p.getName().toString()).sorted()
                    .collect(Collectors.joining(", "));
            return new SchemeFileException(file, keys, "er ikke en nøkkel i en ordningsfil (se docs/regler.md)");
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getMessage() != null
                && !cause.getMessage().contains("«")) {
            cause = cause.getCause();
        }
        Object value = e.getProperty() == null ? null : e.getProperty().getValue();
        String reason = cause != null && cause.getMessage() != null && cause.getMessage().contains("«")
                ? cause.getMessage() : "«" + value + "» er ikke en lovlig verdi";
        return new SchemeFileException(file, e.getName().toString(), reason);
    }

    /** The checks on more than one value, by the key they are about. */
    private static final Map<String, String> CHECKS = Map.of("recipientsWithOwners", "recipients",
            "recipientsOwnersAndUh", "recipients", "inCycleOrder", "", "providerKinds", "providers",
            "providersNotParticipants", "providers", "providersWithRecipients", "providers",
            "onlyWhereUhCannotWithProviders", "providersOnlyWhereUhCannot");

    /** coFinancingRatePercent → co-financing-rate-percent; calendar.needReportDeadline → calendar.need-report-deadline. */
    private static String key(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            String name = node.getName();
            if (name == null) {
                continue;
            }
            if (name.startsWith("<")) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            name = CHECKS.getOrDefault(name, name);
            if (!name.isEmpty()) {
                parts.add(name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return String.join(".", parts);
    }

    /** A scheme file that cannot be used: the start stops, naming the file and the key. */
    public static class SchemeFileException extends RuntimeException {
        private final String file;
        private final String key;

        SchemeFileException(String file, String key, String reason) {
            super("Ordningsfilen " + file + ": " + key + " " + reason);
            this.file = file;
            this.key = key;
        }

        public String file() {
            return file;
        }

        public String key() {
            return key;
        }
    }
}
