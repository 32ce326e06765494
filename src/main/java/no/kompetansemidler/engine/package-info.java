/**
 * The only place that uses the engine's internals ({@code org.camunda.bpm.engine.impl}): the engine plugin with its
 * hooks, the guard at the command boundary, and who acts now. Everything else uses Camunda's public API, so that a
 * move to Operaton (the maintained continuation of Camunda 7) changes these few classes (docs/drift.md).
 */
package no.kompetansemidler.engine;
