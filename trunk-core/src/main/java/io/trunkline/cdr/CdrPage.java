package io.trunkline.cdr;

import java.util.List;

/** One page of CDRs, newest first, with the total number of matches. */
public record CdrPage(List<CallDetailRecord> items, int page, int size, long total) {
}
