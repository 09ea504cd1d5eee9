/**
 * The REST API under /api/v1: JSON views of trunks, numbers, routes and CDRs over the provisioning service. Thin:
 * each method converts JSON, calls the domain, converts back. Errors are JSON bodies with a status, never traces.
 */
package io.trunkline.admin.api;
