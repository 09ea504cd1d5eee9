package io.trunkline.sip;

import io.trunkline.registration.RegisterRequest;

/**
 * The REGISTER a registration session is waiting on an answer to.
 *
 * @param request    what the domain asked for
 * @param challenged whether a 401/407 was answered already: a second one means the credentials are refused
 */
record PendingRegister(RegisterRequest request, boolean challenged) {

    PendingRegister challengeAnswered() {
        return new PendingRegister(request, true);
    }
}
