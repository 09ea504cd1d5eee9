/**
 * What Trunkline remembers about SIP transactions after the container has let them go: only the identity of each
 * INVITE, so that a late copy is recognised instead of being taken for a new call. Container-free domain code.
 */
package io.trunkline.transaction;
