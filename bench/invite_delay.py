#!/usr/bin/env python3
"""Added session request delay of a B2BUA: for each call, the time from the caller's INVITE arriving at the server
to the server's INVITE leaving for the callee, both as captured on loopback.

    invite_delay.py INVITES.csv CDRS.json... --sip-port 5060 --carrier-port 5170 --pbx-port 5180
    invite_delay.py INVITES.csv --pair-header X-Bench-Inbound-Call-Id --sip-port 5060 ...   (the bare B2BUA)

INVITES.csv: tshark fields frame.time_epoch, udp.srcport, udp.dstport, data.data (the UDP payload in hex, read
with the SIP dissector off, which is a hundred times faster than letting tshark parse SIP); the Call-ID is read
here from each payload that is an INVITE request (long or compact header form). The two
legs have different Call-IDs (topology hiding), so each pair is made through the call's CDR (inboundCallId,
outboundCallId) from the REST API; or, for bench/bare-b2bua, which keeps no CDRs, through a header its outbound
INVITE carries with the inbound Call-ID (--pair-header). Retransmissions are ignored: the first copy of each INVITE
counts.
"""
import argparse
import datetime
import json
import re
import sys


CALL_ID = (b"call-id", b"i")


def header_of_invite(payload, names):
    """The value of the first header named one of names (lower case) in an INVITE request's bytes, or None for
    anything else."""
    if not payload.startswith(b"INVITE "):
        return None
    head = payload.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() in names:
            return value.strip().decode("ascii", "replace")
    return None


def first_invites(path, source_port, destination_port, key_header=CALL_ID):
    """Time of the first copy of each INVITE from source_port to destination_port, by the value of key_header."""
    first = {}
    with open(path) as lines:
        for line in lines:
            parts = line.rstrip("\n").split(",", 3)
            if len(parts) < 4 or not parts[3]:
                continue
            time, source, destination = float(parts[0]), int(parts[1]), int(parts[2])
            if source != source_port or destination != destination_port:
                continue
            key = header_of_invite(bytes.fromhex(parts[3].replace(":", "")), key_header)
            if key is not None and key not in first:
                first[key] = time
    return first


def percentile(sorted_values, fraction):
    """Nearest-rank percentile (no interpolation): a value that was actually measured."""
    rank = max(1, int(round(fraction * len(sorted_values) + 0.4999999)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("invites")
    parser.add_argument("cdrs", nargs="*")
    parser.add_argument("--pair-header", help="pair by this outbound header's value (the inbound Call-ID), not CDRs")
    parser.add_argument("--slow-windows", type=float, metavar="MS",
                        help="also list each 100 ms of the trial in which some INVITE took longer than MS")
    parser.add_argument("--gc-log", help="the server's -Xlog:gc,gc+phases log (utctime): list the trial's GC phases")
    parser.add_argument("--sip-port", type=int, required=True)
    parser.add_argument("--carrier-port", type=int, required=True)
    parser.add_argument("--pbx-port", type=int, required=True)
    args = parser.parse_args()
    if bool(args.cdrs) == bool(args.pair_header):
        sys.exit("give either CDR pages or --pair-header")
    inbound = first_invites(args.invites, args.carrier_port, args.sip_port)
    if args.pair_header:
        outbound = first_invites(args.invites, args.sip_port, args.pbx_port, (args.pair_header.lower().encode(),))
        pairs = [(call_id, call_id) for call_id in inbound]
        unpaired_what = "inbound INVITEs without an outbound one in the capture"
    else:
        outbound = first_invites(args.invites, args.sip_port, args.pbx_port)
        pairs = [(cdr.get("inboundCallId"), cdr.get("outboundCallId"))
                 for page in args.cdrs for cdr in json.load(open(page))["items"]]
        unpaired_what = "CDRs without both INVITEs in the capture"
    timed, unpaired = [], 0  # (inbound INVITE's time, its delay in ms) per paired call
    for key_in, key_out in pairs:
        time_in, time_out = inbound.get(key_in), outbound.get(key_out)
        if time_in is None or time_out is None:
            unpaired += 1
        else:
            timed.append((time_in, (time_out - time_in) * 1000.0))
    if not timed:
        sys.exit("no INVITE could be paired: check ports and capture")
    delays = sorted(delay for _, delay in timed)
    first, last = min(time for time, _ in timed), max(time for time, _ in timed)
    print("inbound INVITEs %d, outbound INVITEs %d, paired %d, %s %d"
          % (len(inbound), len(outbound), len(delays), unpaired_what, unpaired))
    print("INVITE in -> INVITE out (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  mean %.3f"
          % (percentile(delays, 0.50), percentile(delays, 0.90), percentile(delays, 0.99),
             percentile(delays, 0.999), delays[-1], sum(delays) / len(delays)))
    if args.slow_windows is not None:
        print_slow_windows(timed, first, args.slow_windows)
    if args.gc_log:
        print_gc_phases(args.gc_log, first, last)


# "GC(8) Concurrent Relocate 381.339ms"; generational ZGC (Java 21+) puts "y: " or "O: " (young, old) before the phase.
GC_PHASE = re.compile(r"^\[(\S+?)\].*?GC\((\d+)\) ((?:[yYO]: )?(?:Pause|Concurrent) [A-Za-z -]+?) ([\d.]+)ms$")


def print_gc_phases(path, first, last):
    """The collector's phases (pauses and concurrent work over 1 ms) that overlap the trial, in trial seconds."""
    with open(path) as lines:
        for line in lines:
            match = GC_PHASE.match(line.strip())
            if not match:
                continue
            ended = datetime.datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            took = float(match.group(4)) / 1000.0
            if ended >= first and ended - took <= last and (took >= 0.001 or "Pause" in match.group(3)):
                print("  %6.2f-%6.2f s: GC(%s) %s %.1f ms"
                      % (ended - took - first, ended - first, match.group(2), match.group(3), took * 1000))


def print_slow_windows(timed, first, threshold):
    """Whether the slow INVITEs come spread out or all together (a stall): the 100 ms windows holding any."""
    windows = {}
    for time, delay in timed:
        windows.setdefault(int((time - first) * 10), []).append(delay)
    for window in sorted(windows):
        slow = [delay for delay in windows[window] if delay > threshold]
        if slow:
            print("  %6.1f s: %3d of %3d INVITEs over %g ms, slowest %.1f ms"
                  % (window / 10.0, len(slow), len(windows[window]), threshold, max(slow)))


if __name__ == "__main__":
    main()
