package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a trunk's numbers are read, written and trusted.
 *
 * @param dialPlan         rules for numbers received from the trunk, before E.164 normalisation
 * @param format           how numbers sent to the trunk are written
 * @param techPrefix       put in front of numbers in {@link NumberFormat#TECH_PREFIX} format, else {@code null}
 * @param trust            whether the trunk is inside the trust domain for asserted identities (RFC 3325)
 * @param verifiedCallerId whether calls leaving on this trunk may only show one of its own numbers
 * @param defaultCallerId  the number shown instead of one that is not the trunk's own; required with verifiedCallerId
 * @param ownCallerIds     numbers the trunk accepts as caller-ID besides the DIDs held on it
 */
public record NumberHandling(DialPlan dialPlan, NumberFormat format, String techPrefix, IdentityTrust trust,
                             boolean verifiedCallerId, E164Number defaultCallerId, List<E164Number> ownCallerIds)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern TECH_PREFIX = Pattern.compile("[0-9*#]{1,16}");

    public NumberHandling {
        dialPlan = dialPlan == null ? DialPlan.none() : dialPlan;
        format = format == null ? NumberFormat.E164 : format;
        trust = trust == null ? IdentityTrust.UNTRUSTED : trust;
        techPrefix = techPrefix == null || techPrefix.isBlank() ? null : techPrefix.trim();
        if (format == NumberFormat.TECH_PREFIX && (techPrefix == null || !TECH_PREFIX.matcher(techPrefix).matches())) {
            throw new InvalidConfigurationException("numbers.techPrefix",
                    "must be 1 to 16 characters of 0-9, '*' and '#' when format is TECH_PREFIX");
        }
        if (format != NumberFormat.TECH_PREFIX && techPrefix != null) {
            throw new InvalidConfigurationException("numbers.techPrefix", "is only used with format TECH_PREFIX");
        }
        if (verifiedCallerId && defaultCallerId == null) {
            throw new InvalidConfigurationException("numbers.defaultCallerId", "is required when verifiedCallerId is true");
        }
        if (ownCallerIds != null && ownCallerIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidConfigurationException("numbers.ownCallerIds", "must not contain an empty entry");
        }
        ownCallerIds = ownCallerIds == null ? List.of() : List.copyOf(ownCallerIds);
    }

    /** No dial plan, E.164 with '+', untrusted, caller-ID passed as decided. */
    public static NumberHandling defaults() {
        return new NumberHandling(DialPlan.none(), NumberFormat.E164, null, IdentityTrust.UNTRUSTED, false, null,
                List.of());
    }

    public boolean trusted() {
        return trust == IdentityTrust.TRUSTED;
    }
}
