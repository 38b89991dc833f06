/**
 * The JDBC store behind the server: applications, API keys (hashes only), catalogue, users, events
 * (idempotent by client event id), model versions and deployments. SQLite (an embedded file, WAL
 * mode) by default; PostgreSQL for production. The schema is created and upgraded by {@link
 * dev.seer.store.Migrations} on both.
 */
package dev.seer.store;
