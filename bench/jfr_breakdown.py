#!/usr/bin/env python3
"""Where a server's Java CPU goes, from a JFR recording's execution samples (`jfr print --events
jdk.ExecutionSample REC.jfr > samples.txt`): each sample is put in the first category, in the order below, that one
of its frames matches; the share of each category is printed."""
import collections
import re
import sys

CATEGORIES = [
    ("CDR persistence (Hibernate + H2)", ("org.hibernate", "org.h2", "io.trunkline.adapter.jpa")),
    ("numbers (libphonenumber)", ("com.google.i18n.phonenumbers", "io.trunkline.number")),
    ("Trunkline domain + adapters", ("io.trunkline",)),
    ("Liberty SIP container + stack", ("com.ibm.ws.sip", "com.ibm.ws.jain", "com.ibm.sip", "jain.protocol")),
    ("Liberty channel framework (UDP I/O)", ("com.ibm.ws.udpchannel", "com.ibm.ws.channelfw", "com.ibm.io")),
]


def main(path):
    counts, total = collections.Counter(), 0
    for sample in open(path).read().split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", sample, re.M)
        if not frames:
            continue
        total += 1
        name = next((label for label, prefixes in CATEGORIES
                     if any(f.startswith(prefixes) for f in frames)), "other (JDK, threads, timers)")
        counts[name] += 1
    print("%d samples" % total)
    for name, count in counts.most_common():
        print("%5.1f %%  %s" % (100.0 * count / total, name))


if __name__ == "__main__":
    main(sys.argv[1])
