/** End-to-end tests of the packaged {@code genzoo} command, each run as a separate process. */
package dev.genzoo.it;
