/**
 * The benchmark's baseline: the least a JSR 289 B2BUA must do to bridge two legs (no source check, no numbering, no
 * lookup, no limits, no CDR), so that bench/rate-search.sh can say what Trunkline's own work costs.
 */
@SipApplication(name = "bare-b2bua", mainServlet = "bare", distributable = false)
package io.trunkline.bench.bare;

import javax.servlet.sip.annotation.SipApplication;
