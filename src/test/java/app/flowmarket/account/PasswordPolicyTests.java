package app.flowmarket.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortPasswords() {
        assertThat(policy.check("Xk9#a")).contains("password.too-short");
        assertThat(policy.check("")).contains("password.too-short");
        assertThat(policy.check(null)).contains("password.too-short");
    }

    @Test
    void refusesTheMostCommonPasswordsEvenWhenLongEnough() {
        assertThat(policy.check("password123")).contains("password.common");
        assertThat(policy.check("1234567890")).contains("password.common");
        assertThat(policy.check("qwertyuiop")).contains("password.common");
    }

    @Test
    void refusesGuessablePasswordsBuiltFromTheUsersOwnDetails() {
        assertThat(policy.check("jane.doe@example.com", "jane.doe@example.com", "Jane Doe")).isPresent();
    }

    @Test
    void refusesAPasswordThatIsStrongOnlyThanksToTheNameOrAddress() {
        assertThat(policy.check("janedoe12345", "jane.doe@example.com", "Jane Doe")).contains("password.personal");
        assertThat(policy.check("JaneDoe-2024!", "jd@example.com", "Jane Doe")).contains("password.personal");
        assertThat(policy.check("mcfly1985!!", "marty.mcfly@example.com", "Marty")).isPresent();
        // the name inside an otherwise strong pass-phrase is fine
        assertThat(policy.check("jane tangerine-Velvet-orbit-92", "jane.doe@example.com", "Jane Doe")).isEmpty();
    }

    @Test
    void acceptsStrongPassphrasesIncludingVeryLongOnes() {
        assertThat(policy.check("correct horse battery staple")).isEmpty();
        assertThat(policy.check("tangerine-Velvet-orbit-92")).isEmpty();
        String longPassphrase = "the quick brown fox jumps over the lazy dog near the riverbank at dawn!";
        assertThat(longPassphrase.length()).isGreaterThanOrEqualTo(64);
        assertThat(policy.check(longPassphrase)).isEmpty();
        assertThat(policy.check("ünïcödé-pässwörd-ßtrøng-✓")).isEmpty();
    }

    @Test
    void refusesAbsurdlyLongInput() {
        assertThat(policy.check("a".repeat(PasswordPolicy.MAX_LENGTH + 1))).contains("password.too-long");
    }
}
