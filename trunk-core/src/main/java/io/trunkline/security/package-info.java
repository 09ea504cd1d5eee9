/**
 * Administrator credentials: never a default password; one from configuration, or one generated on first start,
 * shown once, and kept only as a salted PBKDF2 hash. Container-free domain code (JDK crypto only).
 */
package io.trunkline.security;
