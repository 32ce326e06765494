-- Which kindergartens, schools and PPT take part in a measure (issue 18): required where the scheme says so
-- (Kompetanseløftet: «et godt lag rundt barnet og eleven»), free text written by the owner; null when not given.
alter table km_measure add column units varchar(1000);
