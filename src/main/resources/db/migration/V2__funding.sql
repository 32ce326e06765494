-- Proposed distributions (the forum's innstilling or the fallback decision) and the funding rule checks run on them.

create table km_proposal (
    id          varchar(36) not null primary key,
    embete_code varchar(60) not null references km_embete (code),
    scheme      varchar(30) not null,
    budget_year integer     not null,
    frame_ore   bigint      not null,
    created_by  varchar(64),
    created_at  timestamp   not null
);

create table km_proposal_grant (
    proposal_id             varchar(36)  not null references km_proposal (id),
    line_no                 integer      not null,
    organisation_number     char(9)      not null,
    name                    varchar(200) not null,
    declared_commercial     boolean      not null default false,
    opted_out               boolean      not null default false,
    weight                  bigint,
    amount_ore              bigint       not null,
    co_financing_cash_ore   bigint       not null default 0,
    co_financing_salary_ore bigint       not null default 0,
    third_party_ore         bigint       not null default 0,
    measure_title           varchar(500) not null,
    measure_kind            varchar(30)  not null,
    measure_first_year      integer      not null,
    measure_last_year       integer      not null,
    primary key (proposal_id, line_no)
);

create table km_rule_check (
    id           varchar(36)   not null primary key,
    proposal_id  varchar(36)   not null references km_proposal (id),
    checked_at   timestamp     not null,
    breach_count integer       not null,
    parameters   varchar(1000) not null
);

create table km_rule_breach (
    check_id            varchar(36)   not null references km_rule_check (id),
    line_no             integer       not null,
    rule_id             varchar(10)   not null,
    organisation_number char(9),
    reason              varchar(2000) not null,
    primary key (check_id, line_no)
);
