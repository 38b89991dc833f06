/**
 * Seer's recommendation algorithms and the registry that creates their trainers by name ({@link
 * dev.seer.algorithms.Algorithms}).
 */
package dev.seer.algorithms;
