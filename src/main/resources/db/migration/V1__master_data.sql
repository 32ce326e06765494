-- Master data (stamdata): embeter, municipalities, owners, UH institutions.
-- Loaded from classpath:masterdata/*.csv by ReferenceDataLoader; private owners are registered by caseworkers.

create table km_embete (
    code        varchar(60)  not null primary key,
    slug        varchar(60)  not null unique,
    region_name varchar(100) not null
);

create table km_municipality (
    municipality_number char(4)      not null primary key,
    name                varchar(100) not null,
    county_number       char(2)      not null,
    county_name         varchar(100) not null,
    embete_code         varchar(60)  not null references km_embete (code)
);

create table km_owner (
    organisation_number char(9)      not null primary key,
    name                varchar(200) not null,
    kind                varchar(40)  not null,
    embete_code         varchar(60)  not null references km_embete (code),
    municipality_number char(4)      references km_municipality (municipality_number),
    county_number       char(2),
    org_number_invented boolean      not null default false,
    contact_email       varchar(254),
    registered_by       varchar(64),
    registered_at       timestamp    not null
);

create index km_owner_embete on km_owner (embete_code);

create table km_owner_scheme (
    organisation_number char(9)     not null references km_owner (organisation_number),
    scheme              varchar(30) not null,
    primary key (organisation_number, scheme)
);

create table km_uh_institution (
    organisation_number char(9)      not null primary key,
    name                varchar(200) not null
);
