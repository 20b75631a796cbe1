/**
 * The model server: synthetic training data, gradient-boosted models per organ, the model registry
 * on the blob store, online ranking and batch scoring. Depends on {@code core} and {@code infra}
 * only (ArchitectureTest).
 */
package org.ramsetu.scoring;
