package io.trunkline.security;

import io.trunkline.testing.InMemoryCredentialStore;
import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAccountTest {
    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private final List<String> announced = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    /** An account whose slow-check budget refills only when the test moves {@link #nanos} on. */
    private AdminAccount accountOnTestClocks(String password) {
        return new AdminAccount(PasswordHash.of(password), new MutableClock(Instant.parse("2026-12-02T05:00:00Z")),
                nanos::get);
    }

    @Test
    void aConfiguredPasswordWinsOverTheStoredOneAndReplacesIt() {
        store.save(AdminAccount.USER, PasswordHash.of("stored-before"));

        AdminAccount admin = AdminAccount.establish(Optional.of("from-configuration"), store, announced::add);

        assertThat(admin.authenticates("admin", "from-configuration")).isTrue();
        assertThat(admin.authenticates("admin", "stored-before")).isFalse();
        assertThat(store.find(AdminAccount.USER)).hasValueSatisfying(hash -> {
            assertThat(hash.matches("from-configuration")).isTrue();
            assertThat(hash.encoded()).doesNotContain("from-configuration");
        });
        assertThat(announced).isEmpty();
    }

    @Test
    void withoutAConfiguredPasswordTheStoredHashIsUsedUnchanged() {
        PasswordHash stored = PasswordHash.of("chosen-last-time");
        store.save(AdminAccount.USER, stored);

        AdminAccount admin = AdminAccount.establish(Optional.empty(), store, announced::add);

        assertThat(admin.authenticates("admin", "chosen-last-time")).isTrue();
        assertThat(admin.authenticates("admin", "something-else")).isFalse();
        assertThat(store.find(AdminAccount.USER)).contains(stored);
        assertThat(store.saves()).isEqualTo(1);
        assertThat(announced).isEmpty();
    }

    @Test
    void theFirstStartWithNoPasswordGeneratesOneStoresOnlyItsHashAndAnnouncesItOnce() {
        AdminAccount admin = AdminAccount.establish(Optional.empty(), store, announced::add);

        assertThat(announced).hasSize(1);
        String generated = announced.get(0);
        assertThat(generated).hasSize(20).matches("[A-Za-z2-9]+");
        assertThat(admin.authenticates("admin", generated)).isTrue();
        assertThat(store.find(AdminAccount.USER)).hasValueSatisfying(hash -> {
            assertThat(hash.encoded()).doesNotContain(generated);
            assertThat(hash.matches(generated)).isTrue();
        });
    }

    @Test
    void theNextStartAnnouncesNothingAndStillAcceptsTheGeneratedPassword() {
        AdminAccount.establish(Optional.empty(), store, announced::add);
        String generated = announced.get(0);
        List<String> announcedOnRestart = new ArrayList<>();

        AdminAccount restarted = AdminAccount.establish(Optional.empty(), store, announcedOnRestart::add);

        assertThat(announcedOnRestart).isEmpty();
        assertThat(restarted.authenticates("admin", generated)).isTrue();
        assertThat(store.saves()).isEqualTo(1);
    }

    @Test
    void generatedPasswordsDifferFromOneInstallationToTheNext() {
        List<String> elsewhere = new ArrayList<>();
        AdminAccount.establish(Optional.empty(), store, announced::add);
        AdminAccount.establish(Optional.empty(), new InMemoryCredentialStore(), elsewhere::add);

        assertThat(announced.get(0)).isNotEqualTo(elsewhere.get(0));
    }

    @Test
    void onlyTheAdminUserIsAuthenticated() {
        AdminAccount admin = AdminAccount.establish(Optional.of("s3cret"), store, announced::add);

        assertThat(admin.authenticates("root", "s3cret")).isFalse();
        assertThat(admin.authenticates("Admin", "s3cret")).isFalse();
        assertThat(admin.authenticates(null, "s3cret")).isFalse();
        assertThat(admin.authenticates("admin", null)).isFalse();
    }

    @Test
    void aPasswordAcceptedOnceIsAcceptedAgainAndAWrongOneStillRefusedAfterIt() {
        AdminAccount admin = AdminAccount.establish(Optional.of("s3cret"), store, announced::add);

        assertThat(admin.authenticates("admin", "s3cret")).isTrue();
        assertThat(admin.authenticates("admin", "s3cret")).isTrue();
        assertThat(admin.authenticates("admin", "s3cret!")).isFalse();
        assertThat(admin.authenticates("root", "s3cret")).isFalse();
        assertThat(admin.authenticates("admin", "s3cret")).isTrue();
    }

    @Test
    void wrongPasswordsBeyondTheSlowCheckBudgetAreRefusedUncheckedWhileARecognisedOneStillWorks() {
        AdminAccount admin = accountOnTestClocks("s3cret");
        assertThat(admin.authenticates("admin", "s3cret")).as("first check, within the budget").isTrue();
        assertThat(admin.authenticates("admin", "guess-1")).isFalse();

        // The budget (2 a second) is spent: even the right password would not be checked now, but it is recognised.
        assertThat(admin.authenticates("admin", "guess-2")).isFalse();
        assertThat(admin.authenticates("admin", "s3cret")).isTrue();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(admin.authenticates("admin", "guess-3")).isFalse();
        assertThat(admin.authenticates("admin", "s3cret")).isTrue();
    }

    @Test
    void aPasswordNotYetVerifiedWaitsForTheBudgetToRefill() {
        AdminAccount admin = accountOnTestClocks("s3cret");
        assertThat(admin.authenticates("admin", "guess-1")).isFalse();
        assertThat(admin.authenticates("admin", "guess-2")).isFalse();

        assertThat(admin.authenticates("admin", "s3cret")).as("refused unchecked").isFalse();
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(admin.authenticates("admin", "s3cret")).as("one token earned").isTrue();
    }
}
