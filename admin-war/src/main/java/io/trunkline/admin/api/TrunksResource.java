package io.trunkline.admin.api;

import io.trunkline.health.GatewayHealth;
import io.trunkline.provisioning.ConflictException;
import io.trunkline.provisioning.Provisioning;
import io.trunkline.runtime.TrunklineRuntime;
import io.trunkline.trunk.Trunk;

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

@Path("trunks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrunksResource {
    @Inject
    Provisioning provisioning;

    @GET
    public List<TrunkJson> list() {
        return provisioning.trunks().stream().map(TrunkJson::of).toList();
    }

    @GET
    @Path("{name}")
    public TrunkJson get(@PathParam("name") String name) {
        return TrunkJson.of(provisioning.trunk(name));
    }

    /** Each gateway's OPTIONS probe state (UNKNOWN while the trunk is not probed). */
    @GET
    @Path("{name}/health")
    public List<GatewayHealthJson> health(@PathParam("name") String name) {
        GatewayHealth health = TrunklineRuntime.current().health();
        return provisioning.trunk(name).gateways().stream().map(health::status).map(GatewayHealthJson::of).toList();
    }

    /** The trunk's registration at its carrier (UNREGISTERED while registration is off). */
    @GET
    @Path("{name}/registration")
    public RegistrationStatusJson registration(@PathParam("name") String name) {
        provisioning.trunk(name);
        return RegistrationStatusJson.of(TrunklineRuntime.current().registrations().status(name));
    }

    @POST
    public Response create(TrunkJson body) {
        Trunk trunk = RequestBodies.required(body).toDomain(null);
        if (provisioning.findTrunk(trunk.name()).isPresent()) {
            throw new ConflictException("trunk '" + trunk.name() + "' exists; PUT /trunks/" + trunk.name()
                    + " replaces it");
        }
        provisioning.saveTrunk(trunk);
        return Response.created(UriBuilder.fromPath("trunks/{name}").build(trunk.name()))
                .entity(TrunkJson.of(trunk)).build();
    }

    @PUT
    @Path("{name}")
    public Response put(@PathParam("name") String name, TrunkJson body) {
        RequestBodies.required(body).keepStoredPassword(provisioning.findTrunk(name));
        Trunk trunk = body.toDomain(name);
        boolean created = provisioning.saveTrunk(trunk);
        return Response.status(created ? 201 : 200).entity(TrunkJson.of(trunk)).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        provisioning.deleteTrunk(name);
        return Response.noContent().build();
    }
}
