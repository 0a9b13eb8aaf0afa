/** Crash-safe file writing: a kill during a write never leaves a half-written file behind. */
package dev.genzoo.runtime.files;
