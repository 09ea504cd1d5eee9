package io.trunkline.admin.api;

import io.trunkline.cdr.CdrStore;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.provisioning.Provisioning;
import io.trunkline.runtime.TrunklineRuntime;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;

/** Makes the shared runtime's services injectable into resources. */
@ApplicationScoped
public class DomainServices {
    @Produces
    Provisioning provisioning() {
        return TrunklineRuntime.current().provisioning();
    }

    @Produces
    CdrStore cdrStore() {
        return TrunklineRuntime.current().cdrStore();
    }

    @Produces
    NumberNormalizer normalizer() {
        return TrunklineRuntime.current().normalizer();
    }
}
