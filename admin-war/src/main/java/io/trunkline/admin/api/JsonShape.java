package io.trunkline.admin.api;

import io.trunkline.trunk.InvalidConfigurationException;

import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonArrayBuilder;
import javax.json.JsonNumber;
import javax.json.JsonObject;
import javax.json.JsonObjectBuilder;
import javax.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a request body against the public fields of the resource's JSON class before JSON-B binds it.
 *
 * <p>JSON-B on its own ignores a field it does not know and reads {@code "yes"} as {@code false}: a misspelt
 * {@code maxChanels} or a quoted boolean was accepted with 200 and silently left the setting off. Its type errors
 * name a Java class, not the field. Here each problem is a 400 naming the field by its path
 * ({@code gateways[1].port}). A {@code null} member counts as absent, so it takes the field's default.
 */
final class JsonShape {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonShape() {
    }

    /** True for the classes this checks: the API's own JSON classes. */
    static boolean describes(Class<?> type) {
        return type.getPackage() == JsonShape.class.getPackage() && !type.isPrimitive();
    }

    /**
     * @return the body with null members left out, ready to bind
     * @throws InvalidConfigurationException naming the first member that does not fit
     */
    static JsonObject check(JsonObject body, Class<?> type) {
        return object(body, type, "");
    }

    private static JsonValue value(JsonValue value, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == Object.class) {
            return value; // free-form (a route's trunks: names or objects); the domain mapping checks it
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return array(expect(value, JsonValue.ValueType.ARRAY, path, "a JSON array").asJsonArray(),
                    elementType(type), path);
        }
        if (raw == String.class) {
            expect(value, JsonValue.ValueType.STRING, path, "a JSON string (in double quotes)");
            return value;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw wrongType(path, "true or false", value);
            }
            return value;
        }
        if (raw == int.class || raw == Integer.class) {
            return wholeNumber(value, path, INT_MIN, INT_MAX);
        }
        if (raw == long.class || raw == Long.class) {
            return wholeNumber(value, path, LONG_MIN, LONG_MAX);
        }
        if (raw == BigDecimal.class) {
            expect(value, JsonValue.ValueType.NUMBER, path, "a number");
            return value;
        }
        if (describes(raw)) {
            return object(expect(value, JsonValue.ValueType.OBJECT, path, "a JSON object").asJsonObject(), raw, path);
        }
        throw new IllegalStateException("JsonShape cannot check " + type + " at " + path);
    }

    private static JsonObject object(JsonObject json, Class<?> type, String path) {
        JsonObjectBuilder checked = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : json.entrySet()) {
            String name = member.getKey();
            String memberPath = path.isEmpty() ? name : path + "." + name;
            Field field = field(type, name);
            if (field == null) {
                throw unknownField(memberPath, fieldNames(type));
            }
            if (member.getValue().getValueType() != JsonValue.ValueType.NULL) {
                checked.add(name, value(member.getValue(), field.getGenericType(), memberPath));
            }
        }
        return checked.build();
    }

    /** The refusal of a member the class does not have, listing the ones it has. */
    static InvalidConfigurationException unknownField(String path, List<String> known) {
        return new InvalidConfigurationException(path, "is not a field here; known fields are "
                + String.join(", ", known));
    }

    private static JsonArray array(JsonArray json, Type elementType, String path) {
        JsonArrayBuilder checked = Json.createArrayBuilder();
        for (int i = 0; i < json.size(); i++) {
            JsonValue element = json.get(i);
            // A null entry is kept: the domain refuses it with its own message ("must not contain an empty entry").
            checked.add(element.getValueType() == JsonValue.ValueType.NULL
                    ? element : value(element, elementType, path + "[" + i + "]"));
        }
        return checked.build();
    }

    private static JsonValue wholeNumber(JsonValue value, String path, BigInteger min, BigInteger max) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw wrongType(path, "a whole number", value);
        }
        BigInteger number = ((JsonNumber) value).bigIntegerValue();
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new InvalidConfigurationException(path, "is out of range: " + number);
        }
        return value;
    }

    private static JsonValue expect(JsonValue value, JsonValue.ValueType wanted, String path, String described) {
        if (value.getValueType() != wanted) {
            throw wrongType(path, described, value);
        }
        return value;
    }

    private static InvalidConfigurationException wrongType(String path, String wanted, JsonValue actual) {
        String shown = actual.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new InvalidConfigurationException(path.isEmpty() ? "body" : path, "must be " + wanted + ", not " + shown);
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            return Modifier.isStatic(field.getModifiers()) ? null : field;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static List<String> fieldNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type elementType(Type collectionType) {
        return collectionType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
