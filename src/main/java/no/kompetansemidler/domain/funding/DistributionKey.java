package no.kompetansemidler.domain.funding;

/** How a frame is split: equal shares, by weights (e.g. årsverk), or by the innstilling's explicit amounts. */
public enum DistributionKey {
    EQUAL, WEIGHTS, AMOUNTS
}
