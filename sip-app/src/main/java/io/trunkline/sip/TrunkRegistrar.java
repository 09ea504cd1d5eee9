package io.trunkline.sip;

import io.trunkline.registration.RegisterRequest;
import io.trunkline.registration.RegistrationTarget;
import io.trunkline.registration.TrunkRegistrations;
import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.security.DigestChallenge;
import io.trunkline.security.DigestResponder;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the REGISTERs {@link TrunkRegistrations} says are due and reports the registrar's answers back. Once a
 * second; it never waits on the network.
 */
final class TrunkRegistrar implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrunkRegistrar.class.getName());
    /** A little beyond the non-INVITE transaction's 32 s (RFC 3261 §17.1.2.2), which ends in a 408 of its own. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(40);
    /** Marks Trunkline's Contact; a call to it names the trunk that registered it. */
    static final String LINE_PARAMETER = "line";

    private final SipFactory factory;
    private final Supplier<RoutingSnapshot> configuration;
    private final TrunkRegistrations registrations;
    private final OwnRequestRelay relay;
    private final ContactAddress contacts;
    private final Ticker ticker = new Ticker("trunkline-registrar", 1000, this::tick);

    TrunkRegistrar(SipFactory factory, Supplier<RoutingSnapshot> configuration, TrunkRegistrations registrations,
                   OwnRequestRelay relay, ContactAddress contacts) {
        this.factory = factory;
        this.configuration = configuration;
        this.registrations = registrations;
        this.relay = relay;
        this.contacts = contacts;
    }

    void start() {
        ticker.start();
    }

    private void tick() {
        try {
            registrations.expire(ANSWER_TIMEOUT);
            registrations.due(configuration.get().trunks()).forEach(this::send);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Registration round failed", e); // the next round tries again
        }
    }

    private void send(RegisterRequest request) {
        String trunk = request.target().trunk();
        SipServletRequest register = null;
        try {
            register = create(request);
            CallLegs.markRegistration(register.getApplicationSession(), new PendingRegister(request, false));
            register.send();
        } catch (IOException | ServletParseException | RuntimeException e) {
            LOG.log(Level.WARNING, "REGISTER of trunk " + trunk + " could not be sent", e);
            if (register != null && register.getApplicationSession().isValid()) {
                register.getApplicationSession().invalidate(); // it would never be answered, so never released
            }
            registrations.answered(trunk, request.attempt(), 503, -1, -1);
        }
    }

    /**
     * A REGISTER in a session of its own. RFC 3261 §10.2.4 would have refreshes reuse the Call-ID, but on Liberty a
     * later request in the same session is taken for one within the application-router loop's proxy session,
     * which ended with the previous transaction, and is answered 481; a new Call-ID updates the binding all the
     * same (§10.3 step 7). Only the answer to a challenge reuses the session, while its transaction's loop lives.
     */
    private SipServletRequest create(RegisterRequest request) throws ServletParseException {
        SipServletRequest register = first(request.target());
        RegistrationTarget target = request.target();
        register.setRequestURI(registrarUri(target));
        register.setHeader("Contact", contacts.contact(target, request.line()));
        register.setExpires(request.expiresSeconds());
        relay.mark(register); // it comes back through this servlet, which sends it on
        return register;
    }

    private SipServletRequest first(RegistrationTarget target) throws ServletParseException {
        SipApplicationSession session = factory.createApplicationSession();
        session.setInvalidateWhenReady(false);
        Address aor = factory.createAddress(factory.createSipURI(target.aorUser(), target.host()));
        SipServletRequest register = factory.createRequest(session, "REGISTER", aor, aor); // RFC 3261 §10.2: To = From
        register.getSession().setInvalidateWhenReady(false);
        return register;
    }

    private SipURI registrarUri(RegistrationTarget target) throws ServletParseException {
        return (SipURI) factory.createURI("sip:"
                + SipAddresses.hostPortTransport(target.host(), target.port(), target.transport()));
    }

    /** @return whether the response answered a REGISTER of ours (and so is not part of a call) */
    boolean handled(SipServletResponse response) {
        PendingRegister pending = CallLegs.pendingRegister(response.getApplicationSession());
        if (pending == null || !"REGISTER".equals(response.getMethod())) {
            return false;
        }
        int status = response.getStatus();
        if (status < 200 || (status == 401 || status == 407) && answeredChallenge(response, pending)) {
            return true;
        }
        RegisterRequest request = pending.request();
        response.getApplicationSession().invalidate();
        if (request.removesBinding()) {
            return true;
        }
        registrations.answered(request.target().trunk(), request.attempt(), status,
                status / 100 == 2 ? grantedExpires(response, request.line()) : -1,
                status == 423 ? headerNumber(response, "Min-Expires") : -1);
        return true;
    }

    /** RFC 3261 §22.2: the REGISTER again, next CSeq, with the trunk's digest answer; once per attempt. */
    private boolean answeredChallenge(SipServletResponse challenge, PendingRegister pending) {
        boolean proxy = challenge.getStatus() == 407;
        Optional<DigestChallenge> digest = DigestChallenge.parse(
                challenge.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"));
        if (pending.challenged() || pending.request().target().credentials() == null || digest.isEmpty()) {
            return false;
        }
        try {
            SipServletRequest previous = challenge.getRequest();
            SipServletRequest retry = challenge.getSession().createRequest("REGISTER");
            retry.setRequestURI(previous.getRequestURI());
            retry.setHeader("Contact", previous.getHeader("Contact"));
            retry.setExpires(pending.request().expiresSeconds());
            retry.setHeader(proxy ? "Proxy-Authorization" : "Authorization", DigestResponder.answer(digest.get(),
                    pending.request().target().credentials(), "REGISTER", previous.getRequestURI().toString()));
            relay.mark(retry);
            CallLegs.markRegistration(challenge.getApplicationSession(), pending.challengeAnswered());
            retry.send();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Answering the registrar's challenge failed", e);
            return false;
        }
    }

    /** RFC 3261 §10.2.4: our Contact's expires parameter in the 2xx, else its Expires header, else -1. */
    private static int grantedExpires(SipServletResponse ok, String line) {
        try {
            var contacts = ok.getAddressHeaders("Contact");
            while (contacts.hasNext()) {
                Address contact = contacts.next();
                if (contact.getURI() instanceof SipURI uri && line.equals(uri.getParameter(LINE_PARAMETER))
                        && contact.getExpires() >= 0) {
                    return contact.getExpires();
                }
            }
        } catch (ServletParseException e) {
            LOG.log(Level.FINE, "Unreadable Contact in the registrar's answer", e);
        }
        return headerNumber(ok, "Expires");
    }

    private static int headerNumber(SipServletResponse response, String name) {
        String value = response.getHeader(name);
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Stops registering and removes every binding in force, so that carriers stop sending calls here at once. */
    @Override
    public void close() {
        ticker.close();
        registrations.removeAll().forEach(this::send);
    }
}
