/**
 * Gateway health: which gateways answer their OPTIONS probes, which are due for one, and which routing should skip.
 * Container-free domain code; the SIP adapter sends the probes and reports what came back.
 */
package io.trunkline.health;
