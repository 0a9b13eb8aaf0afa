/** The device a run uses: {@code cpu}, {@code gpu} or {@code gpu:N}, checked against the engine. */
package dev.genzoo.runtime.device;
