/**
 * Bayesian personalised ranking: matrix factorisation trained with the pairwise BPR loss (S.
 * Rendle, C. Freudenthaler, Z. Gantner and L. Schmidt-Thieme, "BPR: Bayesian Personalized Ranking
 * from Implicit Feedback", UAI 2009).
 */
package dev.seer.algorithms.bpr;
