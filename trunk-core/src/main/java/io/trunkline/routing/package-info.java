/**
 * Call routing: from an incoming INVITE's source address and numbers to a decision (forward to a target, or reject
 * with a SIP status). Works on an immutable {@link io.trunkline.routing.RoutingSnapshot} so that a call never sees a
 * half-applied configuration change. Container-free domain code.
 */
package io.trunkline.routing;
