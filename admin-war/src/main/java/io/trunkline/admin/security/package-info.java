/**
 * Access control of the admin module with the Java EE Security API: one identity store over the domain's
 * {@link io.trunkline.security.AdminAccount}, HTTP Basic for both the console and the REST API.
 */
package io.trunkline.admin.security;
