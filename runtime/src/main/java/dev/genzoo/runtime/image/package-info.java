/**
 * Pictures the runtime writes as PNG files: sample grids, reconstruction pairs, loss curves,
 * scatter plots of 2-D samples and heat maps of 2-D densities. Only the JDK is used, and no font
 * is ever loaded (headless machines often have none): text is drawn with a built-in bitmap font.
 * Every file is written atomically, so an interrupted run never leaves a broken picture.
 */
package dev.genzoo.runtime.image;
