package io.trunkline.admin.security;

import javax.annotation.security.DeclareRoles;
import javax.enterprise.context.ApplicationScoped;
import javax.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic: what curl and scripts use against the REST API, and enough for the minimal console. */
@BasicAuthenticationMechanismDefinition(realmName = "Trunkline")
@DeclareRoles(AdminIdentityStore.ADMIN_ROLE)
@ApplicationScoped
public class BasicAuthentication {
}
