package io.trunkline.admin.api;

import io.trunkline.provisioning.ConflictException;
import io.trunkline.provisioning.Provisioning;
import io.trunkline.routing.Route;

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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Outbound routes by prefix. In URLs the default route (empty prefix) is spelt "default"; a tenant route is
 * addressed with {@code ?fromTrunk=<pbx>} next to the generic route of the same prefix.
 */
@Path("routes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutesResource {
    private static final String DEFAULT_ROUTE = "default";

    @Inject
    Provisioning provisioning;

    @GET
    public List<RouteJson> list() {
        return provisioning.routes().stream().map(RouteJson::of).toList();
    }

    @GET
    @Path("{prefix}")
    public RouteJson get(@PathParam("prefix") String prefix, @QueryParam("fromTrunk") String fromTrunk) {
        return RouteJson.of(provisioning.route(Route.normalizedPrefix(fromPath(prefix)), blankAsNull(fromTrunk)));
    }

    @POST
    public Response create(RouteJson body) {
        Route route = RequestBodies.required(body).toDomain(null, null);
        String location = toPath(route.prefix()) + (route.isTenantRoute() ? "?fromTrunk=" + route.fromTrunk() : "");
        if (provisioning.routes().stream().anyMatch(r -> r.prefix().equals(route.prefix())
                && Objects.equals(r.fromTrunk(), route.fromTrunk()))) {
            throw new ConflictException("a route for prefix '" + route.prefix() + "'"
                    + (route.isTenantRoute() ? " from trunk '" + route.fromTrunk() + "'" : "")
                    + " exists; PUT /routes/" + location + " replaces it");
        }
        provisioning.saveRoute(route);
        return Response.created(URI.create("routes/" + location)).entity(RouteJson.of(route)).build();
    }

    @PUT
    @Path("{prefix}")
    public Response put(@PathParam("prefix") String prefix, @QueryParam("fromTrunk") String fromTrunk,
                        RouteJson body) {
        Route route = RequestBodies.required(body).toDomain(fromPath(prefix), blankAsNull(fromTrunk));
        boolean created = provisioning.saveRoute(route);
        return Response.status(created ? 201 : 200).entity(RouteJson.of(route)).build();
    }

    @DELETE
    @Path("{prefix}")
    public Response delete(@PathParam("prefix") String prefix, @QueryParam("fromTrunk") String fromTrunk) {
        provisioning.deleteRoute(Route.normalizedPrefix(fromPath(prefix)), blankAsNull(fromTrunk));
        return Response.noContent().build();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String fromPath(String prefix) {
        return DEFAULT_ROUTE.equals(prefix) ? "" : prefix;
    }

    private static String toPath(String prefix) {
        return prefix.isEmpty() ? DEFAULT_ROUTE : prefix;
    }
}
