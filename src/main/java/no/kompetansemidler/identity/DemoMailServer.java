package no.kompetansemidler.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's own SMTP server, in-process, so that a first run needs nothing installed: reminders really go over
 * SMTP and can be read at /api/demo/epost. Production uses the organisation's SMTP server (spring.mail.*).
 */
@Configuration
@Profile("demo")
class DemoMailServer {

    record ReceivedMail(List<String> to, String subject, String sentAt, String body) {
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${kompetansemidler.demo.smtp-port:0}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        return sender;
    }

    /** The reminders the demo has sent: for caseworkers and administrators (they are the owners' mail). */
    @RestController
    @Profile("demo")
    static class DemoMailbox {
        private final GreenMail server;
        private final no.kompetansemidler.security.ApiAccess access;

        DemoMailbox(GreenMail demoSmtpServer, no.kompetansemidler.security.ApiAccess access) {
            this.server = demoSmtpServer;
            this.access = access;
        }

        @GetMapping("/api/demo/epost")
        List<ReceivedMail> received() throws MessagingException, java.io.IOException {
            var user = access.current();
            if (!user.isCaseworker() && !user.isAdministrator()) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.FORBIDDEN);
            }
            List<ReceivedMail> mails = new ArrayList<>();
            for (MimeMessage m : server.getReceivedMessages()) {
                mails.add(new ReceivedMail(Arrays.stream(m.getAllRecipients()).map(Object::toString).toList(),
                        m.getSubject(), String.valueOf(m.getSentDate()), String.valueOf(m.getContent())));
            }
            return mails;
        }
    }
}
