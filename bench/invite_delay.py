#!/usr/bin/env python3
"""Added session request delay of a B2BUA: for each call, the time from the caller's INVITE arriving at the server
to the server's INVITE leaving for the callee, both as captured on loopback.

    invite_delay.py INVITES.csv CDRS.json... --sip-port 5060 --carrier-port 5170 --pbx-port 5180

INVITES.csv: tshark fields frame.time_epoch, udp.srcport, udp.dstport, data.data (the UDP payload in hex, read
with the SIP dissector off, which is a hundred times faster than letting tshark parse SIP); the Call-ID is read
here from each payload that is an INVITE request (long or compact header form). The two
legs have different Call-IDs (topology hiding), so each pair is made through the call's CDR (inboundCallId,
outboundCallId) from the REST API. Retransmissions are ignored: the first copy of each INVITE counts.
"""
import argparse
import json
import sys


def call_id_of_invite(payload):
    """The Call-ID of an INVITE request's bytes, or None for anything else."""
    if not payload.startswith(b"INVITE "):
        return None
    head = payload.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"call-id", b"i"):
            return value.strip().decode("ascii", "replace")
    return None


def first_invites(path, source_port, destination_port):
    first = {}
    with open(path) as lines:
        for line in lines:
            parts = line.rstrip("\n").split(",", 3)
            if len(parts) < 4 or not parts[3]:
                continue
            time, source, destination = float(parts[0]), int(parts[1]), int(parts[2])
            if source != source_port or destination != destination_port:
                continue
            call_id = call_id_of_invite(bytes.fromhex(parts[3].replace(":", "")))
            if call_id is not None and call_id not in first:
                first[call_id] = time
    return first


def percentile(sorted_values, fraction):
    """Nearest-rank percentile (no interpolation): a value that was actually measured."""
    rank = max(1, int(round(fraction * len(sorted_values) + 0.4999999)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("invites")
    parser.add_argument("cdrs", nargs="+")
    parser.add_argument("--sip-port", type=int, required=True)
    parser.add_argument("--carrier-port", type=int, required=True)
    parser.add_argument("--pbx-port", type=int, required=True)
    args = parser.parse_args()
    inbound = first_invites(args.invites, args.carrier_port, args.sip_port)
    outbound = first_invites(args.invites, args.sip_port, args.pbx_port)
    delays, unpaired = [], 0
    for page in args.cdrs:
        for cdr in json.load(open(page))["items"]:
            time_in = inbound.get(cdr.get("inboundCallId"))
            time_out = outbound.get(cdr.get("outboundCallId"))
            if time_in is None or time_out is None:
                unpaired += 1
            else:
                delays.append((time_out - time_in) * 1000.0)
    if not delays:
        sys.exit("no INVITE could be paired: check ports and capture")
    delays.sort()
    print("inbound INVITEs %d, outbound INVITEs %d, paired %d, CDRs without both INVITEs in the capture %d"
          % (len(inbound), len(outbound), len(delays), unpaired))
    print("INVITE in -> INVITE out (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  mean %.3f"
          % (percentile(delays, 0.50), percentile(delays, 0.90), percentile(delays, 0.99),
             percentile(delays, 0.999), delays[-1], sum(delays) / len(delays)))


if __name__ == "__main__":
    main()
