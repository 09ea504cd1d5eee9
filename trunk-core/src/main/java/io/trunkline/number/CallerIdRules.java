package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;
import io.trunkline.trunk.Trunk;

import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Caller-ID decisions of RFC 3323 and RFC 3325, per trunk trust: which identity a call carries, whether a trunk
 * lets it through, and how it is shown to the next trunk.
 */
public final class CallerIdRules {
    private static final String ANONYMOUS = "anonymous";
    private final NumberNormalizer normalizer;
    private final NumberPresenter presenter;

    public CallerIdRules(NumberNormalizer normalizer, NumberPresenter presenter) {
        this.normalizer = normalizer;
        this.presenter = presenter;
    }

    /**
     * The calling identity of a call arriving on {@code source}. An asserted identity counts only from a trusted
     * trunk (RFC 3325 §5: one received from outside the trust domain is never believed or passed on); a request for
     * privacy is honoured from anyone, since withholding a number harms no one.
     */
    public CallerId received(ReceivedIdentity identity, Trunk source) {
        boolean trusted = source.numbers().trusted();
        String asserted = trusted ? identity.assertedUser() : null;
        String claimed = asserted == null || asserted.isBlank() ? identity.fromUser() : asserted;
        boolean withheld = identity.privacyRequested() || trusted && identity.assertedWithheld();
        return new CallerId(readAsE164(claimed, source), withheld);
    }

    /**
     * The identity a call may show when it leaves on {@code destination}. A trunk that forces a verified caller-ID
     * lets through only its own numbers (a DID held on it, or one of its listed numbers); any other becomes its
     * default caller-ID, as carriers refuse or rewrite calls that show a number they do not hold.
     *
     * @param didOnTrunk whether a number is a DID held on a trunk (by trunk name)
     */
    public CallerId verified(CallerId caller, Trunk destination, BiPredicate<E164Number, String> didOnTrunk) {
        NumberHandling handling = destination.numbers();
        if (!handling.verifiedCallerId() || isOwn(caller.number(), destination, didOnTrunk)) {
            return caller;
        }
        return new CallerId(handling.defaultCallerId().value(), caller.withheld());
    }

    /**
     * The numbers to write into the INVITE sent to a trunk with this handling and default region: in its format, with an asserted identity
     * only towards a trusted trunk (RFC 3325 §5) and an anonymous From when privacy was asked for
     * (RFC 3323 §4.1.1.3).
     */
    public PresentedNumbers present(E164Number called, CallerId caller, NumberHandling handling, String region) {
        String calledUser = presenter.present(called, handling, region);
        String callingUser = asE164(caller.number())
                .map(number -> presenter.present(number, handling, region))
                .orElse(caller.number());
        boolean identified = !callingUser.isEmpty() && !ANONYMOUS.equalsIgnoreCase(callingUser);
        String asserted = handling.trusted() && identified ? callingUser : null;
        return new PresentedNumbers(calledUser, caller.withheld() ? "" : callingUser, caller.withheld(), asserted,
                asserted != null && caller.withheld());
    }

    private static boolean isOwn(String number, Trunk trunk, BiPredicate<E164Number, String> didOnTrunk) {
        return asE164(number).filter(e164 -> trunk.numbers().ownCallerIds().contains(e164)
                || didOnTrunk.test(e164, trunk.name())).isPresent();
    }

    private static Optional<E164Number> asE164(String number) {
        try {
            return number.startsWith("+") ? Optional.of(new E164Number(number)) : Optional.empty();
        } catch (InvalidConfigurationException e) {
            return Optional.empty(); // a '+' claim that did not normalise, passed on as sent
        }
    }

    /** E.164 where the claim reads as a number after the trunk's dial plan; anything else passes as sent. */
    private String readAsE164(String claimed, Trunk source) {
        try {
            return normalizer.normalize(claimed, source.defaultRegion(), source.numbers().dialPlan()).number().value();
        } catch (MalformedNumberException e) {
            return claimed == null ? "" : claimed;
        }
    }
}
