-- Joint applications: owners apply as a network (nettverk) with a lead owner who sends the need report for all.
-- The caseworker registers the network in the cycle; each member confirms or declines its part of the lead's
-- application (answer), with who and when.

create table km_network (
    id            varchar(36)   not null primary key,
    cycle_id      varchar(36)   not null references km_cycle (id),
    name          varchar(200)  not null,
    lead_owner    char(9)       not null,
    registered_by varchar(64)   not null,
    registered_at timestamp     not null
);

create table km_network_member (
    network_id          varchar(36)   not null references km_network (id),
    cycle_id            varchar(36)   not null references km_cycle (id),
    organisation_number char(9)       not null,
    answer              varchar(20)   not null,
    reason              varchar(4000),
    answered_by         varchar(64),
    answered_at         timestamp,
    primary key (network_id, organisation_number),
    -- an owner is in at most one network in a cycle (the lead is a member too)
    constraint km_network_member_once unique (cycle_id, organisation_number),
    constraint km_network_member_answer check (answer in ('LEDER', 'VENTER', 'BEKREFTET', 'AVSLATT'))
);
