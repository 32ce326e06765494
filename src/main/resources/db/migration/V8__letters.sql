-- Decisions reach the recipients: a leader signs off a cycle's decisions before they are made, each recipient and
-- each rejected applicant gets a letter (PDF) that is sent and journalled through eFormidling's integrasjonspunkt,
-- and payments go to the finance system as a batch file.

-- A leader's sign-off of a cycle's distribution (økonomiregelverket: approved by someone other than the preparer).
create table km_sign_off (
    id           varchar(36)   not null primary key,
    cycle_id     varchar(36)   not null references km_cycle (id),
    proposal_id  varchar(36)   not null references km_proposal (id),
    prepared_by  varchar(64)   not null,
    decided_by   varchar(64)   not null,
    approved     boolean       not null,
    comment      varchar(4000),
    decided_at   timestamp     not null,
    constraint km_sign_off_two_people check (prepared_by <> decided_by)
);

-- One letter per recipient and purpose in a cycle: the PDF as sent, and its dispatch through the integrasjonspunkt.
create table km_letter (
    id                  varchar(36)   not null primary key,
    cycle_id            varchar(36)   not null references km_cycle (id),
    decision_id         varchar(36)   references km_decision (id),
    organisation_number char(9)       not null,
    name                varchar(200)  not null,
    kind                varchar(20)   not null,
    title               varchar(300)  not null,
    granted_ore         bigint        not null,
    applied_ore         bigint        not null,
    complaint_deadline  date          not null,
    template            varchar(300)  not null,
    pdf                 bytea         not null,
    written_at          timestamp     not null,
    status              varchar(20)   not null,
    status_text         varchar(1000),
    -- the integrasjonspunkt's message id: the letter's own, a new one only when a failed delivery is sent anew
    message_id          varchar(36)   not null,
    sent_at             timestamp,
    delivered_at        timestamp,
    constraint km_letter_once unique (cycle_id, organisation_number, kind),
    constraint km_letter_message unique (message_id),
    constraint km_letter_kind check (kind in ('TILSAGN', 'AVSLAG', 'KRAV')),
    constraint km_letter_status check (status in ('SKREVET', 'SENDT', 'LEVERT', 'FEILET'))
);

-- Payments as files the finance system imports: each payment is in exactly one batch.
create table km_payment_batch (
    id           varchar(36)   not null primary key,
    cycle_id     varchar(36)   not null references km_cycle (id),
    number       integer       not null,
    line_count   integer       not null,
    total_ore    bigint        not null,
    prepared_by  varchar(64)   not null,
    approved_by  varchar(64)   not null,
    content      text          not null,
    created_at   timestamp     not null,
    constraint km_payment_batch_number unique (cycle_id, number)
);

alter table km_payment add column batch_id varchar(36) references km_payment_batch (id);

-- Unused money claimed back (R15) as a receivable: the amount, the account to pay to, the due date, and when and how
-- much was paid back, recorded by the caseworker. One claim per decision.
create table km_claim (
    id                  varchar(36)   not null primary key,
    decision_id         varchar(36)   not null references km_decision (id),
    cycle_id            varchar(36)   not null references km_cycle (id),
    organisation_number char(9)       not null,
    name                varchar(200)  not null,
    amount_ore          bigint        not null,
    account_number      char(11)      not null,
    due_date            date          not null,
    created_by          varchar(64),
    created_at          timestamp     not null,
    paid_ore            bigint,
    paid_on             date,
    recorded_by         varchar(64),
    recorded_at         timestamp,
    constraint km_claim_once unique (decision_id),
    constraint km_claim_positive check (amount_ore > 0)
);
