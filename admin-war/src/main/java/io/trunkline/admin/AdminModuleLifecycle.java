package io.trunkline.admin;

import io.trunkline.runtime.ModuleLifecycle;

import javax.servlet.annotation.WebListener;

/** Starts Trunkline (or joins the running instance) before the admin module serves requests. */
@WebListener
public class AdminModuleLifecycle extends ModuleLifecycle {
}
