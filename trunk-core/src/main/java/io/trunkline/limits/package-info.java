/**
 * Admission control: per-trunk concurrent-channel and calls-per-second limits, counted per direction and in total.
 * Container-free domain code, safe under concurrency; every admitted call holds a lease released exactly once.
 */
package io.trunkline.limits;
