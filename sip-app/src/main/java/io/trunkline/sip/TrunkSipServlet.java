package io.trunkline.sip;

import io.trunkline.limits.OverloadControl;
import io.trunkline.limits.OverloadProbes;
import io.trunkline.runtime.TrunklineRuntime;
import io.trunkline.runtime.TrunklineSettings;
import io.trunkline.transaction.SeenInvites;
import io.trunkline.transfer.TransferPlanner;
import io.trunkline.trunk.Trunk;

import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TimerService;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trunkline's only SIP servlet: dispatches each method to {@link B2buaCalls}. Failures are answered with a status
 * and logged here; no exception reaches the container, which would otherwise choose the answer itself.
 */
@javax.servlet.sip.annotation.SipServlet(name = "trunkline", loadOnStartup = 1)
public class TrunkSipServlet extends SipServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TrunkSipServlet.class.getName());
    /** The methods SipServlet.doRequest hands to a doXxx method of their own. */
    private static final Set<String> DISPATCHED = Set.of("INVITE", "ACK", "OPTIONS", "BYE", "CANCEL", "REGISTER",
            "SUBSCRIBE", "NOTIFY", "MESSAGE", "INFO", "PRACK", "REFER", "PUBLISH", "UPDATE");
    private static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, INFO, PRACK, REFER, NOTIFY";

    private transient B2buaCalls calls;
    private transient OptionsResponder options;
    private transient GatewayProber prober;
    private transient BlindTransfer transfers;
    private transient Referrals referrals;
    private transient TrunkRegistrar registrar;
    private transient OwnRequestRelay relay;
    private transient LateInviteCopies lateCopies;
    private transient OverloadControl overload;
    private transient IngressProbe overloadProbe;

    @Override
    public void init() throws ServletException {
        TrunklineRuntime trunkline = TrunklineRuntime.current();
        TrunklineSettings settings = trunkline.settings();
        SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        TimerService timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
        CdrRecorder cdrs = new CdrRecorder(trunkline.cdrWriter(), trunkline.clock());
        RelayedHeaders headers = new RelayedHeaders(new HeaderPolicy(settings.sipHeaderAllow()));
        GatewayFailover failover = new GatewayFailover(new SipAddresses(factory), timers,
                settings.advertisedSipHost(), cdrs,
                trunk -> trunkline.routing().get().trunk(trunk).map(Trunk::credentials),
                new CandidateTrunks(trunkline.admission()),
                new LegNegotiation(headers, settings.sessionMinSeconds()));
        CallTeardown teardown = new CallTeardown(cdrs);
        SessionTimers sessionTimers = new SessionTimers(settings.sessionMinSeconds(), timers, teardown);
        SetupTimeoutListener.use(failover);
        SetupTimeoutListener.use(sessionTimers);
        CallSessionListener.use(cdrs);
        CallErrorListener.use(teardown, cdrs);
        calls = new B2buaCalls(trunkline.router(), trunkline.admission(), failover, cdrs, headers, sessionTimers,
                teardown, trunkline.registrations()::trunkOfLine);
        transfers = new BlindTransfer(factory, failover, cdrs);
        referrals = new Referrals(new TransferPlanner(trunkline.routing(), trunkline.router()), transfers);
        options = new OptionsResponder(trunkline.routing(), ALLOW);
        lateCopies = new LateInviteCopies(new SeenInvites(trunkline.clock(), SeenInvites.DEFAULT_HORIZON));
        overload = trunkline.overload();
        startOwnRequests(trunkline, factory);
    }

    /**
     * The requests Trunkline starts itself: OPTIONS probes and REGISTERs, both leaving through {@link #relay}, and
     * overload protection's probes, sent to its own port from outside the container.
     */
    private void startOwnRequests(TrunklineRuntime trunkline, SipFactory factory) {
        TrunklineSettings settings = trunkline.settings();
        relay = new OwnRequestRelay();
        prober = new GatewayProber(factory, trunkline.routing(), trunkline.health(),
                settings.advertisedSipHost().orElse("trunkline.invalid"), relay);
        prober.start();
        ContactAddress addresses = new ContactAddress(outboundInterfaces(), settings.advertisedSipHost(),
                settings.sipTlsPort());
        registrar = new TrunkRegistrar(factory, trunkline.routing(), trunkline.registrations(), relay, addresses);
        registrar.start();
        if (overload.enabled()) {
            overloadProbe = new IngressProbe(new OverloadProbes(overload, System::nanoTime,
                    () -> UUID.randomUUID() + "@trunkline.invalid"), addresses.udpListener());
            overloadProbe.start();
        }
    }

    @SuppressWarnings("unchecked")
    private List<SipURI> outboundInterfaces() {
        return (List<SipURI>) getServletContext().getAttribute(OUTBOUND_INTERFACES);
    }

    @Override
    public void destroy() {
        if (prober != null) {
            prober.close();
        }
        if (registrar != null) {
            registrar.close();
        }
        if (overloadProbe != null) {
            overloadProbe.close();
        }
        super.destroy();
    }

    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        try {
            if (request.isInitial()) {
                if (!overload.admitsNewCall()) {
                    refuseOverloaded(request);
                } else if (!lateCopies.refused(request)) {
                    calls.start(request);
                }
            } else {
                calls.relayInDialog(request);
            }
        } catch (IOException | RuntimeException e) {
            fail(request, e);
        }
    }

    @Override
    protected void doAck(SipServletRequest request) throws IOException {
        calls.relayAck(request);
    }

    @Override
    protected void doBye(SipServletRequest request) throws IOException {
        transfers.abandon(request.getSession());
        calls.relayBye(request);
    }

    @Override
    protected void doCancel(SipServletRequest request) throws IOException {
        calls.relayCancel(request);
    }

    @Override
    protected void doOptions(SipServletRequest request) throws ServletException, IOException {
        if (request.isInitial()) {
            if (!relay.forwarded(request) && (overloadProbe == null || !overloadProbe.answered(request))) {
                options.answer(request);
            }
        } else {
            relay(request);
        }
    }

    @Override
    protected void doUpdate(SipServletRequest request) throws IOException {
        relay(request);
    }

    @Override
    protected void doPrack(SipServletRequest request) throws IOException {
        try {
            calls.relayPrack(request);
        } catch (IOException | RuntimeException e) {
            fail(request, e);
        }
    }

    @Override
    protected void doInfo(SipServletRequest request) throws IOException {
        relay(request);
    }

    @Override
    protected void doRegister(SipServletRequest request) throws ServletException, IOException {
        if (!request.isInitial() || !relay.forwarded(request)) {
            notAllowed(request); // Trunkline registers at carriers; it is no registrar itself
        }
    }

    @Override
    protected void doMessage(SipServletRequest request) throws IOException {
        notAllowed(request);
    }

    @Override
    protected void doSubscribe(SipServletRequest request) throws IOException {
        notAllowed(request);
    }

    @Override
    protected void doPublish(SipServletRequest request) throws IOException {
        notAllowed(request);
    }

    /** An in-dialog REFER transfers the call as its trunk allows; outside a dialog there is nothing to transfer. */
    @Override
    protected void doRefer(SipServletRequest request) throws IOException {
        if (request.isInitial()) {
            notAllowed(request);
            return;
        }
        try {
            referrals.refer(request);
        } catch (IOException | RuntimeException e) {
            // The call is left as it is: a REFER that fails is only a transfer that did not happen.
            LOG.log(Level.SEVERE, "REFER " + request.getCallId() + " failed", e);
            if (!request.isCommitted()) {
                request.createResponse(500, "Server Internal Error").send();
            }
        }
    }

    @Override
    protected void doNotify(SipServletRequest request) throws IOException {
        if (request.isInitial()) {
            request.createResponse(481, "Subscription Does Not Exist").send(); // RFC 6665 §4.1.3
            return;
        }
        try {
            referrals.relayNotify(request);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "NOTIFY " + request.getCallId() + " not relayed", e);
            if (!request.isCommitted()) {
                request.createResponse(500, "Server Internal Error").send();
            }
        }
    }

    @Override
    protected void doResponse(SipServletResponse response) throws ServletException, IOException {
        try {
            if (response.getProxyBranch() != null || prober.handled(response) || registrar.handled(response)) {
                return; // our own request passing through (it goes on upstream by itself), or its answer
            }
            if (!transfers.handled(response)) {
                calls.relayResponse(response);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Relaying " + response.getStatus() + " to " + response.getMethod() + " failed", e);
        }
    }

    private void relay(SipServletRequest request) throws IOException {
        try {
            calls.relayInDialog(request);
        } catch (IOException | RuntimeException e) {
            fail(request, e);
        }
    }

    /**
     * SipServlet dispatches the methods JSR 289 names and leaves any other request unanswered, so a caller's
     * unknown method inside a call retransmitted for 32 s and then failed its transaction. RFC 3261 §21.5.2: 501
     * for a method not recognised, with Allow (§20.5) saying what is.
     */
    @Override
    protected void doRequest(SipServletRequest request) throws ServletException, IOException {
        if (DISPATCHED.contains(request.getMethod())) {
            super.doRequest(request);
            return;
        }
        SipServletResponse response = request.createResponse(501, "Not Implemented");
        response.setHeader("Allow", ALLOW);
        response.send();
    }

    /**
     * A new call refused by overload protection costs this response and nothing else: no routing, no CDR (it
     * would be a fifth of what a call allocates; the refusals are counted instead, GET /api/v1/overload). No
     * Retry-After: RFC 3261 §21.5.4 lets the sender then treat it as a 500 for this request alone and try another
     * server, where a Retry-After would make it send nothing here for that long (RFC 5390).
     */
    private static void refuseOverloaded(SipServletRequest invite) throws IOException {
        invite.createResponse(503, "Server Overloaded").send();
    }

    /** RFC 3261 §21.4.6: 405 must list what is allowed. */
    private static void notAllowed(SipServletRequest request) throws IOException {
        SipServletResponse response = request.createResponse(405, "Method Not Allowed");
        response.setHeader("Allow", ALLOW);
        response.send();
    }

    private void fail(SipServletRequest request, Exception e) throws IOException {
        LOG.log(Level.SEVERE, request.getMethod() + " " + request.getCallId() + " failed", e);
        calls.failed(request);
        if (!request.isCommitted()) {
            request.createResponse(500, "Server Internal Error").send();
        }
    }
}
