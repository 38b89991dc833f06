/**
 * Explanation sentences: {@link dev.seer.text.explain.TemplateExplainer} turns a recommendation's
 * structured reasons into a sentence; {@link dev.seer.text.explain.LlmExplainer} asks a
 * user-configured OpenAI-compatible chat endpoint ({@link dev.seer.text.explain.LlmClient}) to
 * write it from the same evidence only, with the template as fallback.
 */
package dev.seer.text.explain;
