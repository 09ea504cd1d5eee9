package io.trunkline.admin.api;

import io.trunkline.cdr.CdrStore;
import io.trunkline.limits.OverloadControl;
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
    OverloadControl overload() {
        return TrunklineRuntime.current().overload();
    }

    @Produces
    NumberNormalizer normalizer() {
        return TrunklineRuntime.current().normalizer();
    }
}
