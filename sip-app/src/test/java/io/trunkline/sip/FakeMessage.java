package io.trunkline.sip;

import javax.servlet.sip.SipServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An in-memory SIP request holding only headers (case-insensitive names, several values each), enough for the
 * header logic; any other method of the interface fails the test loudly.
 */
final class FakeMessage {
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();

    static SipServletRequest request(String... nameValuePairs) {
        FakeMessage message = new FakeMessage();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            message.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return (SipServletRequest) Proxy.newProxyInstance(FakeMessage.class.getClassLoader(),
                new Class<?>[] {SipServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderNames" -> new ArrayList<>(message.spelling.values()).iterator();
                    case "getHeaders" -> message.values((String) args[0]).listIterator();
                    case "getHeader" -> message.values((String) args[0]).stream().findFirst().orElse(null);
                    case "setHeader" -> message.set((String) args[0], (String) args[1]);
                    case "addHeader" -> message.add((String) args[0], (String) args[1]);
                    case "removeHeader" -> message.remove((String) args[0]);
                    case "toString" -> message.headers.toString();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<String> values(String name) {
        return new ArrayList<>(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    private Object add(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(key, name);
        headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return null;
    }

    private Object set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    private Object remove(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        headers.remove(key);
        spelling.remove(key);
        return null;
    }
}
