/**
 * The composition root: wires domain services to their adapters once per application, shared by the SIP and admin
 * web modules through the EAR's lib/ folder. Only this package and the adapters know both sides.
 */
package io.trunkline.runtime;
