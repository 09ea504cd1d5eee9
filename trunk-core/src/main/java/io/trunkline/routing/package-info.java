/**
 * Call routing: from an incoming INVITE's source address and numbers to a decision (forward to a target, or reject
 * with a SIP status); outbound routes with candidate carrier trunks ordered by their rate decks (least-cost routing)
 * and tenant routes for one PBX trunk. Works on an immutable {@link io.trunkline.routing.RoutingSnapshot} so that a
 * call never sees a half-applied configuration change. Container-free domain code.
 */
package io.trunkline.routing;
