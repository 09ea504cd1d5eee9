package io.trunkline.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.regex.Pattern;

/**
 * Reads the user part of a SIP or tel URI as a telephone number and normalises it to E.164.
 * Accepts E.164 ("+442079460000"), national ("02079460000" on a GB trunk), international with an access code
 * ("0044..." / "011..." as libphonenumber knows per region) and visual separators (RFC 3966 §5.1.1).
 */
public final class NumberNormalizer {
    private static final int MAX_INPUT_LENGTH = 64;
    private static final int MAX_E164_DIGITS = 15; // ITU-T E.164 §6.1, country code included
    private static final String UNKNOWN_REGION = "ZZ"; // libphonenumber's and CLDR's "unknown region"
    private static final Pattern DIALLABLE = Pattern.compile("[+0-9()\\-. ]+");
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    /**
     * Whether numbers can be read for this region: an ISO 3166-1 alpha-2 code libphonenumber has a numbering plan
     * for. A made-up code such as XX passes any "two capital letters" check, and then every national number on
     * the trunk fails to parse.
     */
    public static boolean knowsRegion(String region) {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(region);
    }

    /**
     * Refuses a number Trunkline could never be called on: a call's number is looked up only after normalisation,
     * so a DID that is not a possible number (an unassigned country code such as +999) or that normalises to
     * another E.164 form (a national trunk prefix kept after the country code, +44 0…) would never match a call.
     *
     * @throws MalformedNumberException saying why, and with the form to provision where there is one
     */
    public void requireCallable(E164Number number) throws MalformedNumberException {
        // no dial plan and no region: a dial plan would ask for the region's calling code, and libphonenumber
        // logs a warning for every lookup of ZZ
        E164Number asCalled = normalizeCandidate(number.value(), UNKNOWN_REGION).number();
        if (!asCalled.equals(number)) {
            throw new MalformedNumberException("calls to it arrive as " + asCalled + "; use that form");
        }
    }

    /**
     * @param dialled       the URI user part, possibly with ";phone-context=..." or other parameters
     * @param defaultRegion ISO region of the trunk the number arrived on, for national-format numbers
     * @throws MalformedNumberException when the string is not a possible number in any reading
     */
    public NormalizedNumber normalize(String dialled, String defaultRegion) throws MalformedNumberException {
        return normalize(dialled, defaultRegion, DialPlan.none());
    }

    /**
     * As {@link #normalize(String, String)}, after the trunk's dial plan has rewritten the number (tech prefixes,
     * access codes the trunk uses that libphonenumber does not know for the region).
     */
    public NormalizedNumber normalize(String dialled, String defaultRegion, DialPlan dialPlan)
            throws MalformedNumberException {
        String candidate = dialPlan.apply(stripParameters(dialled), phoneNumbers.getCountryCodeForRegion(defaultRegion));
        return normalizeCandidate(candidate, defaultRegion);
    }

    private NormalizedNumber normalizeCandidate(String candidate, String defaultRegion)
            throws MalformedNumberException {
        if (candidate.isEmpty()) {
            throw new MalformedNumberException("no number dialled");
        }
        if (candidate.length() > MAX_INPUT_LENGTH) {
            throw new MalformedNumberException("number too long");
        }
        PhoneNumber parsed = parse(candidate, defaultRegion);
        if (!phoneNumbers.isPossibleNumber(parsed)) {
            throw new MalformedNumberException("'" + candidate + "' is not a possible number");
        }
        String e164 = phoneNumbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (e164.length() - 1 > MAX_E164_DIGITS) {
            // libphonenumber calls some longer national numbers possible (German ones reach 17 digits); E.164 and
            // everything downstream of it (E164Number, the trunks' number formats) stop at 15.
            throw new MalformedNumberException("'" + candidate + "' has more digits than E.164 allows ("
                    + MAX_E164_DIGITS + ")");
        }
        // isValidNumber is exactly "the number has a type in the plan of the region it belongs to", which is what
        // getNumberType works out; asking both matched the plan's patterns twice, about 4 of the 17 KB a
        // normalisation allocated (bench/README.md, "Fifth look").
        PhoneNumberUtil.PhoneNumberType planType = phoneNumbers.getNumberType(parsed);
        boolean valid = planType != PhoneNumberUtil.PhoneNumberType.UNKNOWN;
        NumberType type = valid ? NumberType.valueOf(planType.name()) : NumberType.UNKNOWN;
        String region = valid ? phoneNumbers.getRegionCodeForNumber(parsed) : regionOfCallingCode(parsed);
        return new NormalizedNumber(new E164Number(e164), type, region == null ? UNKNOWN_REGION : region, valid);
    }

    /**
     * The region of a number the plan does not know, from its country calling code alone. getRegionCodeForNumber is
     * only specified for valid numbers; the calling code is all that is certain here. A code shared by several
     * regions (+1 NANP, +44 with the Crown Dependencies) does not say which one, so that stays unknown.
     */
    private String regionOfCallingCode(PhoneNumber number) {
        int callingCode = number.getCountryCode();
        return phoneNumbers.getRegionCodesForCountryCode(callingCode).size() == 1
                ? phoneNumbers.getRegionCodeForCountryCode(callingCode) : UNKNOWN_REGION;
    }

    private PhoneNumber parse(String candidate, String defaultRegion) throws MalformedNumberException {
        if (!DIALLABLE.matcher(candidate).matches()) {
            throw new MalformedNumberException("'" + candidate + "' contains characters that are not digits");
        }
        try {
            return phoneNumbers.parse(candidate, defaultRegion);
        } catch (NumberParseException e) {
            if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE) {
                // libphonenumber says "could not interpret numbers after plus-sign", which hides the cause
                throw new MalformedNumberException("'" + candidate + "' does not start with a country calling code"
                        + " in use");
            }
            throw new MalformedNumberException("'" + candidate + "' cannot be read as a number: " + e.getMessage());
        }
    }

    /** Drops URI parameters such as ";phone-context=" or ";npdi" (RFC 3966 §3) and surrounding blanks. */
    private static String stripParameters(String dialled) {
        if (dialled == null) {
            return "";
        }
        int semicolon = dialled.indexOf(';');
        return (semicolon >= 0 ? dialled.substring(0, semicolon) : dialled).trim();
    }
}
