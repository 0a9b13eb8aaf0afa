/**
 * Sweeps: a spec (a base config, a grid and a random search) expanded into trials, each trial one
 * {@code genzoo train} process in its own run directory, launched on this machine or as a Slurm job
 * array; and the leaderboard that compares finished runs. Processes, never threads: a trial's crash
 * or native memory never touches another.
 */
package dev.genzoo.runtime.sweep;
