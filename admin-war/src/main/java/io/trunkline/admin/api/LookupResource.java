package io.trunkline.admin.api;

import io.trunkline.number.E164Number;
import io.trunkline.number.MalformedNumberException;
import io.trunkline.number.NormalizedNumber;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.provisioning.NotFoundException;
import io.trunkline.provisioning.Provisioning;
import io.trunkline.trunk.InvalidConfigurationException;

import javax.enterprise.context.RequestScoped;
import javax.inject.Inject;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/** Number lookup: what Trunkline makes of a dialled string, and whether it is one of our DIDs. */
@Path("lookup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LookupResource {
    @Inject
    NumberNormalizer normalizer;
    @Inject
    Provisioning provisioning;

    public static class LookupJson {
        public String input;
        public String e164;
        public String type;
        public String region;
        public boolean valid;
        public NumberJson did;
    }

    @GET
    public LookupJson lookup(@QueryParam("number") String number, @QueryParam("region") @DefaultValue("US") String region) {
        if (number == null || number.isBlank()) {
            throw new InvalidConfigurationException("number", "is required");
        }
        String readAs = region.trim().toUpperCase(java.util.Locale.ROOT);
        Provisioning.requireKnownRegion("region", readAs);
        NormalizedNumber normalized;
        try {
            normalized = normalizer.normalize(number, readAs);
        } catch (MalformedNumberException e) {
            throw new InvalidConfigurationException("number", e.getMessage());
        }
        LookupJson json = new LookupJson();
        json.input = number;
        json.e164 = normalized.number().value();
        json.type = normalized.type().name();
        json.region = normalized.region();
        json.valid = normalized.valid();
        json.did = didOrNull(normalized.number());
        return json;
    }

    private NumberJson didOrNull(E164Number number) {
        try {
            return NumberJson.of(provisioning.number(number));
        } catch (NotFoundException e) {
            return null;
        }
    }
}
