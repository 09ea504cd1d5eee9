package io.trunkline.admin.api;

import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.provisioning.ConflictException;
import io.trunkline.provisioning.Provisioning;

import javax.enterprise.context.RequestScoped;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import java.util.List;

/** DID blocks, identified in URLs by their first number (E.164 with '+' or %2B). Overlapping blocks get 409. */
@Path("number-ranges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NumberRangesResource {
    @Inject
    Provisioning provisioning;

    @GET
    public List<NumberRangeJson> list() {
        return provisioning.numberRanges().stream().map(NumberRangeJson::of).toList();
    }

    @GET
    @Path("{first}")
    public NumberRangeJson get(@PathParam("first") String first) {
        return NumberRangeJson.of(provisioning.numberRange(new E164Number(first)));
    }

    @POST
    public Response create(NumberRangeJson body) {
        DidRange range = RequestBodies.required(body).toDomain(null);
        if (provisioning.numberRanges().stream().anyMatch(r -> r.first().equals(range.first()))) {
            throw new ConflictException("a DID block starting at " + range.first() + " exists; PUT /number-ranges/"
                    + range.first() + " replaces it");
        }
        provisioning.saveNumberRange(range);
        return Response.created(UriBuilder.fromPath("number-ranges/{n}").build(range.first().value()))
                .entity(NumberRangeJson.of(range)).build();
    }

    @PUT
    @Path("{first}")
    public Response put(@PathParam("first") String first, NumberRangeJson body) {
        DidRange range = RequestBodies.required(body).toDomain(first);
        boolean created = provisioning.saveNumberRange(range);
        return Response.status(created ? 201 : 200).entity(NumberRangeJson.of(range)).build();
    }

    @DELETE
    @Path("{first}")
    public Response delete(@PathParam("first") String first) {
        provisioning.deleteNumberRange(new E164Number(first));
        return Response.noContent().build();
    }
}
