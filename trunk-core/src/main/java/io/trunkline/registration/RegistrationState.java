package io.trunkline.registration;

/** What Trunkline knows of a trunk's binding at its registrar. */
public enum RegistrationState {
    /** Registration off, or not attempted yet. */
    UNREGISTERED,
    /** A REGISTER is on its way and no binding is known to be in force. */
    REGISTERING,
    /** The registrar accepted the last REGISTER and the binding has not expired. */
    REGISTERED,
    /** The last REGISTER was refused or went unanswered; another follows after a back-off. */
    FAILED
}
