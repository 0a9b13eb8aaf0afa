/**
 * A run's parameters in the formats other tools read: safetensors (Hugging Face) and NumPy's npz,
 * each with a header that names the components, their options and the run.
 */
package dev.genzoo.runtime.export;
