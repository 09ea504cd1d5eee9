package io.trunkline.admin.api;

import io.trunkline.limits.OverloadControl;

import javax.enterprise.context.RequestScoped;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** What overload protection sees and does: the probe's delay, the share of new calls refused, the count. */
@Path("overload")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OverloadResource {
    @Inject
    OverloadControl overload;

    @GET
    public OverloadJson status() {
        return OverloadJson.of(overload.status());
    }
}
