/**
 * Media anchoring: RTP/SRTP relay, recording, IVR prompts, DTMF and MSRP. Empty until the media issue; signalling
 * calls today pass SDP end to end and media flows directly between the peers.
 */
package io.trunkline.media;
