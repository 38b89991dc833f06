/**
 * Review understanding: sentiment ({@link dev.seer.text.review.SentimentTrainer}, a logistic
 * regression on hashed n-grams, and {@link dev.seer.text.review.LexiconSentiment}, the baseline),
 * keyphrases ({@link dev.seer.text.review.Keyphrases}) and extractive summaries ({@link
 * dev.seer.text.review.TextRankSummary}).
 */
package dev.seer.text.review;
