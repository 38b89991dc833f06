package dev.seer.api;

/**
 * A model together with the interactions it was trained on, in user-by-item form, so that seen
 * items can be excluded when recommending from a loaded model.
 *
 * @param model the model
 * @param seen users x items matrix of training interactions
 */
public record SavedModel(Recommender model, SparseMatrix seen) {}
