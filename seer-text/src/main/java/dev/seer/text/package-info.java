/**
 * Language features of Seer: sentence embeddings of item text ({@link dev.seer.text.TextEmbedder},
 * cached by content hash), the semantic recommender ({@link dev.seer.text.SemanticTrainer}) and
 * natural-language search ({@link dev.seer.text.SemanticSearch}).
 */
package dev.seer.text;
