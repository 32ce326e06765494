package no.kompetansemidler.cycle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.List;

/** Sends e-mail over SMTP (the demo's in-process server, or the organisation's server in production). */
@Component
public class Mailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    /**
     * Where an owner's e-mail goes: its contact address, or else the addresses of its users in the identity service.
     */
    public static List<String> ownerAddresses(org.camunda.bpm.engine.ProcessEngineServices engine,
                                              no.kompetansemidler.masterdata.MasterDataRepository masterData,
                                              String organisationNumber) {
        var number = new no.kompetansemidler.domain.organisation.OrganisationNumber(organisationNumber);
        String contact = masterData.findOwner(number).map(no.kompetansemidler.domain.organisation.Owner::contactEmail)
                .orElse(null);
        if (contact != null && !contact.isBlank()) {
            return List.of(contact);
        }
        return engine.getIdentityService().createUserQuery()
                .memberOfGroup(no.kompetansemidler.identity.IdentityGroups.owner(number)).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getEmail).filter(java.util.Objects::nonNull)
                .filter(e -> !e.isBlank()).toList();
    }

    Mailer(ObjectProvider<JavaMailSender> sender,
           @Value("${kompetansemidler.mail.from:ikke-svar@kompetansemidler.example}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public void send(List<String> to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("E-posttjeneren er ikke satt opp: sett KOMPETANSEMIDLER_SMTP_HOST.");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        mail.send(message);
    }
}
