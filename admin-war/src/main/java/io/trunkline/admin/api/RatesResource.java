package io.trunkline.admin.api;

import io.trunkline.provisioning.Provisioning;
import io.trunkline.routing.RateDeck;
import io.trunkline.routing.RateDeckCsv;

import javax.enterprise.context.RequestScoped;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * A carrier trunk's rate deck for least-cost routing. PUT replaces the whole deck with a CSV body of
 * {@code prefix,price} lines (all or nothing: a bad line is a 400 naming it); GET gives JSON, or CSV when asked
 * for {@code text/csv}; DELETE removes the deck.
 */
@Path("trunks/{name}/rates")
@RequestScoped
public class RatesResource {
    static final String CSV = "text/csv";

    @Inject
    Provisioning provisioning;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response get(@PathParam("name") String trunk, @Context HttpHeaders headers) {
        RateDeck deck = provisioning.rateDeck(trunk);
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()).orElse(false);
        return csv ? Response.ok(RateDeckCsv.format(deck), CSV).build()
                : Response.ok(RateDeckJson.of(trunk, deck, true), MediaType.APPLICATION_JSON).build();
    }

    @PUT
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public RateDeckJson put(@PathParam("name") String trunk, String csv) {
        RateDeck deck = RateDeckCsv.parse(csv);
        provisioning.replaceRateDeck(trunk, deck);
        return RateDeckJson.of(trunk, deck, false);
    }

    @DELETE
    public Response delete(@PathParam("name") String trunk) {
        provisioning.replaceRateDeck(trunk, RateDeck.empty());
        return Response.noContent().build();
    }
}
