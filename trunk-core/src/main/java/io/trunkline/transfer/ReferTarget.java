package io.trunkline.transfer;

/**
 * The Refer-To of a REFER as far as transfer cares.
 *
 * @param number   the user part of a sip:/sips: URI or the number of a tel: URL; empty when it has none
 * @param replaces whether the URI carries a Replaces header, i.e. asks for an attended transfer (RFC 3891)
 */
public record ReferTarget(String number, boolean replaces) {
    public ReferTarget {
        number = number == null ? "" : number.trim();
    }
}
