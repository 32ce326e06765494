-- One forum meeting for several schemes (issue 18): the caseworker prepares one meeting with one agenda for the
-- embete's cycles of a year; each scheme's recommendation is recorded in its own cycle and points to the meeting.
create table km_joint_meeting (
    id            varchar(36)   not null primary key,
    embete_code   varchar(60)   not null references km_embete (code),
    budget_year   integer       not null,
    agenda        varchar(4000) not null,
    prepared_by   varchar(64),
    prepared_at   timestamp     not null
);

create table km_joint_meeting_cycle (
    meeting_id    varchar(36)   not null references km_joint_meeting (id),
    cycle_id      varchar(36)   not null references km_cycle (id),
    primary key (meeting_id, cycle_id)
);

-- a cycle's forum is prepared once: it belongs to at most one joint meeting
create unique index km_joint_meeting_one_per_cycle on km_joint_meeting_cycle (cycle_id);

alter table km_forum_meeting add column joint_meeting_id varchar(36) references km_joint_meeting (id);
