/**
 * The SIP adapter: JSR 289 servlets that translate SIP messages into calls on the domain and render its decisions.
 * Only JSR 289 API is used, so the module runs on Open Liberty and on Restcomm alike.
 */
@SipApplication(name = "trunkline", mainServlet = "trunkline", distributable = false)
package io.trunkline.sip;

import javax.servlet.sip.annotation.SipApplication;
