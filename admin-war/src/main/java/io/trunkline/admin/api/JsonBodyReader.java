package io.trunkline.admin.api;

import io.trunkline.trunk.InvalidConfigurationException;

import javax.json.Json;
import javax.json.JsonException;
import javax.json.JsonReader;
import javax.json.JsonValue;
import javax.json.bind.Jsonb;
import javax.json.bind.JsonbBuilder;
import javax.ws.rs.Consumes;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the API's JSON request bodies: parsed with JSON-P, checked by {@link JsonShape}, then bound by JSON-B. An
 * application's provider takes precedence over the server's own JSON-B reader for these classes (JAX-RS 2.1, 4.1.3).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Object> {
    /** Far above any trunk or route (a few KB); a rate deck travels as CSV. Keeps a runaway client off the heap. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonShape.describes(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = entity.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException(MAX_BODY_BYTES);
        }
        String text = new String(body, StandardCharsets.UTF_8); // RFC 8259 8.1: JSON between systems is UTF-8
        if (text.isBlank()) {
            return null; // the resource answers "body is required"
        }
        JsonValue json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidConfigurationException("body", "is not valid JSON: " + e.getMessage());
        }
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidConfigurationException("body", "must be a JSON object, not " + json.getValueType()
                    .name().toLowerCase(Locale.ROOT));
        }
        return JSONB.fromJson(JsonShape.check(json.asJsonObject(), type).toString(), genericType);
    }

    /** Answered 413 (ErrorMappers). */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(int limit) {
            super("request body is larger than " + (limit >> 10) + " KiB");
        }
    }
}
