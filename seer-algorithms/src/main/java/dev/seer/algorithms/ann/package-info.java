/**
 * Approximate nearest-neighbour search for serving recommendations over large catalogues: a
 * Hierarchical Navigable Small World graph ({@link dev.seer.algorithms.ann.HnswIndex}, after Malkov
 * and Yashunin, IEEE TPAMI 2018) over item vectors, with cosine, Euclidean and
 * maximum-inner-product ({@link dev.seer.algorithms.ann.Metric}) search.
 */
package dev.seer.algorithms.ann;
