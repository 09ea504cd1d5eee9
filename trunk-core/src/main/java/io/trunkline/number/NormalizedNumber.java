package io.trunkline.number;

/**
 * A dialled number read into E.164.
 *
 * @param number the E.164 form
 * @param type   its line type, {@link NumberType#UNKNOWN} when the plan does not say (unassigned ranges, test numbers)
 * @param region the ISO region the number belongs to; for a number the plan does not know, the region of its
 *               country calling code when only one region uses it; "001" for non-geographic codes such as +800;
 *               "ZZ" when unknown (an unassigned number under a shared code such as +1)
 * @param valid  whether the number is assigned in the numbering plan; routing accepts possible-but-unassigned
 *               numbers because carriers hand out test and newly opened ranges before the metadata knows them
 */
public record NormalizedNumber(E164Number number, NumberType type, String region, boolean valid) {
}
