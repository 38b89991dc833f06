/**
 * Implicit-feedback matrix factorisation by alternating least squares with confidence weights (Hu,
 * Koren and Volinsky, ICDM 2008), each row solved by a few warm-started conjugate-gradient steps
 * (Takács, Pilászy and Tikk, RecSys 2011).
 */
package dev.seer.algorithms.als;
