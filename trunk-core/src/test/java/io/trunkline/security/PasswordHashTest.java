package io.trunkline.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashTest {
    private static final PasswordHash HASH = PasswordHash.of("correct horse battery staple");

    @Test
    void matchesThePasswordItWasMadeFrom() {
        assertThat(HASH.matches("correct horse battery staple")).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"Correct horse battery staple", "correct horse battery staple ", "correct horse"})
    void doesNotMatchAnyOtherPassword(String wrong) {
        assertThat(HASH.matches(wrong)).isFalse();
    }

    @Test
    void isStoredAsSchemeIterationsSaltAndHashWithoutThePassword() {
        assertThat(HASH.encoded()).startsWith("pbkdf2-sha256$210000$").doesNotContain("correct");
        assertThat(HASH.encoded().split("\\$")).hasSize(4);
    }

    @Test
    void twoHashesOfTheSamePasswordDifferByTheirSaltAndBothMatch() {
        PasswordHash first = PasswordHash.of("s3cret");
        PasswordHash second = PasswordHash.of("s3cret");

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
        assertThat(salt(first)).isNotEqualTo(salt(second));
        assertThat(first.matches("s3cret")).isTrue();
        assertThat(second.matches("s3cret")).isTrue();
    }

    @Test
    void aHashReadBackFromItsStoredFormStillMatches() {
        PasswordHash restored = new PasswordHash(HASH.encoded());

        assertThat(restored.matches("correct horse battery staple")).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {
            "correct horse battery staple",
            "pbkdf2-sha256",
            "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA==",
            "bcrypt$210000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$1000$not base64!$aGFzaA==",
            "pbkdf2-sha256$1000$$aGFzaA==",
            "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$not base64!",
            "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==$extra",
    })
    void aMalformedStoredHashMatchesNothing(String stored) {
        PasswordHash malformed = new PasswordHash(stored);

        assertThat(malformed.matches("correct horse battery staple")).isFalse();
        assertThat(malformed.matches("")).isFalse();
    }

    @Test
    void aWellFormedHashWithAnotherHashValueMatchesNothing() {
        String[] parts = HASH.encoded().split("\\$");
        PasswordHash tampered = new PasswordHash(String.join("$", parts[0], parts[1], parts[2],
                PasswordHash.of("other").encoded().split("\\$")[3]));

        assertThat(tampered.matches("correct horse battery staple")).isFalse();
    }

    private static String salt(PasswordHash hash) {
        return hash.encoded().split("\\$")[2];
    }
}
