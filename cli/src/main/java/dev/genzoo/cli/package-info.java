/**
 * The {@code genzoo} command (picocli): it owns words (options, messages, exit codes), calls the
 * runtime, and holds no mathematics.
 */
package dev.genzoo.cli;
