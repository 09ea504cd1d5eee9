package io.trunkline.trunk;

/**
 * Which side of Trunkline a trunk is on. Calls from a {@link #CARRIER} are routed by DID to the customer side;
 * calls from a {@link #PBX} are routed by prefix to a carrier.
 */
public enum TrunkRole {
    CARRIER, PBX
}
