package io.trunkline.admin.api;

import io.trunkline.number.Did;
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

/** DIDs. Numbers in URLs are E.164 with the '+' (or %2B). */
@Path("numbers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NumbersResource {
    @Inject
    Provisioning provisioning;

    @GET
    public List<NumberJson> list() {
        return provisioning.numbers().stream().map(NumberJson::of).toList();
    }

    @GET
    @Path("{number}")
    public NumberJson get(@PathParam("number") String number) {
        return NumberJson.of(provisioning.number(new E164Number(number)));
    }

    @POST
    public Response create(NumberJson body) {
        Did did = RequestBodies.required(body).toDomain(null);
        if (provisioning.numbers().stream().anyMatch(d -> d.number().equals(did.number()))) {
            throw new ConflictException("DID " + did.number() + " exists; PUT /numbers/" + did.number()
                    + " replaces it");
        }
        provisioning.saveNumber(did);
        return Response.created(UriBuilder.fromPath("numbers/{n}").build(did.number().value()))
                .entity(NumberJson.of(did)).build();
    }

    @PUT
    @Path("{number}")
    public Response put(@PathParam("number") String number, NumberJson body) {
        Did did = RequestBodies.required(body).toDomain(number);
        boolean created = provisioning.saveNumber(did);
        return Response.status(created ? 201 : 200).entity(NumberJson.of(did)).build();
    }

    @DELETE
    @Path("{number}")
    public Response delete(@PathParam("number") String number) {
        provisioning.deleteNumber(new E164Number(number));
        return Response.noContent().build();
    }
}
