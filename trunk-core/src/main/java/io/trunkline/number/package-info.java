/**
 * Numbers: E.164 normalisation and classification (backed by Google's libphonenumber), DIDs and where they route.
 * Container-free domain code.
 */
package io.trunkline.number;
