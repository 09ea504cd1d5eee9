/**
 * Trunks: the SIP peers Trunkline connects (carriers on one side, PBXs and applications on the other) and the
 * gateways through which each is reached. Container-free domain code.
 */
package io.trunkline.trunk;
