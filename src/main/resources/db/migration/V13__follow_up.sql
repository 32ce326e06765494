-- Oppfølgingsordningen (issue 18): the kommuner Udir selects are followed up by their Statsforvalter over several
-- years. One row per kommune and selection year, from Udir's file (year, kommunenummer, organisasjonsnummer); the
-- veileder the Statsforvalter assigns; the phase the case is in: ANALYSE (the kommune analyses its situation with the
-- veileder), UTVIKLING (it applies for money in the scheme's cycles, and reports each year), AVSLUTTET.
create table km_follow_up (
    id                  varchar(36)   not null primary key,
    scheme              varchar(30)   not null,
    selection_year      integer       not null,
    municipality_number char(4)       not null references km_municipality (municipality_number),
    organisation_number char(9)       not null,
    embete_code         varchar(60)   not null references km_embete (code),
    imported_by         varchar(64)   not null,
    imported_at         timestamp     not null,
    process_instance_id varchar(64),
    phase               varchar(20)   not null,
    veileder_name       varchar(200),
    veileder_email      varchar(200),
    veileder_org        varchar(200),
    analysis_deadline   date,
    -- the kommune's analysis of its situation, written with the veileder
    analysis_situation  varchar(4000),
    analysis_priorities varchar(4000),
    analysis_veileder   varchar(4000),
    analysis_sent_by    varchar(64),
    analysis_approved_by varchar(64),
    analysis_approved_at timestamp,
    reports_approved    integer       default 0 not null,
    constraint km_follow_up_once unique (scheme, selection_year, municipality_number),
    constraint km_follow_up_phase check (phase in ('ANALYSE', 'UTVIKLING', 'AVSLUTTET'))
);

-- A kommune's yearly reports in the follow-up (three over three years), each as the kommune sent it and as the
-- caseworker reviewed it.
create table km_follow_up_report (
    id             varchar(36)   not null primary key,
    follow_up_id   varchar(36)   not null references km_follow_up (id),
    report_number  integer       not null,
    done           varchar(4000) not null,
    results        varchar(4000) not null,
    next_steps     varchar(4000) not null,
    sent_by        varchar(64)   not null,
    sent_at        timestamp     not null,
    constraint km_follow_up_report_once unique (follow_up_id, report_number)
);
