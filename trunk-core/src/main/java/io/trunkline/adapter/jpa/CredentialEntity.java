package io.trunkline.adapter.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "admin_credential")
public class CredentialEntity {
    @Id
    @Column(name = "username")
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    protected CredentialEntity() {
    }

    CredentialEntity(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String value) {
        passwordHash = value;
    }
}
