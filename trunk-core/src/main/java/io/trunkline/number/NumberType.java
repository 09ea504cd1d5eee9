package io.trunkline.number;

/** What kind of line a number belongs to, as far as the numbering plan tells. */
public enum NumberType {
    FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP, PERSONAL_NUMBER, PAGER,
    UAN, VOICEMAIL, UNKNOWN
}
