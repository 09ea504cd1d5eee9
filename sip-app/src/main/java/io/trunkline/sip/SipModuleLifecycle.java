package io.trunkline.sip;

import io.trunkline.runtime.ModuleLifecycle;

import javax.servlet.annotation.WebListener;

/** Starts Trunkline (or joins the running instance) before the SIP servlet loads, and releases it on stop. */
@WebListener
public class SipModuleLifecycle extends ModuleLifecycle {
}
