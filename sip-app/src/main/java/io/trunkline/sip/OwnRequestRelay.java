package io.trunkline.sip;

import javax.servlet.sip.Proxy;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.TooManyHopsException;
import java.util.UUID;

/**
 * Lets requests Trunkline starts itself (OPTIONS probes, REGISTERs) leave the server. JSR 289 routes
 * application-initiated requests through the application router, and Liberty's default router hands them back to
 * this application as new incoming requests. Such a request is recognised by a header whose value is a secret of
 * this process (so nobody outside can use Trunkline as a relay), and proxied on to its Request-URI without it.
 */
final class OwnRequestRelay {
    private static final String HEADER = "X-Trunkline-Own";
    private final String token = UUID.randomUUID().toString();

    /** Marks a request this application is about to send. */
    void mark(SipServletRequest request) {
        request.setHeader(HEADER, token);
    }

    /** @return whether the request was one of ours, now proxied on (otherwise it is someone else's to answer) */
    boolean forwarded(SipServletRequest request) throws TooManyHopsException {
        if (!token.equals(request.getHeader(HEADER))) {
            return false;
        }
        request.removeHeader(HEADER);
        Proxy proxy = request.getProxy();
        proxy.setRecordRoute(false);
        proxy.proxyTo(request.getRequestURI());
        return true;
    }
}
