package io.trunkline.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Writes an E.164 number the way a trunk expects to receive it ({@link NumberFormat}). */
public final class NumberPresenter {
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    /**
     * @param number   the number in E.164
     * @param handling the receiving trunk's number handling (format, tech prefix)
     * @param region   the receiving trunk's default region, for {@link NumberFormat#NATIONAL}
     */
    public String present(E164Number number, NumberHandling handling, String region) {
        return switch (handling.format()) {
            case E164 -> number.value();
            case E164_WITHOUT_PLUS -> number.digits();
            case TECH_PREFIX -> handling.techPrefix() + number.digits();
            case NATIONAL -> dialledFrom(number, region);
        };
    }

    /**
     * The digits a subscriber in {@code region} dials: national format (with the national prefix) for numbers of
     * the region, the region's international access code and the full number for others. Punctuation is dropped
     * because the result becomes a SIP URI user.
     */
    private String dialledFrom(E164Number number, String region) {
        try {
            PhoneNumber parsed = phoneNumbers.parse(number.value(), region);
            // Same calling code: national format. formatOutOfCountryCallingNumber would add "1" for every NANP
            // region, although a subscriber dials ten digits within the trunk's own numbering plan.
            String written = parsed.getCountryCode() == phoneNumbers.getCountryCodeForRegion(region)
                    ? phoneNumbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                    : phoneNumbers.formatOutOfCountryCallingNumber(parsed, region);
            return written.replaceAll("[^0-9]", "");
        } catch (NumberParseException e) {
            return number.digits(); // E164Number is always parseable; kept total rather than throwing on a call path
        }
    }
}
