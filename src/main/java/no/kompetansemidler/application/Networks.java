package no.kompetansemidler.application;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.cycle.FreeText;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.PersonDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Joint applications: owners that apply as a network (nettverk), with a lead owner who sends the need report for
 * all of them. The caseworker registers the network in a cycle before the lead sends; once the lead has sent, each
 * member confirms or declines its part of the application, with a reason when it declines. An owner is in at most
 * one network per cycle. Every refusal names the field and the rule, and nothing is stored.
 */
@Service
public class Networks {

    /** A member's answer; the lead's row is {@code LEDER}. */
    public enum Answer {
        LEDER("leder og søker"), VENTER("venter på svar"), BEKREFTET("bekreftet"), AVSLATT("avslått");

        private final String displayName;

        Answer(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** What the caseworker registers: the network's name, its lead and its other members (organisation numbers). */
    public record NewNetwork(String navn, String leder, List<String> medlemmer) {
    }

    /** A member's answer as it arrives: for which owner, BEKREFT or AVSLA, and the reason when it declines. */
    public record MemberAnswer(String eier, String svar, String begrunnelse) {
    }

    public record Member(String organisasjonsnummer, String navn, String svar, String svarTekst, String begrunnelse,
                         String svartAv, Instant svart) {
    }

    /**
     * A network as its members and the caseworker see it: the lead's application (its measures as they read in the
     * forum) once the lead has sent it.
     */
    public record Network(String id, String syklusId, String ordning, int aar, String embete, String navn,
                          String leder, String lederNavn, boolean soknadSendt, List<String> soknad,
                          List<Member> medlemmer, String registrertAv, Instant registrert) {
    }

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final ApplicationRepository applications;
    private final PersonDirectory people;
    private final Clock clock;

    public Networks(JdbcClient jdbc, CycleRepository cycles, MasterDataRepository masterData,
             ApplicationRepository applications, PersonDirectory people, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.masterData = masterData;
        this.applications = applications;
        this.people = people;
        this.clock = clock;
    }

    /** Registers the network in the cycle, or refuses with every problem named. */
    @Transactional
    public Network register(String cycleId, NewNetwork request, String user) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        List<Violation> problems = new ArrayList<>();
        String name = FreeText.check(request == null ? null : request.navn(), "navn", "Nettverkets navn", 3, "NAVN",
                problems);
        if (name.length() > 200) {
            problems.add(new Violation("navn", "LENGDE", "Nettverkets navn kan ha høyst 200 tegn."));
        }
        Map<String, Owner> owners = new LinkedHashMap<>();
        masterData.owners(cycle.office(), cycle.scheme()).forEach(o -> owners.put(o.organisationNumber().value(), o));
        String lead = request == null || request.leder() == null ? "" : request.leder().replace(" ", "");
        if (lead.isEmpty()) {
            problems.add(new Violation("leder", "PÅKREVD", "Velg eieren som leder nettverket og sender søknaden."));
        } else if (!owners.containsKey(lead)) {
            problems.add(new Violation("leder", "NETTVERK", "Lederen " + lead + " er ikke en eier som kan søke i "
                    + cycle.scheme().name() + " " + cycle.year() + " hos " + cycle.office().displayName() + "."));
        } else if (cycles.needReport(cycleId, lead).isPresent()) {
            problems.add(new Violation("leder", "NETTVERK", owners.get(lead).name() + " har allerede sendt"
                    + " behovsmeldingen; et nettverk registreres før lederen sender søknaden for alle."));
        }
        Set<String> members = new LinkedHashSet<>();
        for (String raw : request == null || request.medlemmer() == null ? List.<String>of() : request.medlemmer()) {
            String number = raw == null ? "" : raw.replace(" ", "");
            if (number.equals(lead) || number.isEmpty()) {
                continue;
            }
            if (!owners.containsKey(number)) {
                problems.add(new Violation("medlemmer", "NETTVERK", "Medlemmet " + number + " er ikke en eier som kan"
                        + " søke i " + cycle.scheme().name() + " " + cycle.year() + " hos "
                        + cycle.office().displayName() + "."));
            } else {
                members.add(number);
            }
        }
        if (members.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("medlemmer"))) {
            problems.add(new Violation("medlemmer", "PÅKREVD", "Et nettverk har minst ett medlem i tillegg til lederen."));
        }
        Set<String> all = new LinkedHashSet<>();
        if (owners.containsKey(lead)) {
            all.add(lead);
        }
        all.addAll(members);
        Map<String, String> inNetwork = networkOfEachOwner(cycleId);
        for (String number : all) {
            String other = inNetwork.get(number);
            if (other != null) {
                problems.add(new Violation(number.equals(lead) ? "leder" : "medlemmer", "NETTVERK",
                        owners.get(number).name() + " er allerede med i nettverket «" + other + "» i denne syklusen;"
                                + " en eier kan være med i ett nettverk per syklus."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("insert into km_network (id, cycle_id, name, lead_owner, registered_by, registered_at)"
                + " values (?, ?, ?, ?, ?, ?)").params(id, cycleId, name, lead, user, java.sql.Timestamp.from(now)).update();
        try {
            for (String number : all) {
                jdbc.sql("insert into km_network_member (network_id, cycle_id, organisation_number, answer)"
                        + " values (?, ?, ?, ?)").params(id, cycleId, number,
                        (number.equals(lead) ? Answer.LEDER : Answer.VENTER).name()).update();
            }
        } catch (org.springframework.dao.DuplicateKeyException registeredMeanwhile) {
            // another caseworker put one of the owners in a network at the same moment; the transaction rolls back
            throw new ValidationException(List.of(new Violation("medlemmer", "NETTVERK", "En av eierne ble nettopp"
                    + " registrert i et annet nettverk. Last siden på nytt og se hvem som er ledige.")));
        }
        return network(id);
    }

    /**
     * A member's answer to the lead's application, by one of the member's users: once, after the lead has sent,
     * with a reason when it declines.
     */
    @Transactional
    public Network answer(Network network, MemberAnswer answer, String user) {
        String networkId = network.id();
        List<Violation> problems = new ArrayList<>();
        String owner = answer == null || answer.eier() == null ? "" : answer.eier().replace(" ", "");
        Member member = network.medlemmer().stream().filter(m -> m.organisasjonsnummer().equals(owner)).findFirst()
                .orElse(null);
        String choice = answer == null ? null : answer.svar();
        if (member == null || member.svar().equals(Answer.LEDER.name())) {
            problems.add(new Violation("eier", "NETTVERK", "Bare nettverkets medlemmer svarer på søknaden, ikke "
                    + (member == null ? "«" + owner + "»" : "lederen") + "."));
        } else if (!member.svar().equals(Answer.VENTER.name())) {
            problems.add(new Violation("svar", "NETTVERK", member.navn() + " har allerede svart ("
                    + member.svarTekst() + ")."));
        } else if (!network.soknadSendt()) {
            problems.add(new Violation("svar", "NETTVERK", network.lederNavn() + " har ikke sendt søknaden ennå;"
                    + " dere kan svare når den er sendt."));
        }
        if (!"BEKREFT".equals(choice) && !"AVSLA".equals(choice)) {
            problems.add(new Violation("svar", "PÅKREVD", "Velg om dere bekrefter eller avslår deres del av søknaden."));
        }
        String reason = null;
        if ("AVSLA".equals(choice)) {
            reason = FreeText.check(answer.begrunnelse(), "begrunnelse", "Begrunnelsen for avslaget", 10,
                    "BEGRUNNELSE", problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int answered = jdbc.sql("update km_network_member set answer = ?, reason = ?, answered_by = ?, answered_at = ?"
                        + " where network_id = ? and organisation_number = ? and answer = 'VENTER'")
                .params(("BEKREFT".equals(choice) ? Answer.BEKREFTET : Answer.AVSLATT).name(), reason, user,
                        java.sql.Timestamp.from(clock.instant()), networkId, owner).update();
        if (answered == 0) {
            // another of the member's users answered at the same moment
            throw new ValidationException(List.of(new Violation("svar", "NETTVERK", member.navn()
                    + " har allerede svart.")));
        }
        return network(networkId);
    }

    /** An owner that may be in a network of the cycle, and whether it has sent its need report. */
    public record OwnerChoice(String organisasjonsnummer, String navn, boolean sendt, String nettverk) {
    }

    public List<OwnerChoice> owners(CycleRepository.Cycle cycle) {
        Map<String, String> inNetwork = networkOfEachOwner(cycle.id());
        Set<String> sent = new java.util.HashSet<>();
        cycles.needReports(cycle.id()).forEach(r -> sent.add(r.organisationNumber()));
        return masterData.owners(cycle.office(), cycle.scheme()).stream().map(o -> new OwnerChoice(
                o.organisationNumber().value(), o.name(), sent.contains(o.organisationNumber().value()),
                inNetwork.get(o.organisationNumber().value()))).toList();
    }

    /** The name of the network each owner of the cycle is in (the lead included). */
    private Map<String, String> networkOfEachOwner(String cycleId) {
        Map<String, String> inNetwork = new java.util.HashMap<>();
        jdbc.sql("select m.organisation_number, n.name from km_network_member m join km_network n on n.id = m.network_id"
                + " where m.cycle_id = ?").param(cycleId).query(rs -> {
            inNetwork.put(rs.getString(1).trim(), rs.getString(2));
        });
        return inNetwork;
    }

    public List<Network> ofCycle(String cycleId) {
        return jdbc.sql("select id from km_network where cycle_id = ? order by name").param(cycleId)
                .query(String.class).list().stream().map(this::network).toList();
    }

    /** The networks the owners are members of (the lead included), newest cycle first. */
    public List<Network> ofOwners(List<String> owners) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct n.id, c.budget_year, n.name from km_network n
                        join km_network_member m on m.network_id = n.id join km_cycle c on c.id = n.cycle_id
                        where m.organisation_number in (:owners) order by c.budget_year desc, n.name""")
                .param("owners", owners).query((rs, i) -> rs.getString("id")).list().stream().map(this::network)
                .toList();
    }

    /** The network by id. */
    public java.util.Optional<Network> find(String id) {
        return jdbc.sql("""
                        select n.cycle_id, n.name, n.lead_owner, n.registered_by, n.registered_at, c.scheme,
                               c.budget_year, c.embete_code
                        from km_network n join km_cycle c on c.id = n.cycle_id where n.id = ?""").param(id)
                .query((rs, i) -> new Network(id, rs.getString("cycle_id"), rs.getString("scheme"),
                        rs.getInt("budget_year"), no.kompetansemidler.domain.organisation.Embete.valueOf(
                        rs.getString("embete_code")).displayName(), rs.getString("name"),
                        rs.getString("lead_owner").trim(), null, false, List.of(), List.of(),
                        rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant()))
                .optional().map(this::completed);
    }

    private Network network(String id) {
        return find(id).orElseThrow();
    }

    /** The network's row completed with its members, the lead's name and application, and who registered it. */
    private Network completed(Network n) {
        List<Member> members = jdbc.sql("""
                        select m.*, o.name as owner_name from km_network_member m
                        left join km_owner o on o.organisation_number = m.organisation_number where m.network_id = ?
                        order by case when m.answer = 'LEDER' then 0 else 1 end, o.name""").param(n.id())
                .query((rs, i) -> {
                    Answer answer = Answer.valueOf(rs.getString("answer"));
                    java.sql.Timestamp at = rs.getTimestamp("answered_at");
                    return new Member(rs.getString("organisation_number").trim(), rs.getString("owner_name"),
                            answer.name(), answer.displayName(), rs.getString("reason"),
                            rs.getString("answered_by") == null ? null : people.displayName(rs.getString("answered_by")),
                            at == null ? null : at.toInstant());
                }).list();
        boolean sent = cycles.needReport(n.syklusId(), n.leder()).isPresent();
        List<String> application = sent ? applications.measures(n.syklusId(), n.leder()).stream()
                .map(m -> MeasureTexts.applied(m, n.aar(), masterData.uhInstitutionName(m.plan().uhPartner())))
                .toList() : List.of();
        return new Network(n.id(), n.syklusId(), n.ordning(), n.aar(), n.embete(), n.navn(), n.leder(),
                masterData.ownerName(n.leder()), sent, application, members, people.displayName(n.registrertAv()),
                n.registrert());
    }

    /**
     * For the forum, per lead owner in the cycle: «Søker for nettverket «Bergensregionen»: Askøy kommune bekreftet,
     * Vestland fylkeskommune venter på svar.»
     */
    public Map<String, String> leadNotes(String cycleId) {
        Map<String, String> networkName = new LinkedHashMap<>();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        jdbc.sql("""
                        select n.lead_owner, n.name, m.answer, o.name as owner_name from km_network n
                        join km_network_member m on m.network_id = n.id
                        left join km_owner o on o.organisation_number = m.organisation_number
                        where n.cycle_id = ? and m.answer <> 'LEDER' order by n.lead_owner, o.name""").param(cycleId)
                .query(rs -> {
                    String lead = rs.getString("lead_owner").trim();
                    networkName.put(lead, rs.getString("name"));
                    answers.computeIfAbsent(lead, l -> new ArrayList<>()).add(rs.getString("owner_name") + " "
                            + Answer.valueOf(rs.getString("answer")).displayName());
                });
        Map<String, String> notes = new LinkedHashMap<>();
        networkName.forEach((lead, name) -> notes.put(lead, "Søker for nettverket «" + name + "»: "
                + String.join(", ", answers.get(lead)) + "."));
        return notes;
    }
}
