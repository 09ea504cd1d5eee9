package io.trunkline.admin.security;

import io.trunkline.runtime.TrunklineRuntime;

import javax.enterprise.context.ApplicationScoped;
import javax.security.enterprise.credential.UsernamePasswordCredential;
import javax.security.enterprise.identitystore.CredentialValidationResult;
import javax.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks the admin password against the stored hash; the only identity store of the application. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {
    public static final String ADMIN_ROLE = "admin";

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        boolean valid = TrunklineRuntime.current().adminAccount()
                .authenticates(credential.getCaller(), credential.getPasswordAsString());
        return valid ? new CredentialValidationResult(credential.getCaller(), Set.of(ADMIN_ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
