/**
 * Training controls, each a callback over the loop and a declared setting: learning-rate
 * schedules, gradient clipping by global norm, and a moving average of the weights. None touches a
 * file; with their settings at the defaults they do nothing.
 */
package dev.genzoo.runtime.controls;
