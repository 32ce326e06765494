-- A cycle is run by a Statsforvalter embete or, for YRKESFAG, by a fylkeskommune (issue 18): one cycle per
-- embete, county, scheme and year. county_number is '' for a Statsforvalter's cycle (so that the key stays unique
-- in both H2 and PostgreSQL, which let several NULLs through a unique constraint); embete_code stays the embete
-- whose area the cycle is in, which reads a county's cycles.
alter table km_cycle add column county_number varchar(2) default '' not null;
alter table km_cycle drop constraint km_cycle_once;
alter table km_cycle add constraint km_cycle_once unique (embete_code, county_number, scheme, budget_year);
