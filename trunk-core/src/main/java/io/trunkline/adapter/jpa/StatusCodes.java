package io.trunkline.adapter.jpa;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** SIP status code sets stored as comma-separated text ("408,500,503"): readable in SQL and portable. */
final class StatusCodes {
    private StatusCodes() {
    }

    static String format(Set<Integer> codes) {
        return new TreeSet<>(codes).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Integer> parse(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).collect(Collectors.toSet());
    }
}
