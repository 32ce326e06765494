-- The forum's distribution as versions: every save (by the caseworker, or the distribution key applied by the
-- process) is a new proposal row of the cycle, never changed afterwards. A rule check and a decision name the
-- version they rest on (km_rule_check.proposal_id, km_decision.proposal_id).

alter table km_proposal add column cycle_id varchar(36) references km_cycle (id);
alter table km_proposal add column version integer;
alter table km_proposal add column distribution_key varchar(10);
alter table km_proposal add column origin varchar(20);

create unique index km_proposal_version on km_proposal (cycle_id, version);

-- The forum's meeting record, with the version of the distribution it agreed on (or did not).
create table km_forum_meeting (
    cycle_id      varchar(36)   not null references km_cycle (id),
    proposal_id   varchar(36)   not null references km_proposal (id),
    meeting_date  date,
    present       varchar(1000) not null,
    agreed        boolean       not null,
    vote          varchar(4000),
    priorities    varchar(4000) not null,
    minutes       varchar(4000),
    recorded_by   varchar(64),
    recorded_at   timestamp     not null,
    primary key (cycle_id, proposal_id)
);
