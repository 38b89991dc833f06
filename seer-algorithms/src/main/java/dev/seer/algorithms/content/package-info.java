/**
 * Content-based recommendation: item feature vectors built from item metadata (categories and
 * words) and a per-user preference vector learned by softmax regression over the catalogue.
 */
package dev.seer.algorithms.content;
