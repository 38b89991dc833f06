/**
 * Linear algebra for the factorisation and linear models: the choice of native or pure-Java
 * BLAS/LAPACK ({@link dev.seer.algorithms.linalg.LinearAlgebra}) and small dense kernels that run
 * per user or item ({@link dev.seer.algorithms.linalg.Dense}).
 */
package dev.seer.algorithms.linalg;
