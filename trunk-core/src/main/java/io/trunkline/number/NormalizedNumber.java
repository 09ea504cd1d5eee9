package io.trunkline.number;

/**
 * A dialled number read into E.164.
 *
 * @param number the E.164 form
 * @param type   its line type, {@link NumberType#UNKNOWN} when the plan does not say (unassigned ranges, test numbers)
 * @param region the ISO region the number belongs to, or "ZZ" when unknown
 * @param valid  whether the number is assigned in the numbering plan; routing accepts possible-but-unassigned
 *               numbers because carriers hand out test and newly opened ranges before the metadata knows them
 */
public record NormalizedNumber(E164Number number, NumberType type, String region, boolean valid) {
}
