/**
 * Admission control: per-trunk concurrent-channel and calls-per-second limits, counted per direction and in total,
 * and server-wide overload protection (a share of new calls refused while requests take too long to reach the
 * application). Container-free domain code, safe under concurrency; every admitted call holds a lease released
 * exactly once.
 */
package io.trunkline.limits;
