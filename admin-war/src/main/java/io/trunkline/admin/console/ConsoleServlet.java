package io.trunkline.admin.console;

import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CdrFilter;
import io.trunkline.limits.OverloadStatus;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.runtime.TrunklineRuntime;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Trunk;

import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The minimal console: overload state, trunks, numbers and the 50 most recent CDRs on one page. */
@WebServlet(urlPatterns = {"", "/console"})
public class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int RECENT_CDRS = 50;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TrunklineRuntime trunkline = TrunklineRuntime.current();
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Trunkline</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#eee}</style>"
                + "</head><body><h1>Trunkline</h1>");
        overload(out, trunkline.overload().status());
        trunks(out, trunkline.provisioning().trunks());
        numbers(out, trunkline.provisioning().numbers());
        cdrs(out, trunkline.cdrStore().find(CdrFilter.none(), 0, RECENT_CDRS).items());
        out.println("</body></html>");
    }

    /** One sentence an admin reads when calls are refused 503 with no trunk at its limit (README: Overload). */
    private static void overload(PrintWriter out, OverloadStatus status) {
        String state;
        if (!status.enabled()) {
            state = "Off (TRUNKLINE_OVERLOAD_DELAY_MS is 0).";
        } else if (status.shedding()) {
            state = String.format("Shedding since %s: refusing %d %% of new calls with 503; requests take %d ms "
                            + "to reach Trunkline (target %d ms).", status.sheddingSince(),
                    status.refusingPercent(), status.lastDelay().toMillis(),
                    status.target().toMillis());
        } else {
            state = String.format("Normal: requests take %d ms to reach Trunkline (new calls are shed above %d ms).",
                    status.lastDelay().toMillis(), status.target().toMillis());
        }
        out.println("<h2>Overload protection</h2><p id=\"overload\">" + Html.escape(state) + " "
                + status.callsRefused() + " new calls refused since the server started.</p>");
    }

    private static void trunks(PrintWriter out, List<Trunk> trunks) {
        out.println("<h2>Trunks</h2><table id=\"trunks\"><tr><th>Name</th><th>Role</th><th>Region</th>"
                + "<th>Gateways</th><th>Timeouts</th></tr>");
        for (Trunk t : trunks) {
            String gateways = t.gateways().stream().map(ConsoleServlet::gateway).collect(Collectors.joining(", "));
            row(out, t.name(), t.role(), t.defaultRegion(), gateways, timeouts(t.failover()));
        }
        out.println("</table>");
    }

    /** The two waits an admin asks about when calls fail over or stop ringing (README: Failover, Ring timeout). */
    private static String timeouts(FailoverPolicy failover) {
        return "setup " + failover.setupTimeout().toMillis() + " ms, ring " + failover.ringTimeout().toSeconds() + " s";
    }

    private static String gateway(Gateway g) {
        return g.host() + ":" + g.port() + " " + g.transport();
    }

    private static void numbers(PrintWriter out, List<Did> numbers) {
        out.println("<h2>Numbers</h2><table id=\"numbers\"><tr><th>Number</th><th>Carrier trunk</th>"
                + "<th>Destination</th></tr>");
        for (Did d : numbers) {
            String destination = d.destination() instanceof Destination.ToUri uri
                    ? uri.uri() : "trunk " + ((Destination.ToTrunk) d.destination()).trunkName();
            row(out, d.number(), d.carrierTrunk(), destination);
        }
        out.println("</table>");
    }

    private static void cdrs(PrintWriter out, List<CallDetailRecord> cdrs) {
        out.println("<h2>Recent calls</h2><table id=\"cdrs\"><tr><th>Started</th><th>From</th><th>To</th>"
                + "<th>In</th><th>Out</th><th>Status</th><th>Ended by</th><th>Cause</th><th>Duration (s)</th></tr>");
        for (CallDetailRecord c : cdrs) {
            row(out, c.invitedAt(), c.callingNumber(), c.calledNumber(), c.inboundTrunk(), c.outboundTrunk(),
                    c.finalStatus(), c.hangupParty(), c.endCause(),
                    String.format("%.1f", c.duration().toMillis() / 1000.0));
        }
        out.println("</table>");
    }

    private static void row(PrintWriter out, Object... cells) {
        out.print("<tr>");
        for (Object cell : cells) {
            out.print("<td>" + Html.escape(cell) + "</td>");
        }
        out.println("</tr>");
    }
}
