package io.trunkline.registration;

import io.trunkline.testing.MutableClock;
import io.trunkline.trunk.DigestCredentials;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Registration;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TrunkRegistrationsTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger tokens = new AtomicInteger();
    private final TrunkRegistrations registrations = new TrunkRegistrations(clock, () -> "line" + tokens.incrementAndGet());

    private static Trunk registering(String name, int expires) {
        return new Trunk(name, TrunkRole.CARRIER, "US", List.of(new Gateway("carrier.example", 5070, Transport.TCP)))
                .withCredentials(new DigestCredentials("acct", "secret"))
                .withRegistration(new Registration(true, null, 0, null, null, expires));
    }

    private static Trunk notRegistering(String name) {
        return new Trunk(name, TrunkRole.CARRIER, "US", List.of(new Gateway("carrier.example", 5070, Transport.TCP)));
    }

    @Test
    void firstRegistrationGoesToTheFirstGatewayAsTheCredentialsUser() {
        List<RegisterRequest> due = registrations.due(List.of(registering("c1", 600), notRegistering("c2")));

        assertThat(due).hasSize(1);
        RegistrationTarget target = due.get(0).target();
        assertThat(target.host()).isEqualTo("carrier.example");
        assertThat(target.port()).isEqualTo(5070);
        assertThat(target.transport()).isEqualTo(Transport.TCP);
        assertThat(target.aorUser()).isEqualTo("acct");
        assertThat(due.get(0).expiresSeconds()).isEqualTo(600);
        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.REGISTERING);
        assertThat(registrations.status("c2").state()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(registrations.due(List.of(registering("c1", 600)))).as("one attempt at a time").isEmpty();
    }

    @Test
    void successRefreshesAtHalfTheGrantedLifetime() {
        List<Trunk> trunks = List.of(registering("c1", 600));
        RegisterRequest first = registrations.due(trunks).get(0);

        registrations.answered("c1", first.attempt(), 200, 120, -1);

        RegistrationStatus status = registrations.status("c1");
        assertThat(status.state()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(status.lastStatus()).isEqualTo(200);
        assertThat(status.expiresAt()).as("the registrar's 120 s, not the 600 asked").isEqualTo(START.plusSeconds(120));
        clock.advance(Duration.ofSeconds(59));
        assertThat(registrations.due(trunks)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<RegisterRequest> refresh = registrations.due(trunks);
        assertThat(refresh).hasSize(1);
        assertThat(refresh.get(0).line()).as("same Contact").isEqualTo(first.line());
        assertThat(registrations.status("c1").state()).as("still bound while refreshing")
                .isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void refreshTimeIsTheSmallerOfHalfAndThirtySecondsBeforeExpiry() {
        assertThat(TrunkRegistrations.refreshAfter(3600)).isEqualTo(Duration.ofSeconds(1800));
        assertThat(TrunkRegistrations.refreshAfter(50)).isEqualTo(Duration.ofSeconds(20));
        assertThat(TrunkRegistrations.refreshAfter(20)).isEqualTo(Duration.ofSeconds(10));
        assertThat(TrunkRegistrations.refreshAfter(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failureBacksOffDoublingUpToTheMaximum() {
        List<Trunk> trunks = List.of(registering("c1", 600));
        RegisterRequest first = registrations.due(trunks).get(0);
        registrations.answered("c1", first.attempt(), 403, -1, -1);

        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.FAILED);
        assertThat(registrations.status("c1").lastStatus()).isEqualTo(403);
        assertThat(registrations.status("c1").nextAttemptAt()).isEqualTo(START.plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(registrations.due(trunks)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        RegisterRequest second = registrations.due(trunks).get(0);
        registrations.answered("c1", second.attempt(), 503, -1, -1);
        assertThat(registrations.status("c1").nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(registrations.status("c1").consecutiveFailures()).isEqualTo(2);
        assertThat(TrunkRegistrations.backoff(20)).isEqualTo(TrunkRegistrations.MAX_BACKOFF);
    }

    @Test
    void unansweredRegisterFailsAs408() {
        registrations.due(List.of(registering("c1", 600)));
        clock.advance(Duration.ofSeconds(31));

        registrations.expire(Duration.ofSeconds(30));

        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.FAILED);
        assertThat(registrations.status("c1").lastStatus()).isEqualTo(408);
    }

    @Test
    void intervalTooBriefIsRetriedAtOnceWithTheRegistrarsMinimum() {
        List<Trunk> trunks = List.of(registering("c1", 60));
        RegisterRequest first = registrations.due(trunks).get(0);
        registrations.answered("c1", first.attempt(), 423, -1, 300);

        List<RegisterRequest> retry = registrations.due(trunks);
        assertThat(retry).hasSize(1);
        assertThat(retry.get(0).expiresSeconds()).isEqualTo(300);
    }

    @Test
    void staleAnswersAreIgnored() {
        List<Trunk> trunks = List.of(registering("c1", 600));
        RegisterRequest first = registrations.due(trunks).get(0);

        registrations.answered("c1", first.attempt() + 99, 200, 600, -1);

        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.REGISTERING);
    }

    @Test
    void bindingThatExpiresWithoutRefreshIsNoLongerRegistered() {
        List<Trunk> trunks = List.of(registering("c1", 600));
        registrations.answered("c1", registrations.due(trunks).get(0).attempt(), 200, 100, -1);
        clock.advance(Duration.ofSeconds(50));
        registrations.due(trunks); // refresh sent, never answered
        clock.advance(Duration.ofSeconds(51));

        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.REGISTERING);
        assertThat(registrations.status("c1").expiresAt()).isNull();
    }

    @Test
    void deletedOrStoppedTrunkRemovesItsBindingOnce() {
        registrations.answered("c1", registrations.due(List.of(registering("c1", 600))).get(0).attempt(), 200, 600, -1);

        List<RegisterRequest> removal = registrations.due(List.of(notRegistering("c1")));

        assertThat(removal).hasSize(1);
        assertThat(removal.get(0).removesBinding()).isTrue();
        assertThat(removal.get(0).target().aorUser()).isEqualTo("acct");
        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(registrations.trunkOfLine(removal.get(0).line())).isEmpty();
        assertThat(registrations.due(List.of())).isEmpty();
    }

    @Test
    void movingToAnotherRegistrarRemovesTheOldBindingAndRegistersTheNew() {
        registrations.answered("c1", registrations.due(List.of(registering("c1", 600))).get(0).attempt(), 200, 600, -1);

        List<RegisterRequest> due = registrations.due(List.of(registering("c1", 900)));

        assertThat(due).extracting(RegisterRequest::expiresSeconds).containsExactly(0, 900);
    }

    @Test
    void neverRegisteredTrunkNeedsNoRemoval() {
        registrations.answered("c1", registrations.due(List.of(registering("c1", 600))).get(0).attempt(), 403, -1, -1);

        assertThat(registrations.due(List.of())).isEmpty();
    }

    @Test
    void shutdownRemovesEveryBindingInForce() {
        registrations.answered("c1", registrations.due(List.of(registering("c1", 600))).get(0).attempt(), 200, 600, -1);

        assertThat(registrations.removeAll()).extracting(RegisterRequest::expiresSeconds).containsExactly(0);
        assertThat(registrations.status("c1").state()).isEqualTo(RegistrationState.UNREGISTERED);
    }

    @Test
    void ownRegistrarAndUserTakePrecedenceOverTheGatewayAndTheCredentials() {
        Trunk trunk = new Trunk("c1", TrunkRole.CARRIER, "US", List.of(new Gateway("gw.example", 5070, Transport.UDP)))
                .withCredentials(new DigestCredentials("acct", "secret"))
                .withRegistration(new Registration(true, "registrar.example", 0, Transport.TLS, "+14155550100", 300));

        RegistrationTarget target = RegistrationTarget.of(trunk).orElseThrow();

        assertThat(target.host()).isEqualTo("registrar.example");
        assertThat(target.port()).as("the TLS default").isEqualTo(5061);
        assertThat(target.transport()).isEqualTo(Transport.TLS);
        assertThat(target.aorUser()).isEqualTo("+14155550100");
        assertThat(target.credentials().username()).isEqualTo("acct");
    }

    @Test
    void callsToALineTokenBelongToItsTrunk() {
        RegisterRequest request = registrations.due(List.of(registering("c1", 600))).get(0);

        assertThat(registrations.trunkOfLine(request.line())).contains("c1");
        assertThat(registrations.trunkOfLine("forged")).isEmpty();
    }
}
