package io.trunkline.bench.bare;

import javax.servlet.ServletException;
import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.UAMode;
import java.io.IOException;

/**
 * Bridges every initial INVITE to one fixed target (environment variable {@code BENCH_BARE_TARGET}, host:port) with
 * {@link B2buaHelper}, relays responses, ACK, BYE and CANCEL across, and does nothing else. Same message handling
 * as Trunkline's B2BUA (answers BYE locally, re-creates every crossing message), without Trunkline's domain.
 */
@javax.servlet.sip.annotation.SipServlet(name = "bare", loadOnStartup = 1)
public class BareB2buaServlet extends SipServlet {
    private static final long serialVersionUID = 1L;
    static final String INBOUND_CALL_ID = "X-Bench-Inbound-Call-Id";

    private transient SipFactory factory;
    private transient String targetHost;
    private transient int targetPort;

    @Override
    public void init() throws ServletException {
        String target = System.getenv("BENCH_BARE_TARGET");
        if (target == null || !target.matches("[^:]+:\\d+")) {
            throw new ServletException("BENCH_BARE_TARGET must be host:port, not " + target);
        }
        targetHost = target.substring(0, target.lastIndexOf(':'));
        targetPort = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
    }

    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        B2buaHelper helper = request.getB2buaHelper();
        if (!request.isInitial()) {
            relayInDialog(request);
            return;
        }
        SipServletRequest outbound;
        try {
            outbound = helper.createRequest(request, true, null);
        } catch (TooManyHopsException e) {
            request.createResponse(483).send(); // RFC 3261 §16.3 step 3
            return;
        }
        SipURI uri = factory.createSipURI(((SipURI) request.getRequestURI()).getUser(), targetHost);
        uri.setPort(targetPort);
        outbound.setRequestURI(uri);
        // The outbound leg has a Call-ID of its own; this lets bench/invite-delay.sh pair the two INVITEs without the
        // CDRs Trunkline keeps for that (one header more on the wire, the only thing the bare servlet adds for it).
        outbound.setHeader(INBOUND_CALL_ID, request.getCallId());
        outbound.send();
    }

    @Override
    protected void doAck(SipServletRequest ack) throws IOException {
        SipSession other = ack.getB2buaHelper().getLinkedSession(ack.getSession());
        if (other == null) {
            return;
        }
        for (SipServletMessage pending : ack.getB2buaHelper().getPendingMessages(other, UAMode.UAC)) {
            if (pending instanceof SipServletResponse answer && "INVITE".equals(answer.getMethod())
                    && answer.getStatus() / 100 == 2) {
                answer.createAck().send();
            }
        }
    }

    @Override
    protected void doBye(SipServletRequest bye) throws IOException {
        bye.createResponse(200).send();
        SipSession other = bye.getB2buaHelper().getLinkedSession(bye.getSession());
        if (other != null && other.isValid()) {
            bye.getB2buaHelper().createRequest(other, bye, null).send();
        }
    }

    @Override
    protected void doCancel(SipServletRequest cancel) throws IOException {
        SipSession other = cancel.getB2buaHelper().getLinkedSession(cancel.getSession());
        if (other != null && other.isValid() && other.getState() != SipSession.State.CONFIRMED) {
            cancel.getB2buaHelper().createCancel(other).send();
        }
    }

    @Override
    protected void doResponse(SipServletResponse response) throws IOException {
        String method = response.getMethod();
        if (response.getStatus() == 100 || "BYE".equals(method) || "CANCEL".equals(method)) {
            return; // 100 is hop by hop; BYE and CANCEL were answered locally
        }
        SipServletRequest original = response.getRequest().getB2buaHelper()
                .getLinkedSipServletRequest(response.getRequest());
        if (original == null || original.isCommitted()) {
            return;
        }
        SipServletResponse relayed = original.createResponse(response.getStatus(), response.getReasonPhrase());
        byte[] body = response.getRawContent();
        if (body != null && body.length > 0) {
            relayed.setContent(body, response.getContentType());
        }
        relayed.send();
    }

    private static void relayInDialog(SipServletRequest request) throws IOException {
        SipSession other = request.getB2buaHelper().getLinkedSession(request.getSession());
        if (other == null || !other.isValid()) {
            request.createResponse(481).send();
            return;
        }
        SipServletRequest relayed = request.getB2buaHelper().createRequest(other, request, null);
        byte[] body = request.getRawContent();
        if (body != null && body.length > 0) {
            relayed.setContent(body, request.getContentType());
        }
        relayed.send();
    }
}
