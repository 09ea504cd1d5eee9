package io.trunkline.admin.api;

import io.trunkline.number.CatchAll;
import io.trunkline.provisioning.Provisioning;
import io.trunkline.trunk.InvalidConfigurationException;

import javax.enterprise.context.RequestScoped;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** A carrier trunk's catch-all: where its calls to numbers that are no DID and in no DID block go. */
@Path("trunks/{name}/catch-all")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatchAllResource {
    @Inject
    Provisioning provisioning;

    @GET
    public CatchAllJson get(@PathParam("name") String trunk) {
        return CatchAllJson.of(provisioning.catchAll(trunk));
    }

    @PUT
    public Response put(@PathParam("name") String trunk, CatchAllJson body) {
        CatchAllJson json = RequestBodies.required(body);
        if (json.trunk != null && !json.trunk.equals(trunk)) {
            throw new InvalidConfigurationException("trunk", "differs from the trunk in the URL");
        }
        CatchAll catchAll = new CatchAll(trunk, DestinationBodies.toDomain(json.destination));
        boolean created = provisioning.saveCatchAll(catchAll);
        return Response.status(created ? 201 : 200).entity(CatchAllJson.of(catchAll)).build();
    }

    @DELETE
    public Response delete(@PathParam("name") String trunk) {
        provisioning.deleteCatchAll(trunk);
        return Response.noContent().build();
    }
}
