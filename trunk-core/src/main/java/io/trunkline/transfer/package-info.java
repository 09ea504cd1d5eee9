/**
 * Call transfer (REFER, RFC 3515): what a trunk's transfer policy makes of a REFER, and where a blind transfer's new
 * leg goes. Container-free domain code; the SIP adapter carries the decision out.
 */
package io.trunkline.transfer;
