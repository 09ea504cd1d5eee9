/**
 * Registration of trunks at their carriers' registrars (RFC 3261 §10): when each trunk is due to REGISTER, what its
 * registrar answered, when to refresh, and how long to back off after a failure. Container-free domain code with an
 * injected clock; the SIP adapter sends the REGISTERs and reports the answers.
 */
package io.trunkline.registration;
