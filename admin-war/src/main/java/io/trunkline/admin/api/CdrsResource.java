package io.trunkline.admin.api;

import io.trunkline.cdr.CdrFilter;
import io.trunkline.cdr.CdrStore;
import io.trunkline.cdr.EndCause;
import io.trunkline.trunk.InvalidConfigurationException;

import javax.enterprise.context.RequestScoped;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** CDRs, newest first, paged, filtered by trunk, number, Call-ID, time window, final status and end cause. */
@Path("cdrs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CdrsResource {
    static final int MAX_PAGE_SIZE = 500;
    static final int DEFAULT_PAGE_SIZE = 50;

    @Inject
    CdrStore cdrs;

    @GET
    public CdrJson.Page list(@QueryParam("trunk") String trunk, @QueryParam("number") String number,
                             @QueryParam("callId") String callId, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("status") String status,
                             @QueryParam("cause") String cause,
                             @QueryParam("page") String pageParameter,
                             @QueryParam("size") String sizeParameter) {
        int page = QueryParameters.wholeNumber("page", pageParameter, 0);
        int size = QueryParameters.wholeNumber("size", sizeParameter, DEFAULT_PAGE_SIZE);
        if (page < 0) {
            throw new InvalidConfigurationException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidConfigurationException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // The store's offset is an int (JPA setFirstResult); no table gets near this many CDRs.
            throw new InvalidConfigurationException("page", "must be at most " + Integer.MAX_VALUE / size
                    + " with size " + size);
        }
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && until.isBefore(since)) {
            throw new InvalidConfigurationException("to", "must not be before from");
        }
        CdrFilter filter = new CdrFilter(trunk, number, callId, since, until,
                QueryParameters.wholeNumber("status", status, null),
                cause(cause));
        return CdrJson.Page.of(cdrs.find(filter, page, size));
    }

    private static EndCause cause(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return EndCause.named(value).orElseThrow(
                () -> new InvalidConfigurationException("cause", "must be one of " + EndCause.names()));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
