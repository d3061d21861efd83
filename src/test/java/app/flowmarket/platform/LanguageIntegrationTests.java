package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LanguageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Test
    void theBrowsersLanguageIsUsedAndAChoiceSticks() {
        assertThat(new WebSession(port).getWithHeaders("/login", Map.of("Accept-Language", "de-DE,de;q=0.9")).body())
                .contains("lang=\"de\"").contains("Passwort vergessen?");
        assertThat(new WebSession(port).getWithHeaders("/login", Map.of("Accept-Language", "ja")).body())
                .contains("lang=\"en\"").contains("Forgot your password?");

        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/login?lang=es").body()).contains("¿Olvidaste tu contraseña?");
        assertThat(visitor.get("/workflows").body()).contains("Todos los workflows");
        assertThat(visitor.get("/workflows?lang=xx").body()).as("unknown languages are ignored").contains("Todos los workflows");
    }

    @Test
    void mailsGoOutInTheLanguageTheRecipientChose() {
        String email = Fixtures.uniqueEmail("francophone");
        accounts.createVerified(email, Fixtures.PASSWORD, "Fanny");
        WebSession browser = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        browser.get("/settings?lang=fr");

        assertThat(accounts.loadUserByUsername(email).locale()).isEqualTo("fr");
        // a password reset asked for from another browser (in English) still reaches her in French
        new WebSession(port).post("/forgot-password", Map.of("email", email));
        assertThat(Mailbox.awaitMail(email, "Réinitialisez votre mot de passe Flowmarket")).isNotNull();
    }
}
