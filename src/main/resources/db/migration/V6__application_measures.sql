-- An owner's application as measures (tiltak): goals (R12), target groups, the UH partner and a third party (R10,
-- R3), the money sought per year for up to three years (R14), planned co-financing and its salary part (R1), the
-- coordinator's part (R4) and participants. The UH partner confirms or declines its part (uh_answer).

create table km_measure (
    id                  varchar(36)   not null primary key,
    cycle_id            varchar(36)   not null references km_cycle (id),
    organisation_number char(9)       not null,
    position            integer       not null,
    title               varchar(200)  not null,
    goals               varchar(200)  not null,
    target_groups       varchar(300)  not null,
    uh_partner          char(9)       not null,
    third_party         boolean       not null,
    co_financing_ore    bigint        not null,
    salary_ore          bigint        not null,
    coordinator_ore     bigint        not null,
    participants        integer       not null,
    uh_answer           varchar(20)   not null,
    uh_reason           varchar(4000),
    uh_answered_by      varchar(64),
    uh_answered_at      timestamp,
    constraint km_measure_position unique (cycle_id, organisation_number, position),
    constraint km_measure_answer check (uh_answer in ('VENTER', 'BEKREFTET', 'AVSLATT', 'UBESVART'))
);

create table km_measure_year (
    measure_id          varchar(36)   not null references km_measure (id),
    budget_year         integer       not null,
    amount_ore          bigint        not null,
    primary key (measure_id, budget_year),
    constraint km_measure_year_amount check (amount_ore >= 0)
);
