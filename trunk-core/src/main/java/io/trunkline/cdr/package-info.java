/**
 * Call detail records: what happened to each call, built up by a {@link io.trunkline.cdr.CallTimeline} while the call
 * runs and stored off the signalling path by a {@link io.trunkline.cdr.BatchingCdrWriter}. Container-free domain code.
 */
package io.trunkline.cdr;
