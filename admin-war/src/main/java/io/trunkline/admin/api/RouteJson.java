package io.trunkline.admin.api;

import io.trunkline.routing.Route;
import io.trunkline.routing.RouteCandidate;
import io.trunkline.trunk.InvalidConfigurationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON form of an outbound route. One carrier: {"prefix":"44","trunk":"carrier-uk"}. Several, cheapest first by
 * their rate decks, ties by priority: {"prefix":"44","trunks":[{"trunk":"a","priority":1},"b"]} (a bare name has
 * priority 1). A tenant route adds {"fromTrunk":"pbx-a"}. The empty prefix is the default route.
 */
public class RouteJson {
    public String prefix;
    public String fromTrunk;
    public String trunk;
    /** Entries are trunk names or {"trunk","priority"} objects. */
    public List<Object> trunks;

    static RouteJson of(Route route) {
        RouteJson json = new RouteJson();
        json.prefix = route.prefix();
        json.fromTrunk = route.fromTrunk();
        json.trunk = route.candidates().size() == 1 ? route.carrierTrunk() : null;
        json.trunks = new ArrayList<>();
        for (RouteCandidate candidate : route.candidates()) {
            json.trunks.add(Map.of("trunk", candidate.trunk(), "priority", candidate.priority()));
        }
        return json;
    }

    /**
     * @param pathPrefix     the prefix in the URL, or null for a POST
     * @param pathFromTrunk  the fromTrunk query parameter, or null
     */
    Route toDomain(String pathPrefix, String pathFromTrunk) {
        if (pathPrefix != null && prefix != null
                && !Route.normalizedPrefix(pathPrefix).equals(Route.normalizedPrefix(prefix))) {
            throw new InvalidConfigurationException("prefix", "differs from the prefix in the URL");
        }
        if (pathFromTrunk != null && fromTrunk != null && !pathFromTrunk.equals(fromTrunk)) {
            throw new InvalidConfigurationException("fromTrunk", "differs from the fromTrunk in the URL");
        }
        return new Route(pathPrefix != null ? pathPrefix : prefix, pathFromTrunk != null ? pathFromTrunk : fromTrunk,
                candidates());
    }

    private List<RouteCandidate> candidates() {
        if (trunks == null || trunks.isEmpty()) {
            return List.of(new RouteCandidate(trunk, RouteCandidate.DEFAULT_PRIORITY));
        }
        List<RouteCandidate> candidates = new ArrayList<>();
        for (Object entry : trunks) {
            candidates.add(candidate(entry));
        }
        if (trunk != null && !(candidates.size() == 1 && candidates.get(0).trunk().equals(trunk))) {
            throw new InvalidConfigurationException("trunk", "conflicts with trunks: give one or the other");
        }
        return candidates;
    }

    private static RouteCandidate candidate(Object entry) {
        if (entry instanceof String name) {
            return new RouteCandidate(name, RouteCandidate.DEFAULT_PRIORITY);
        }
        if (entry instanceof Map<?, ?> object && (object.get("trunk") == null || object.get("trunk") instanceof String)) {
            for (Object key : object.keySet()) {
                if (!"trunk".equals(key) && !"priority".equals(key)) {
                    // As JsonShape does for fixed fields: a misspelt "prio" must not leave the priority at 1.
                    throw JsonShape.unknownField("trunks." + key, List.of("trunk", "priority"));
                }
            }
            Object priority = object.get("priority");
            return new RouteCandidate((String) object.get("trunk"),
                    priority == null ? RouteCandidate.DEFAULT_PRIORITY : wholeNumber(priority));
        }
        throw new InvalidConfigurationException("trunks", "entries must be trunk names or {\"trunk\",\"priority\"}");
    }

    private static int wholeNumber(Object priority) {
        try {
            if (priority instanceof Number number) {
                return new BigDecimal(number.toString()).intValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the refusal
        }
        throw new InvalidConfigurationException("priority", "must be a whole number between 0 and 1000");
    }
}
