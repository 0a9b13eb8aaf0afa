/**
 * Reference workloads of {@code shared/bench/peer.py}, built through genzoo's own plugins and
 * training step, timed the way the PyTorch reference times itself: a warm-up, then steady-state
 * wall time per step.
 */
package dev.genzoo.runtime.bench;
