package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTests {

    @Test
    void flagsBlockedDomainsSpamPhrasesLinkFloodsRepetitionAndBannedWords() {
        assertThat(TextRules.check("Get the template at https://bit.ly/abc123")).containsExactly("blocked-domain: bit.ly");
        assertThat(TextRules.check("MAKE MONEY FAST with this flow")).containsExactly("spam-phrase: make money fast");
        assertThat(TextRules.check("https://a.example.org ".repeat(9))).contains("too-many-links: 9");
        assertThat(TextRules.check("cheap ".repeat(12) + "workflow")).containsExactly("repetition: cheap ×12");
        assertThat(TextRules.check("A nulled copy of a paid tool")).containsExactly("banned-word: nulled");
    }

    @Test
    void leavesOrdinaryListingsAlone() {
        assertThat(TextRules.check("""
                Sends new Stripe invoices to Slack and logs them in Google Sheets. See https://docs.n8n.io/ and
                https://stripe.com/docs for the setup. Works with the free plan; money arrives in your account as usual.""")).isEmpty();
    }
}
