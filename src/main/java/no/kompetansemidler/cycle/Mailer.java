package no.kompetansemidler.cycle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.List;

/** Sends e-mail over SMTP (the demo's in-process server, or the organisation's server in production). */
@Component
class Mailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender,
           @Value("${kompetansemidler.mail.from:ikke-svar@kompetansemidler.example}") String from) {
        this.sender = sender;
        this.from = from;
    }

    void send(List<String> to, String subject, String body) {
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
