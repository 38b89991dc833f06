/** Shared test helpers: the data locator, small fixtures and trainer contract tests. */
package dev.seer.testkit;
