/**
 * Neighbourhood recommenders with sparse similarities: item-based and user-based k-nearest
 * neighbours.
 */
package dev.seer.algorithms.knn;
