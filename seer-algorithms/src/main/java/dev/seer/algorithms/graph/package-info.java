/**
 * Graph-based recommenders: RP3beta, item-item weights from three-step random walks on the
 * user-item graph (Paudel, Christoffel, Bernstein et al., ACM TiiS 2017).
 */
package dev.seer.algorithms.graph;
