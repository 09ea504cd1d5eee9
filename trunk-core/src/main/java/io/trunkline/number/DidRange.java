package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

/**
 * A block of consecutive DIDs on a carrier trunk with one destination, e.g. +14155550100..+14155550199. A DID of
 * its own inside the block takes precedence over the block.
 *
 * @param first        the lowest number of the block, E.164
 * @param last         the highest, with as many digits as {@code first}
 * @param carrierTrunk the carrier trunk the block is delivered on
 * @param destination  where calls to any number of the block are routed
 */
public record DidRange(E164Number first, E164Number last, String carrierTrunk, Destination destination) {
    /** Blocks are for number ranges, not for whole countries; a catch-all covers the rest. */
    public static final long MAX_SIZE = 100_000_000L;

    public DidRange {
        if (first == null) {
            throw new InvalidConfigurationException("first", "is required");
        }
        if (last == null) {
            throw new InvalidConfigurationException("last", "is required");
        }
        if (last.digits().length() != first.digits().length()) {
            throw new InvalidConfigurationException("last", "must have as many digits as first ("
                    + first.digits().length() + ")");
        }
        if (value(last) < value(first)) {
            throw new InvalidConfigurationException("last", "must not be below first");
        }
        if (value(last) - value(first) + 1 > MAX_SIZE) {
            throw new InvalidConfigurationException("last", "makes a block of more than " + MAX_SIZE + " numbers");
        }
        if (carrierTrunk == null || carrierTrunk.isBlank()) {
            throw new InvalidConfigurationException("trunk", "is required");
        }
        if (destination == null) {
            throw new InvalidConfigurationException("destination", "is required");
        }
    }

    /** A number's digits as a value; E.164 has at most 15 digits and no leading zero, so order and length agree. */
    public static long value(E164Number number) {
        return Long.parseLong(number.digits());
    }

    public boolean contains(E164Number number) {
        long n = value(number);
        return n >= value(first) && n <= value(last);
    }

    public boolean overlaps(DidRange other) {
        return value(first) <= value(other.last) && value(other.first) <= value(last);
    }

    public long size() {
        return value(last) - value(first) + 1;
    }
}
