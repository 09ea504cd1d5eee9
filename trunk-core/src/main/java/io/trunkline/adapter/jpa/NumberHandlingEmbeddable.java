package io.trunkline.adapter.jpa;

import io.trunkline.number.DialPlan;
import io.trunkline.number.E164Number;
import io.trunkline.number.IdentityTrust;
import io.trunkline.number.NumberFormat;
import io.trunkline.number.NumberHandling;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/** A trunk's number handling in the trunk row; lists are comma-separated (no rule or number can hold a comma). */
@Embeddable
public class NumberHandlingEmbeddable {
    @Column(name = "dial_plan", nullable = false)
    private String dialPlan = "";
    @Column(name = "number_format", nullable = false)
    private String format = NumberFormat.E164.name();
    @Column(name = "tech_prefix")
    private String techPrefix;
    @Column(name = "identity_trust", nullable = false)
    private String trust = IdentityTrust.UNTRUSTED.name();
    @Column(name = "verified_caller_id", nullable = false)
    private boolean verifiedCallerId;
    @Column(name = "default_caller_id")
    private String defaultCallerId;
    @Column(name = "own_caller_ids", nullable = false)
    private String ownCallerIds = "";

    protected NumberHandlingEmbeddable() {
    }

    static NumberHandlingEmbeddable of(NumberHandling numbers) {
        NumberHandlingEmbeddable e = new NumberHandlingEmbeddable();
        e.dialPlan = numbers.dialPlan().format();
        e.format = numbers.format().name();
        e.techPrefix = numbers.techPrefix();
        e.trust = numbers.trust().name();
        e.verifiedCallerId = numbers.verifiedCallerId();
        e.defaultCallerId = numbers.defaultCallerId() == null ? null : numbers.defaultCallerId().value();
        e.ownCallerIds = String.join(",", numbers.ownCallerIds().stream().map(E164Number::value).toList());
        return e;
    }

    NumberHandling toDomain() {
        List<E164Number> own = ownCallerIds == null || ownCallerIds.isBlank() ? List.of()
                : Arrays.stream(ownCallerIds.split(",")).map(E164Number::new).toList();
        return new NumberHandling(DialPlan.parse(dialPlan), NumberFormat.parse(format), techPrefix,
                IdentityTrust.parse(trust), verifiedCallerId,
                defaultCallerId == null ? null : new E164Number(defaultCallerId), own);
    }
}
