/**
 * Provisioning: the administrator's changes to trunks, numbers and routes, checked for consistency with each other
 * and applied to routing at once. Container-free domain code; the REST API is a thin adapter over it.
 */
package io.trunkline.provisioning;
