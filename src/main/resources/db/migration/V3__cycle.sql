-- The yearly cycle: one per embete x scheme x year, and what happens in it.

create table km_cycle (
    id                  varchar(36) not null primary key,
    embete_code         varchar(60) not null references km_embete (code),
    scheme              varchar(30) not null,
    budget_year         integer     not null,
    frame_ore           bigint      not null,
    process_instance_id varchar(64),
    started_by          varchar(64),
    started_at          timestamp   not null,
    constraint km_cycle_once unique (embete_code, scheme, budget_year)
);

create table km_need_report (
    cycle_id            varchar(36)   not null references km_cycle (id),
    organisation_number char(9)       not null,
    uh_partner          char(9)       not null,
    involvement         varchar(4000) not null,
    needs               varchar(4000) not null,
    submitted_by        varchar(64),
    submitted_at        timestamp     not null,
    primary key (cycle_id, organisation_number)
);

create table km_participation (
    cycle_id            varchar(36)   not null references km_cycle (id),
    organisation_number char(9)       not null,
    takes_part          boolean       not null,
    reason              varchar(2000),
    decided_by          varchar(64),
    decided_at          timestamp     not null,
    primary key (cycle_id, organisation_number)
);

create table km_decision (
    id                  varchar(36)   not null primary key,
    cycle_id            varchar(36)   not null references km_cycle (id),
    proposal_id         varchar(36)   not null references km_proposal (id),
    organisation_number char(9)       not null,
    name                varchar(200)  not null,
    recipient_kind      varchar(20)   not null,
    amount_ore          bigint        not null,
    basis               varchar(20)   not null,
    reasons             varchar(4000) not null,
    decided_by          varchar(64),
    decided_at          timestamp     not null,
    constraint km_decision_once unique (cycle_id, organisation_number)
);

-- R9: one payment per decision, enforced by the database
create table km_payment (
    id                  varchar(36) not null primary key,
    decision_id         varchar(36) not null references km_decision (id),
    organisation_number char(9)     not null,
    amount_ore          bigint      not null,
    account_number      char(11)    not null,
    paid_at             timestamp   not null,
    constraint km_payment_once unique (decision_id)
);

create table km_reminder (
    id                  varchar(36)  not null primary key,
    cycle_id            varchar(36)  not null references km_cycle (id),
    organisation_number char(9)      not null,
    kind                varchar(30)  not null,
    recipient           varchar(254) not null,
    subject             varchar(500) not null,
    sent_at             timestamp    not null
);

create table km_self_evaluation (
    decision_id         varchar(36)   not null primary key references km_decision (id),
    used_ore            bigint        not null,
    co_financing_ore    bigint        not null,
    measures_done       varchar(4000) not null,
    participants        integer       not null,
    assessment          varchar(4000) not null,
    submitted_by        varchar(64),
    submitted_at        timestamp     not null,
    settlement          varchar(20),
    settlement_ore      bigint,
    reviewed_by         varchar(64),
    reviewed_at         timestamp
);

create table km_report (
    cycle_id   varchar(36) not null primary key references km_cycle (id),
    created_at timestamp   not null,
    html       text        not null
);

alter table km_owner add column account_number char(11);
alter table km_uh_institution add column account_number char(11);
