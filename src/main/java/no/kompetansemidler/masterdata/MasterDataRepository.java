package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The application's own master data tables (km_*), in the same database as the engine. */
@Repository
public class MasterDataRepository {

    private final JdbcClient jdbc;

    public MasterDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveEmbete(Embete embete) {
        int updated = jdbc.sql("update km_embete set slug = ?, region_name = ? where code = ?")
                .params(embete.slug(), embete.regionName(), embete.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into km_embete (code, slug, region_name) values (?, ?, ?)")
                    .params(embete.name(), embete.slug(), embete.regionName()).update();
        }
    }

    void saveMunicipality(Municipality m) {
        int updated = jdbc.sql("""
                        update km_municipality set name = ?, county_number = ?, county_name = ?, embete_code = ?
                        where municipality_number = ?""")
                .params(m.name(), m.countyNumber(), m.countyName(), m.embete().name(), m.municipalityNumber())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into km_municipality (municipality_number, name, county_number, county_name, embete_code)
                            values (?, ?, ?, ?, ?)""")
                    .params(m.municipalityNumber(), m.name(), m.countyNumber(), m.countyName(), m.embete().name())
                    .update();
        }
    }

    void saveUhInstitution(UhInstitution uh) {
        int updated = jdbc.sql("update km_uh_institution set name = ? where organisation_number = ?")
                .params(uh.name(), uh.organisationNumber().value()).update();
        if (updated == 0) {
            jdbc.sql("insert into km_uh_institution (organisation_number, name) values (?, ?)")
                    .params(uh.organisationNumber().value(), uh.name()).update();
        }
    }

    /**
     * Inserts or updates an owner and the schemes it takes part in.
     *
     * @param municipalityNumber the municipality an owner of kind KOMMUNE is, or null
     * @param countyNumber       the county an owner with the county role serves, or null
     * @param invented           whether the organisation number is invented for the demo
     */
    public void saveOwner(Owner owner, String municipalityNumber, String countyNumber, boolean invented,
                          String registeredBy, Instant registeredAt) {
        String orgnr = owner.organisationNumber().value();
        int updated = jdbc.sql("""
                        update km_owner set name = ?, kind = ?, embete_code = ?, municipality_number = ?,
                               county_number = ?, org_number_invented = ?, contact_email = ?
                        where organisation_number = ?""")
                .params(owner.name(), owner.kind().name(), owner.embete().name(), municipalityNumber, countyNumber,
                        invented, owner.contactEmail(), orgnr)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into km_owner (organisation_number, name, kind, embete_code, municipality_number,
                                   county_number, org_number_invented, contact_email, registered_by, registered_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(orgnr, owner.name(), owner.kind().name(), owner.embete().name(), municipalityNumber,
                            countyNumber, invented, owner.contactEmail(), registeredBy, Timestamp.from(registeredAt))
                    .update();
        }
        jdbc.sql("delete from km_owner_scheme where organisation_number = ?").param(orgnr).update();
        for (Scheme scheme : owner.schemes()) {
            jdbc.sql("insert into km_owner_scheme (organisation_number, scheme) values (?, ?)")
                    .params(orgnr, scheme.name()).update();
        }
    }

    /**
     * Every owner takes part in the schemes its kind takes part in, as the scheme files now say (at start: a scheme
     * added, changed or removed applies to the owners registered before it too).
     */
    public void takePartAsConfigured(java.util.function.Function<OwnerKind, Set<Scheme>> schemesOf) {
        for (OwnerKind kind : OwnerKind.values()) {
            jdbc.sql("delete from km_owner_scheme where organisation_number in"
                    + " (select organisation_number from km_owner where kind = ?)").param(kind.name()).update();
            for (Scheme scheme : schemesOf.apply(kind)) {
                jdbc.sql("insert into km_owner_scheme (organisation_number, scheme)"
                        + " select organisation_number, ? from km_owner where kind = ?")
                        .params(scheme.code(), kind.name()).update();
            }
        }
    }

    /** A UH institution's name as people read it, or the number as given when it is none. */
    public String uhInstitutionName(String organisationNumber) {
        return OrganisationNumber.isValid(organisationNumber) ? findUhInstitution(new OrganisationNumber(
                organisationNumber)).map(UhInstitution::name).orElse(organisationNumber) : organisationNumber;
    }

    /** The owner's name, or the number itself when it is no registered owner. */
    public String ownerName(String organisationNumber) {
        return OrganisationNumber.isValid(organisationNumber) ? findOwner(new OrganisationNumber(organisationNumber))
                .map(Owner::name).orElse(organisationNumber) : organisationNumber;
    }

    /** A recipient's name: the owner's or the UH institution's, or the number itself when it is neither. */
    public String recipientName(String organisationNumber) {
        if (!OrganisationNumber.isValid(organisationNumber)) {
            return organisationNumber;
        }
        OrganisationNumber number = new OrganisationNumber(organisationNumber);
        return findOwner(number).map(Owner::name).or(() -> findUhInstitution(number).map(UhInstitution::name))
                .orElse(organisationNumber);
    }

    public Optional<Owner> findOwner(OrganisationNumber organisationNumber) {
        return withSchemes(jdbc.sql("select * from km_owner where organisation_number = ?")
                .param(organisationNumber.value())
                .query((rs, i) -> ownerRow(rs))
                .list()).stream().findFirst();
    }

    /**
     * The phase of a follow-up case (Oppfølgingsordningen, km_follow_up) in which its kommune takes part in the
     * scheme's cycles: a scheme Udir selects for has no owners by kind, only the kommuner in this phase.
     */
    public static final String DELIVERY_PHASE = "UTVIKLING";

    /**
     * The owners of an embete (or, for a fylkeskommune, those in its county), optionally only those taking part in a
     * scheme, ordered by name.
     */
    public List<Owner> owners(Office office, Scheme schemeOrNull) {
        String sql = "select * from km_owner o where o.embete_code = :embete"
                + (office instanceof County ? " and o.county_number = :county" : "")
                + (schemeOrNull == null ? "" : " and (exists (select 1 from km_owner_scheme s"
                + " where s.organisation_number = o.organisation_number and s.scheme = :scheme)"
                + " or exists (select 1 from km_follow_up f where f.organisation_number = o.organisation_number"
                + " and f.scheme = :scheme and f.phase = '" + DELIVERY_PHASE + "'))")
                + " order by o.name";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("embete", office.embete().name());
        if (office instanceof County county) {
            statement = statement.param("county", county.number());
        }
        if (schemeOrNull != null) {
            statement = statement.param("scheme", schemeOrNull.name());
        }
        return withSchemes(statement.query((rs, i) -> ownerRow(rs)).list());
    }

    /**
     * The office whose caseworkers look after an owner: the fylkeskommune for an applicant in vocational education
     * (registered in its county), else the owner's embete.
     */
    public Office office(Owner owner) {
        if (!owner.kind().isRegisteredByCounty()) {
            return owner.embete();
        }
        String county = jdbc.sql("select county_number from km_owner where organisation_number = ?")
                .param(owner.organisationNumber().value()).query(String.class).optional().orElse(null);
        return county == null ? owner.embete() : County.find(county).map(Office.class::cast).orElse(owner.embete());
    }

    public List<Owner> allOwners() {
        return withSchemes(jdbc.sql("select * from km_owner order by organisation_number")
                .query((rs, i) -> ownerRow(rs)).list());
    }

    public List<Municipality> municipalities(Embete embeteOrNull) {
        String sql = "select * from km_municipality"
                + (embeteOrNull == null ? "" : " where embete_code = :embete") + " order by municipality_number";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (embeteOrNull != null) {
            statement = statement.param("embete", embeteOrNull.name());
        }
        return statement.query((rs, i) -> new Municipality(rs.getString("municipality_number"), rs.getString("name"),
                rs.getString("county_number"), rs.getString("county_name"),
                Embete.valueOf(rs.getString("embete_code")))).list();
    }

    public List<UhInstitution> uhInstitutions() {
        return jdbc.sql("select * from km_uh_institution order by name")
                .query((rs, i) -> new UhInstitution(new OrganisationNumber(rs.getString("organisation_number")),
                        rs.getString("name")))
                .list();
    }

    public Optional<UhInstitution> findUhInstitution(OrganisationNumber organisationNumber) {
        return jdbc.sql("select * from km_uh_institution where organisation_number = ?")
                .param(organisationNumber.value())
                .query((rs, i) -> new UhInstitution(new OrganisationNumber(rs.getString("organisation_number")),
                        rs.getString("name")))
                .optional();
    }

    public long countEmbeter() {
        return jdbc.sql("select count(*) from km_embete").query(Long.class).single();
    }

    public long countMunicipalities() {
        return jdbc.sql("select count(*) from km_municipality").query(Long.class).single();
    }

    public long countOwnersOfKind(OwnerKind... kinds) {
        return jdbc.sql("select count(*) from km_owner where kind in (:kinds)")
                .param("kinds", java.util.Arrays.stream(kinds).map(Enum::name).toList())
                .query(Long.class).single();
    }

    public long countUhInstitutions() {
        return jdbc.sql("select count(*) from km_uh_institution").query(Long.class).single();
    }

    public boolean isInvented(OrganisationNumber organisationNumber) {
        return jdbc.sql("select org_number_invented from km_owner where organisation_number = ?")
                .param(organisationNumber.value()).query(Boolean.class).optional().orElse(false);
    }

    /** The bank account registered for an owner or UH institution, if any. */
    public Optional<String> accountNumber(OrganisationNumber organisationNumber) {
        return jdbc.sql("select account_number from km_owner where organisation_number = :n and account_number is not null"
                        + " union select account_number from km_uh_institution where organisation_number = :n"
                        + " and account_number is not null")
                .param("n", organisationNumber.value()).query(String.class).optional();
    }

    /** Registers the bank account of an owner or UH institution; returns false when neither is known. */
    public boolean setAccountNumber(OrganisationNumber organisationNumber, no.kompetansemidler.domain.organisation.AccountNumber account) {
        int updated = jdbc.sql("update km_owner set account_number = ? where organisation_number = ?")
                .params(account.value(), organisationNumber.value()).update();
        updated += jdbc.sql("update km_uh_institution set account_number = ? where organisation_number = ?")
                .params(account.value(), organisationNumber.value()).update();
        return updated > 0;
    }

    /** An owner as read from km_owner, before its schemes are added. */
    private record OwnerRow(String organisationNumber, String name, OwnerKind kind, Embete embete, String contactEmail) {
    }

    private static OwnerRow ownerRow(ResultSet rs) throws SQLException {
        return new OwnerRow(rs.getString("organisation_number"), rs.getString("name"),
                OwnerKind.valueOf(rs.getString("kind")), Embete.valueOf(rs.getString("embete_code")),
                rs.getString("contact_email"));
    }

    /** Adds the schemes of all the owners with one query, keeping their order. */
    private List<Owner> withSchemes(List<OwnerRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<Scheme>> schemes = new HashMap<>();
        jdbc.sql("select organisation_number, scheme from km_owner_scheme where organisation_number in (:numbers)"
                        + " union select organisation_number, scheme from km_follow_up where phase = '"
                        + DELIVERY_PHASE + "' and organisation_number in (:numbers)")
                .param("numbers", rows.stream().map(OwnerRow::organisationNumber).toList())
                .query((rs, i) -> schemes.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>())
                        .add(Scheme.valueOf(rs.getString(2))))
                .list();
        return rows.stream().map(r -> new Owner(new OrganisationNumber(r.organisationNumber()), r.name(), r.kind(),
                r.embete(), schemes.getOrDefault(r.organisationNumber(), java.util.Set.of()),
                r.contactEmail())).toList();
    }
}
