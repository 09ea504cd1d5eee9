package io.trunkline.adapter.jpa;

import io.trunkline.trunk.Registration;
import io.trunkline.trunk.Transport;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class RegistrationEmbeddable {
    @Column(name = "registration_enabled", nullable = false)
    private boolean enabled;
    @Column(name = "registrar_host")
    private String registrarHost;
    @Column(name = "registrar_port", nullable = false)
    private int registrarPort;
    @Column(name = "registrar_transport")
    private String transport;
    @Column(name = "registration_aor_user")
    private String aorUser;
    @Column(name = "registration_expires_seconds", nullable = false)
    private int expiresSeconds = Registration.DEFAULT_EXPIRES_SECONDS;

    protected RegistrationEmbeddable() {
    }

    static RegistrationEmbeddable of(Registration registration) {
        RegistrationEmbeddable e = new RegistrationEmbeddable();
        e.enabled = registration.enabled();
        e.registrarHost = registration.registrarHost();
        e.registrarPort = registration.registrarPort();
        e.transport = registration.transport() == null ? null : registration.transport().name();
        e.aorUser = registration.aorUser();
        e.expiresSeconds = registration.expiresSeconds();
        return e;
    }

    Registration toDomain() {
        return new Registration(enabled, registrarHost, registrarPort,
                transport == null ? null : Transport.valueOf(transport), aorUser, expiresSeconds);
    }
}
