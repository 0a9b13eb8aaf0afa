/** Process-wide engine settings made once, before the first tensor: offline mode and the native allocator. */
package dev.genzoo.runtime.engine;
