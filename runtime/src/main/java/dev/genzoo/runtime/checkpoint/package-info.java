/**
 * Checkpoints: parameters, optimizer state, step and resolved config in one zip (numpy {@code
 * .npz} arrays, JSON and YAML inside: no Java serialization), written atomically.
 */
package dev.genzoo.runtime.checkpoint;
