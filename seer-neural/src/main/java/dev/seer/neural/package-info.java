/**
 * Neural recommenders on DJL with the PyTorch engine: SASRec, GRU4Rec, Caser, NeuMF and two-tower,
 * sharing one training loop ({@link dev.seer.neural.NeuralLoop}).
 */
package dev.seer.neural;
