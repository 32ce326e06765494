package no.kompetansemidler.letters;

import no.kompetansemidler.system.PdfDocuments;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The letter templates the process owner edits: XHTML files deployed with the models (bpmn/brevmaler/), so that a
 * letter is written from the template of the same deployment as the model that writes it (or, when that model was
 * deployed without templates, from the newest deployed one), and a new version of a template takes effect with the
 * next deployment, like a form. Filled in by Thymeleaf (XML mode: the template stays
 * well-formed XHTML) and rendered to PDF.
 */
@Component
public class LetterTemplates {

    /** The folder of the templates in a deployment. */
    static final String FOLDER = "brevmaler/";

    private final RepositoryService repository;
    private final TemplateEngine engine = new TemplateEngine();

    LetterTemplates(RepositoryService repository) {
        this.repository = repository;
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCacheable(false);
        engine.setTemplateResolver(resolver);
    }

    /** A template found in a deployment: its text, and a name that says which deployment it came from. */
    public record Template(String name, String text) {
    }

    /** The template {@code file} (e.g. "vedtaksbrev.xhtml") of the deployment of this process definition. */
    public Template of(String processDefinitionId, String file) {
        String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        java.util.Optional<String> own = resource(deploymentId, file);
        if (own.isEmpty()) {
            // the model was deployed without its templates (from Modeler, say): the newest deployed template
            for (org.camunda.bpm.engine.repository.Deployment d : repository.createDeploymentQuery()
                    .orderByDeploymentTime().desc().list()) {
                java.util.Optional<String> found = resource(d.getId(), file);
                if (found.isPresent()) {
                    deploymentId = d.getId();
                    own = found;
                    break;
                }
            }
        }
        String resource = own.orElseThrow(() -> new IllegalStateException("Brevmalen " + FOLDER + file
                + " er ikke distribuert (docs/prosesseier.md: distribuer brevmalene sammen med modellene)."));
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return new Template(FOLDER + file + " (deployment " + deploymentId + ")",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.util.Optional<String> resource(String deploymentId, String file) {
        return repository.getDeploymentResourceNames(deploymentId).stream()
                .filter(name -> name.replace('\\', '/').endsWith(FOLDER + file)).findFirst();
    }

    /** The template filled in with the letter's facts, as XHTML. */
    public String fill(Template template, Map<String, Object> facts) {
        return engine.process(template.text(), new Context(Locale.forLanguageTag("nb-NO"), facts));
    }

    /** The filled-in template as a PDF. */
    public byte[] pdf(Template template, Map<String, Object> facts) {
        return PdfDocuments.render(fill(template, facts));
    }
}
