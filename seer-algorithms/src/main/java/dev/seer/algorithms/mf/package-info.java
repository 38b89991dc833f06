/**
 * Matrix factorisation for explicit ratings: biased matrix factorisation ({@code biased-mf}; Koren,
 * Bell and Volinsky, "Matrix Factorization Techniques for Recommender Systems", IEEE Computer
 * 42(8), 2009) and SVD++ ({@code svdpp}; Koren, "Factorization Meets the Neighborhood: a
 * Multifaceted Collaborative Filtering Model", KDD 2008), both trained by seeded stochastic
 * gradient descent.
 */
package dev.seer.algorithms.mf;
