/**
 * The Seer HTTP server: several applications, each with its own catalogue, users, events, models
 * and API keys; JSON over HTTP under {@code /v1}; errors as RFC 9457 problem documents.
 */
package dev.seer.server;
