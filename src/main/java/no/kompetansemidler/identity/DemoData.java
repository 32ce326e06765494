package no.kompetansemidler.identity;

import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.Municipality;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The demo (profile {@code demo}, the default): Statsforvalteren i Vestland with all its real municipalities as
 * owners (invented organisation numbers, marked as such, except Bergen's real one), Vestland fylkeskommune,
 * Høgskulen på Vestlandet, four applicants in YRKESFAG in Vestland county, invented bank accounts for them, and one
 * login per role (Vestland fylkeskommune's caseworker and leader among them). Outside the demo, any demo login left in the database is
 * removed at start, so that demo logins never exist in production.
 */
@Component
@Order(30)
public class DemoData implements ApplicationRunner {

    static final Embete DEMO_EMBETE = Embete.VESTLAND;
    static final String DEMO_PASSWORD = "demo";
    static final String DEMO_USER_PREFIX = "demo-";
    static final OrganisationNumber BERGEN = new OrganisationNumber("964338531");
    static final OrganisationNumber VESTLAND_FYLKESKOMMUNE = new OrganisationNumber("821311632");
    static final OrganisationNumber HOGSKULEN_PA_VESTLANDET = new OrganisationNumber("917641404");
    static final OrganisationNumber UNIVERSITETET_I_BERGEN = new OrganisationNumber("874789542");
    /** Vestland fylkeskommune as the office that runs YRKESFAG in Vestland. */
    static final County DEMO_COUNTY = County.find("46").orElseThrow();

    /** Applicants in YRKESFAG in Vestland (invented organisation numbers, marked as such). */
    record DemoApplicant(String name, OwnerKind kind) {
    }

    static final List<DemoApplicant> VOCATIONAL_APPLICANTS = List.of(
            new DemoApplicant("Demo vidaregåande skule (yrkesfag)", OwnerKind.VIDEREGAENDE_SKOLE),
            new DemoApplicant("Opplæringskontoret for bygg- og anleggsfag i Vestland (demo)", OwnerKind.OPPLAERINGSKONTOR),
            new DemoApplicant("Demo lærebedrift AS", OwnerKind.LAEREBEDRIFT),
            new DemoApplicant("Prøvenemnda for elektrofag i Vestland (demo)", OwnerKind.PROVENEMND));

    /** One login per role; the administrator (demo-admin) is created by camunda.bpm.admin-user. */
    record DemoLogin(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("demo-saksbehandler", "Kari", "Saksbehandler", IdentityGroups.caseworkers(DEMO_EMBETE)),
            new DemoLogin("demo-saksbehandler-rogaland", "Rune", "Saksbehandler Rogaland",
                    IdentityGroups.caseworkers(Embete.ROGALAND)),
            new DemoLogin("demo-eier-bergen", "Ola", "Bergen kommune", IdentityGroups.owner(BERGEN)),
            new DemoLogin("demo-eier-vestlandfk", "Siri", "Vestland fylkeskommune",
                    IdentityGroups.owner(VESTLAND_FYLKESKOMMUNE)),
            new DemoLogin("demo-uh", "Per", "Høgskulen på Vestlandet", IdentityGroups.uh(HOGSKULEN_PA_VESTLANDET)),
            new DemoLogin("demo-revisor", "Rita", "Revisor", IdentityGroups.AUDITORS),
            new DemoLogin("demo-prosesseier", "Pål", "Prosesseier", IdentityGroups.PROCESS_OWNERS),
            new DemoLogin("demo-leder", "Lene", "Leder", IdentityGroups.leaders(DEMO_EMBETE)),
            new DemoLogin("demo-saksbehandler-fk", "Frida", "Saksbehandler Vestland fylkeskommune",
                    IdentityGroups.caseworkers(DEMO_COUNTY)),
            new DemoLogin("demo-leder-fk", "Fredrik", "Leder Vestland fylkeskommune",
                    IdentityGroups.leaders(DEMO_COUNTY)),
            new DemoLogin("demo-eier-opplaeringskontor", "Oda", "Opplæringskontoret for bygg- og anleggsfag",
                    IdentityGroups.owner(vocationalApplicant(1))),
            new DemoLogin("demo-udir", "Ulf", "Utdanningsdirektoratet", IdentityGroups.UDIR));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Environment environment;
    private final IdentityService identityService;
    private final IdentityProvisioning provisioning;
    private final MasterDataRepository masterData;
    private final Clock clock;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    DemoData(Environment environment, IdentityService identityService, IdentityProvisioning provisioning,
             MasterDataRepository masterData, Clock clock, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.environment = environment;
        this.identityService = identityService;
        this.provisioning = provisioning;
        this.masterData = masterData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            createDemo();
        } else {
            removeDemoLogins();
        }
    }

    private void createDemo() {
        for (Municipality m : masterData.municipalities(DEMO_EMBETE)) {
            if (m.municipalityNumber().equals("4601")) {
                continue; // Bergen is a real owner in the master data
            }
            OrganisationNumber invented = inventedOrganisationNumber(m.municipalityNumber());
            Owner owner = new Owner(invented, m.name() + " kommune", OwnerKind.KOMMUNE, m.embete(),
                    schemes.schemesFor(OwnerKind.KOMMUNE), "kommune-" + m.municipalityNumber() + "@demo.example");
            masterData.saveOwner(owner, m.municipalityNumber(), null, true, "demo", clock.instant());
            provisioning.ensureOwnerGroup(owner);
        }
        for (int i = 0; i < VOCATIONAL_APPLICANTS.size(); i++) {
            DemoApplicant applicant = VOCATIONAL_APPLICANTS.get(i);
            Owner owner = new Owner(vocationalApplicant(i), applicant.name(), applicant.kind(), DEMO_EMBETE,
                    schemes.schemesFor(applicant.kind()), "yrkesfag-" + i + "@demo.example");
            masterData.saveOwner(owner, null, DEMO_COUNTY.number(), true, "demo", clock.instant());
            provisioning.ensureOwnerGroup(owner);
        }
        for (Owner owner : masterData.owners(DEMO_EMBETE, null)) {
            masterData.setAccountNumber(owner.organisationNumber(), inventedAccountNumber(owner.organisationNumber()));
        }
        for (OrganisationNumber uh : List.of(HOGSKULEN_PA_VESTLANDET, UNIVERSITETET_I_BERGEN)) {
            masterData.setAccountNumber(uh, inventedAccountNumber(uh));
        }
        for (DemoLogin login : LOGINS) {
            if (identityService.createUserQuery().userId(login.id()).count() == 0) {
                User user = identityService.newUser(login.id());
                user.setFirstName(login.firstName());
                user.setLastName(login.lastName());
                user.setEmail(login.id() + "@demo.example");
                user.setPassword(DEMO_PASSWORD);
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(login.id()).memberOfGroup(login.group()).count() == 0) {
                identityService.createMembership(login.id(), login.group());
            }
        }
        log.info("Demo: {} med {} kommuner; innlogginger {} (passord «{}»)", DEMO_EMBETE.displayName(),
                masterData.municipalities(DEMO_EMBETE).size(), LOGINS.stream().map(DemoLogin::id).toList(),
                DEMO_PASSWORD);
    }

    private void removeDemoLogins() {
        identityService.createUserQuery().list().stream()
                .filter(u -> u.getId().startsWith(DEMO_USER_PREFIX))
                .forEach(u -> {
                    log.warn("Fjerner demo-innloggingen {}: demo-innlogginger finnes ikke utenfor demoen", u.getId());
                    identityService.deleteUser(u.getId());
                });
    }

    /** The invented organisation number of the i-th demo applicant in YRKESFAG: "98", "46", a counter, MOD11. */
    public static OrganisationNumber vocationalApplicant(int i) {
        return inventedOrganisationNumber("98", DEMO_COUNTY.number() + String.format("%02d", i * 10));
    }

    /** A made-up bank account for a demo recipient: a digit, the organisation number, the MOD11 check digit. */
    public static AccountNumber inventedAccountNumber(OrganisationNumber owner) {
        for (int lead = 1; lead <= 9; lead++) {
            String base = lead + owner.value();
            int check = AccountNumber.checkDigit(base);
            if (check != 10) {
                return new AccountNumber(base + check);
            }
        }
        throw new IllegalStateException("no account number for " + owner);
    }

    /**
     * A made-up organisation number for a demo municipality: "99", the municipality number and a counter,
     * then the MOD11 check digit (skipping counters whose check digit would be 10). Deterministic.
     */
    public static OrganisationNumber inventedOrganisationNumber(String municipalityNumber) {
        return inventedOrganisationNumber("99", municipalityNumber);
    }

    private static OrganisationNumber inventedOrganisationNumber(String prefix, String municipalityNumber) {
        for (int counter = 0; counter < 100; counter++) {
            String base = prefix + municipalityNumber + String.format("%02d", counter);
            int check = OrganisationNumber.checkDigit(base);
            if (check != 10) {
                return new OrganisationNumber(base + check);
            }
        }
        throw new IllegalStateException("no organisation number for " + municipalityNumber);
    }
}
