/** Neighbourhood recommenders: item-based k-nearest neighbours with sparse similarities. */
package dev.seer.algorithms.knn;
