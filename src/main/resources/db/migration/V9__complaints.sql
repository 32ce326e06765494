-- Complaints (klage, forvaltningsloven §§ 28-34): an owner complains on a decision letter before its deadline; the
-- Statsforvalter's caseworker assesses it; upheld, a leader approves the new decision, and any difference is paid
-- or claimed back once; not upheld, Udir decides it as the complaint body. One complaint per recipient and cycle.
create table km_complaint (
    id                  varchar(36)   not null primary key,
    cycle_id            varchar(36)   not null references km_cycle (id),
    letter_id           varchar(36)   not null references km_letter (id),
    -- the decision complained on; for a refusal, the decision made when the complaint is upheld
    decision_id         varchar(36)   references km_decision (id),
    organisation_number char(9)       not null,
    name                varchar(200)  not null,
    grounds             varchar(4000) not null,
    lodged_by           varchar(64)   not null,
    lodged_at           timestamp     not null,
    process_instance_id varchar(64),
    status              varchar(20)   not null,
    amount_before_ore   bigint        not null,
    amount_after_ore    bigint,
    assessment          varchar(4000),
    assessed_by         varchar(64),
    assessed_at         timestamp,
    approved_by         varchar(64),
    approved_at         timestamp,
    udir_reasons        varchar(4000),
    udir_by             varchar(64),
    udir_at             timestamp,
    constraint km_complaint_once unique (cycle_id, organisation_number),
    constraint km_complaint_status check (status in ('MOTTATT', 'TIL_GODKJENNING', 'OMGJORT', 'HOS_UDIR',
        'STADFESTET', 'OMGJORT_AV_UDIR')),
    constraint km_complaint_two_people check (approved_by is null or approved_by <> assessed_by)
);

-- A decision changed after a complaint keeps its earlier versions: what was decided, by whom and when, until when.
create table km_decision_version (
    id            varchar(36)   not null primary key,
    decision_id   varchar(36)   not null references km_decision (id),
    complaint_id  varchar(36)   not null references km_complaint (id),
    amount_ore    bigint        not null,
    basis         varchar(20)   not null,
    reasons       varchar(4000) not null,
    decided_by    varchar(64),
    decided_at    timestamp     not null,
    replaced_at   timestamp     not null,
    constraint km_decision_version_once unique (complaint_id)
);

-- A decision is paid once, and the difference after an upheld complaint once more (R9).
alter table km_payment add column kind varchar(10) default 'VEDTAK' not null;
alter table km_payment drop constraint km_payment_once;
alter table km_payment add constraint km_payment_once unique (decision_id, kind);
alter table km_payment add constraint km_payment_kind check (kind in ('VEDTAK', 'KLAGE'));

-- A decision's unused money is claimed once, and money paid beyond an upheld complaint's new decision once (R15).
alter table km_claim add column kind varchar(15) default 'EGENVURDERING' not null;
alter table km_claim drop constraint km_claim_once;
alter table km_claim add constraint km_claim_once unique (decision_id, kind);
alter table km_claim add constraint km_claim_kind check (kind in ('EGENVURDERING', 'KLAGE'));

-- The letter with the outcome of a complaint.
alter table km_letter drop constraint km_letter_kind;
alter table km_letter add constraint km_letter_kind check (kind in ('TILSAGN', 'AVSLAG', 'KRAV', 'KLAGE'));

-- A claim may be paid back in parts (R15): each payment the caseworker records, the claim settled when they add up
-- to it. km_claim.paid_ore is what has come in so far, paid_on the day of the latest payment.
create table km_claim_payment (
    id           varchar(36)   not null primary key,
    claim_id     varchar(36)   not null references km_claim (id),
    amount_ore   bigint        not null,
    paid_on      date          not null,
    recorded_by  varchar(64),
    recorded_at  timestamp     not null,
    constraint km_claim_payment_positive check (amount_ore > 0)
);
insert into km_claim_payment (id, claim_id, amount_ore, paid_on, recorded_by, recorded_at)
select id, id, paid_ore, paid_on, recorded_by, recorded_at from km_claim where paid_ore is not null;
