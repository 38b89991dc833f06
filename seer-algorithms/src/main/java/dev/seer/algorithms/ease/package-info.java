/**
 * EASE, the embarrassingly shallow autoencoder (Steck, WWW 2019): a closed-form item-item linear
 * model computed with native BLAS and LAPACK.
 */
package dev.seer.algorithms.ease;
