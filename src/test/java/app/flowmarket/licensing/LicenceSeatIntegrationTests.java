package app.flowmarket.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team or company licence's buyer gives its seats to addresses; whoever signs in with a (verified) address holding a seat
 * finds the licence's workflows in their library and downloads them, until the seat is taken back or the licence refunded.
 */
@IntegrationTest
class LicenceSeatIntegrationTests {

    private static final Pattern KEY = Pattern.compile("FM(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}){4}");
    private static final Pattern REMOVE = Pattern.compile("href=\"(/library/licences/[^\"]+/seats/([0-9a-f-]{36})/remove)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Licensing licensing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicensingPersonalData personalData;

    record Licence(WebSession seller, String workflowId, String title, String email, WebSession buyer, String orderPath, String key) {

        String page() {
            return "/library/licences/" + key;
        }
    }

    /** A paid purchase whose licence is of the tier (the tier the order line would carry once tiers are for sale). */
    Licence licence(LicenceTier tier) {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Seated flow " + Fixtures.uniqueSlug("seat");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "20");
        String email = Fixtures.uniqueEmail("teamlead");
        accounts.createVerified(email, Fixtures.PASSWORD, "Tara Teamlead");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        Matcher key = KEY.matcher(buyer.get("/library").assertStatus(200).body());
        assertThat(key.find()).isTrue();
        jdbc.sql("update licence set tier = ? where licence_key = ?").params(tier.name(), key.group()).update();
        return new Licence(seller, workflowId, title, email, buyer, orderPath, key.group());
    }

    record Member(String email, UUID id, WebSession session) {
    }

    Member member(String name) {
        String email = Fixtures.uniqueEmail(name);
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, name);
        return new Member(email, id, new WebSession(port).signIn(email, Fixtures.PASSWORD));
    }

    /** Gives a seat as the buyer's browser does and returns the licence page it is sent back to, with its message. */
    static WebSession.Page assign(WebSession buyer, Licence licence, String email) {
        WebSession.Page answer = buyer.post(licence.page() + "/seats", Map.of("email", email)).assertStatus(302);
        assertThat(answer.location()).isEqualTo(licence.page() + "#seats");
        return buyer.get(licence.page()).assertStatus(200);
    }

    String latestVersion(String workflowId) {
        return jdbc.sql("select id::text from workflow_version where workflow_id = ?::uuid order by number desc limit 1").param(workflowId)
                .query(String.class).single();
    }

    static String removeLink(String page, String email) {
        int at = page.indexOf(email);
        assertThat(at).as("the page lists " + email).isPositive();
        Matcher remove = REMOVE.matcher(page);
        assertThat(remove.find(at)).isTrue();
        return remove.group(1);
    }

    @Test
    void theBuyerGivesATeamLicencesFourOtherSeatsAndNoMore() throws Exception {
        Licence licence = licence(LicenceTier.TEAM);
        Member colleague = member("colleague");

        WebSession.Page page = licence.buyer().get(licence.page()).assertStatus(200);
        assertThat(page.body()).contains("1 of 5 seats used").contains("Give a seat");

        assertThat(assign(licence.buyer(), licence, " " + colleague.email().toUpperCase() + " ").body())
                .contains("A seat went to " + colleague.email()).contains("2 of 5 seats used");
        String[] others = {Fixtures.uniqueEmail("dev"), Fixtures.uniqueEmail("ops"), Fixtures.uniqueEmail("pm")};
        for (String other : others) {
            assign(licence.buyer(), licence, other);
        }
        page = licence.buyer().get(licence.page());
        assertThat(page.body()).contains("5 of 5 seats used").contains(colleague.email()).contains(others[0]).contains(others[2])
                .contains("Every seat is taken").doesNotContain("id=\"seat-email\"");
        assertThat(page.body().split("Has an account", -1)).as("only the colleague has an account").hasSize(2);
        assertThat(page.body().split("No account yet", -1)).hasSize(4);

        assertThat(assign(licence.buyer(), licence, Fixtures.uniqueEmail("sixth")).body())
                .contains("Every seat of this licence is taken (5 seats)").contains("5 of 5 seats used");
        assertThat(jdbc.sql("select count(*) from licence_seat s join licence l on l.id = s.licence_id where l.licence_key = ?")
                .param(licence.key()).query(Integer.class).single()).isEqualTo(4);

        String token = LicenceIntegrationTests.token(licence.seller(), "licences:read");
        HttpResponse<String> check = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/licences/verify")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + licence.key() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(LicenceIntegrationTests.json(check).get("seatsUsed").asInt()).as("the licence check counts the seats").isEqualTo(5);
        assertThat(LicenceIntegrationTests.json(check).get("seatsTotal").asInt()).isEqualTo(5);
        assertThat(check.body()).doesNotContain(colleague.email());
    }

    @Test
    void anAddressThatIsNotOneTheBuyersOwnOrOneAlreadySeatedIsRefused() {
        Licence licence = licence(LicenceTier.TEAM);
        String seated = Fixtures.uniqueEmail("seated");
        assign(licence.buyer(), licence, seated);

        assertThat(assign(licence.buyer(), licence, "not an address").body()).contains("Enter a valid e-mail address.");
        assertThat(assign(licence.buyer(), licence, "").body()).contains("Enter a valid e-mail address.");
        assertThat(assign(licence.buyer(), licence, seated.toUpperCase()).body()).contains(seated + " already holds a seat on this licence");
        assertThat(assign(licence.buyer(), licence, licence.email()).body()).contains("That address is yours");
        assertThat(licence.buyer().get(licence.page()).body()).contains("2 of 5 seats used");
    }

    @Test
    void aSingleUserLicenceHasNoSeatToGiveAndACompanyLicenceHasNoLimit() {
        Licence single = licence(LicenceTier.SINGLE);
        assertThat(single.buyer().get(single.page()).body()).as("no seats panel, a line saying what team licences share")
                .contains("A single-user licence is yours alone").doesNotContain("seats used").doesNotContain("id=\"seat-email\"");
        assertThat(assign(single.buyer(), single, Fixtures.uniqueEmail("friend")).body()).contains("A single-user licence is yours alone");

        Licence company = licence(LicenceTier.COMPANY);
        for (int i = 0; i < 6; i++) {
            assign(company.buyer(), company, Fixtures.uniqueEmail("staff" + i));
        }
        assertThat(company.buyer().get(company.page()).body()).contains("7 seats used (unlimited)").contains("id=\"seat-email\"");
    }

    @Test
    void seatsGivenAreLimitedPerHourSinceEachMailsSomeone() {
        Licence company = licence(LicenceTier.COMPANY);
        for (int i = 0; i < Licensing.SEAT_ASSIGNMENTS_PER_HOUR; i++) {
            assertThat(company.buyer().post(company.page() + "/seats", Map.of("email", Fixtures.uniqueEmail("crew" + i))).status()).isEqualTo(302);
        }
        String late = Fixtures.uniqueEmail("late");
        assertThat(assign(company.buyer(), company, late).body()).contains("You gave too many seats in the last hour (at most 30)")
                .contains((1 + Licensing.SEAT_ASSIGNMENTS_PER_HOUR) + " seats used");
        assertThat(Mailbox.to(late)).isEmpty();
    }

    @Test
    void aSeatHolderDownloadsTheWorkflowsUntilTheSeatIsTakenBack() {
        Licence licence = licence(LicenceTier.TEAM);
        Member colleague = member("holder");
        String version = latestVersion(licence.workflowId());
        assertThat(colleague.session().get("/library").body()).doesNotContain(licence.title());
        assertThat(colleague.session().get("/library/download/" + version).status()).isEqualTo(403);

        assign(licence.buyer(), licence, colleague.email());
        String library = colleague.session().get("/library").assertStatus(200).body();
        assertThat(library).contains(licence.title()).contains("Seat on Tara Teamlead’s licence · Team (5 seats)")
                .contains("/library/download/" + version);
        assertThat(colleague.session().get("/library/download/" + version).assertStatus(200).body()).contains("\"nodes\"");
        assertThat(licensing.owns(AccountId.of(colleague.id()), WorkflowId.of(UUID.fromString(licence.workflowId())))).isTrue();
        assertThat(licensing.ownerIds(WorkflowId.of(UUID.fromString(licence.workflowId())))).contains(AccountId.of(colleague.id()));
        assertThat(colleague.session().get(licence.page()).status()).as("a seat holder does not see the buyer's licence").isEqualTo(404);

        String remove = removeLink(licence.buyer().get(licence.page()).body(), colleague.email());
        assertThat(licence.buyer().get(remove).assertStatus(200).body()).contains("Take back the seat of " + colleague.email() + "?");
        assertThat(licence.buyer().post(remove, Map.of()).assertStatus(302).location()).isEqualTo(licence.page() + "#seats");
        assertThat(licence.buyer().get(licence.page()).body()).contains(colleague.email() + " no longer holds a seat").contains("1 of 5 seats used");

        assertThat(colleague.session().get("/library").body()).doesNotContain(licence.title());
        assertThat(colleague.session().get("/library/download/" + version).status()).isEqualTo(403);
        assertThat(licence.buyer().get("/library/download/" + version).status()).as("the buyer keeps theirs").isEqualTo(200);
    }

    @Test
    void aSeatHolderWithAnAccountFindsTheSeatGivenAndTakenBackAmongTheirNotifications() {
        Licence licence = licence(LicenceTier.TEAM);
        Member colleague = member("notified");
        String stranger = Fixtures.uniqueEmail("no-account");
        assign(licence.buyer(), licence, colleague.email());
        assign(licence.buyer(), licence, stranger);

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(colleague.id(), "LICENCE_SEAT_GIVEN") == 1);
        String list = colleague.session().get("/notifications").assertStatus(200).body();
        assertThat(list).contains("You have a seat on a licence for “" + licence.title() + "”: it is in your library").contains("Tara Teamlead")
                .contains("name=\"next\" value=\"/library\"");
        UUID buyerId = jdbc.sql("select id from account where email = ?").param(licence.email()).query(UUID.class).single();
        assertThat(notifications(buyerId, "LICENCE_SEAT_GIVEN")).as("nor the buyer").isZero();

        licence.buyer().post(removeLink(licence.buyer().get(licence.page()).body(), colleague.email()), Map.of()).assertStatus(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(colleague.id(), "LICENCE_SEAT_TAKEN_BACK") == 1);
        assertThat(colleague.session().get("/notifications").body())
                .contains("Your seat on the licence for “" + licence.title() + "” was taken back");
        assertThat(jdbc.sql("select count(*) from notification n join account a on a.id = n.recipient_id where a.email = ?").param(stranger)
                .query(Long.class).single()).as("an address without an account has only its mail").isZero();
    }

    long notifications(UUID recipient, String type) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and type = ? and link = '/library'").params(recipient, type)
                .query(Long.class).single();
    }

    @Test
    void anAddressWithoutAnAccountGetsTheWorkflowsOnceItsOwnerSignsUpAndConfirmsIt() {
        Licence licence = licence(LicenceTier.TEAM);
        String newcomer = Fixtures.uniqueEmail("newcomer");
        assign(licence.buyer(), licence, newcomer);

        accounts.signUp(new AccountManagement.SignUp(newcomer, Fixtures.PASSWORD, "Nora Newcomer"));
        String verify = Mailbox.link(Mailbox.awaitMail(newcomer, "Confirm your e-mail address"), "/verify-email");
        WebSession session = new WebSession(port).signIn(newcomer, Fixtures.PASSWORD);
        assertThat(session.get("/library").body()).as("not before the address is confirmed").doesNotContain(licence.title());

        session.get(verify).assertStatus(200);
        assertThat(session.get("/library").body()).contains(licence.title()).contains("Seat on Tara Teamlead’s licence");
        assertThat(licence.buyer().get(licence.page()).body()).contains("Has an account");
    }

    @Test
    void aRefundTakesTheWorkflowsFromEverySeatHolder() {
        Licence licence = licence(LicenceTier.TEAM);
        Member first = member("first");
        Member second = member("second");
        assign(licence.buyer(), licence, first.email());
        assign(licence.buyer(), licence, second.email());
        String version = latestVersion(licence.workflowId());
        assertThat(second.session().get("/library/download/" + version).status()).isEqualTo(200);

        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(licence.orderPath().substring("/orders/".length()))
                .query(String.class).single();
        licence.seller().post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302);

        for (Member holder : new Member[] {first, second}) {
            assertThat(holder.session().get("/library").body()).doesNotContain(licence.title());
            assertThat(holder.session().get("/library/download/" + version).status()).isEqualTo(403);
        }
        String page = licence.buyer().get(licence.page()).body();
        assertThat(page).contains("This licence was refunded: its seats no longer give access.").doesNotContain("id=\"seat-email\"");
        assertThat(assign(licence.buyer(), licence, Fixtures.uniqueEmail("late")).body()).contains("its seats cannot be given");
    }

    @Test
    void nobodyButTheBuyerSeesOrChangesTheSeats() {
        Licence licence = licence(LicenceTier.TEAM);
        Member colleague = member("kept");
        assign(licence.buyer(), licence, colleague.email());
        String remove = removeLink(licence.buyer().get(licence.page()).body(), colleague.email());
        WebSession stranger = member("stranger").session();

        assertThat(stranger.get(licence.page()).status()).isEqualTo(404);
        assertThat(stranger.post(licence.page() + "/seats", Map.of("email", Fixtures.uniqueEmail("intruder"))).status()).isEqualTo(404);
        assertThat(stranger.get(remove).status()).isEqualTo(404);
        assertThat(stranger.post(remove, Map.of()).status()).isEqualTo(404);
        assertThat(colleague.session().post(remove, Map.of()).status()).as("nor the seat holder").isEqualTo(404);

        Licence other = licence(LicenceTier.TEAM);
        String foreignSeat = remove.replace(licence.key(), other.key());
        assertThat(other.buyer().post(foreignSeat, Map.of()).status()).as("a seat of another licence, through one's own key").isEqualTo(404);
        assertThat(licence.buyer().post(licence.page().replace(licence.key(), "FM-22222-22222-22222-22222") + "/seats",
                Map.of("email", Fixtures.uniqueEmail("x"))).status()).isEqualTo(404);

        assertThat(licence.buyer().get(licence.page()).body()).contains("2 of 5 seats used").contains(colleague.email())
                .doesNotContain("intruder");
        assertThat(colleague.session().get("/library").body()).contains(licence.title());
        assertThat(new WebSession(port).post(licence.page() + "/seats", Map.of("email", "a@b.example")).status())
                .as("signed out: to the sign-in page").isIn(302, 403);
    }

    @Test
    void erasingAHoldersDataGivesTheirSeatBackAndTheBuyersExportListsTheSeatsGiven() {
        Licence licence = licence(LicenceTier.TEAM);
        Member colleague = member("leaving");
        assign(licence.buyer(), licence, colleague.email());

        java.util.Map<String, java.util.List<? extends Map<String, ?>>> tables = new java.util.HashMap<>();
        AccountId buyerId = AccountId.of(jdbc.sql("select id from account where email = ?").param(licence.email()).query(UUID.class).single());
        personalData.export(new app.flowmarket.shared.PersonalData.Subject(buyerId, licence.email(), "Tara Teamlead"),
                new app.flowmarket.shared.PersonalData.Sink() {
                    @Override
                    public void table(String name, String description, java.util.List<? extends Map<String, ? extends @org.jspecify.annotations.Nullable Object>> rows) {
                        tables.put(name, rows);
                    }

                    @Override
                    public void file(String path, String description, java.io.InputStream content) {
                    }
                });
        assertThat(tables.get("licence_seats_given").stream().map(row -> String.valueOf(row.get("email"))).toList())
                .containsExactly(colleague.email());

        personalData.erase(new app.flowmarket.shared.PersonalData.Subject(AccountId.of(colleague.id()), colleague.email(), "leaving"));
        assertThat(licence.buyer().get(licence.page()).body()).contains("1 of 5 seats used").doesNotContain(colleague.email());
        assertThat(colleague.session().get("/library").body()).doesNotContain(licence.title());
    }

    @Test
    void theSeatHolderIsToldByMailInTheirLanguageWithTheWayToTheWorkflows() {
        Licence licence = licence(LicenceTier.TEAM);
        Member colleague = member("reader");
        accounts.changeLocale(colleague.id(), "fr");
        assign(licence.buyer(), licence, colleague.email());
        MimeMessage french = Mailbox.awaitMail(colleague.email(), "Tara Teamlead vous a donné une place sur sa licence de " + licence.title());
        assertThat(Mailbox.body(french)).contains("Ouvrir votre bibliothèque").contains("/library").contains("Équipe");

        String newcomer = Fixtures.uniqueEmail("invitee");
        assign(licence.buyer(), licence, newcomer);
        MimeMessage invitation = Mailbox.awaitMail(newcomer, "Tara Teamlead gave you a seat on their licence for " + licence.title());
        assertThat(Mailbox.body(invitation)).contains("Team (5 seats) licence").contains("Create your account").contains("/signup")
                .contains(newcomer);
    }
}
