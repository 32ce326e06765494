-- People who logged in through an identity provider (docs/sikkerhet.md, «Innlogging»): who they are in the audit
-- trail (name, the organisation acted for), never a national identity number.
create table km_person (
    user_id             varchar(64)   not null primary key,
    name                varchar(200)  not null,
    organisation_number char(9),
    provider            varchar(20)   not null,
    groups_text         varchar(2000) not null,
    first_login_at      timestamp     not null,
    last_login_at       timestamp     not null
);
