package io.trunkline.admin.api;

import io.trunkline.provisioning.ConflictException;
import io.trunkline.provisioning.NotFoundException;
import io.trunkline.routing.RateDeckFormatException;
import io.trunkline.trunk.InvalidConfigurationException;

import javax.json.bind.JsonbException;
import javax.ws.rs.ProcessingException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a JSON error body with a precise status; stack traces go to the log only. */
public final class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {
    }

    static Response error(int status, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ErrorJson.of(status, message, field)).build();
    }

    @Provider
    public static class InvalidConfiguration implements ExceptionMapper<InvalidConfigurationException> {
        @Override
        public Response toResponse(InvalidConfigurationException e) {
            return error(400, e.getMessage(), e.field());
        }
    }

    /** A rate deck CSV line that does not read: the body names the line as well as the field. */
    @Provider
    public static class RateDeckFormat implements ExceptionMapper<RateDeckFormatException> {
        @Override
        public Response toResponse(RateDeckFormatException e) {
            ErrorJson body = ErrorJson.of(400, e.getMessage(), e.field());
            body.line = e.line();
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return error(404, e.getMessage(), null);
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return error(409, e.getMessage(), null);
        }
    }

    /** Bodies that are not JSON, or JSON of the wrong shape. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return error(400, "request body is not valid JSON for this resource: " + rootMessage(e), "body");
        }
    }

    @Provider
    public static class BodyTooLarge implements ExceptionMapper<JsonBodyReader.BodyTooLargeException> {
        @Override
        public Response toResponse(JsonBodyReader.BodyTooLargeException e) {
            return error(413, e.getMessage(), "body");
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return error(400, "request body could not be read: " + rootMessage(e), "body");
        }
    }

    /**
     * JAX-RS's own answers (unknown path 404, wrong method 405, wrong media type 415) keep their status; a 400 with
     * a cause is the JSON provider failing to read the body.
     */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 && e.getCause() != null) {
                return error(400, "request body is not valid JSON for this resource: " + rootMessage(e), "body");
            }
            return error(status, e.getResponse().getStatusInfo().getReasonPhrase(), null);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected failure in the REST API", e);
            return error(500, "internal error; the server log has the details", null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
