package app.flowmarket.notification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.WorkflowDiff;
import app.flowmarket.catalog.WorkflowPublished;
import app.flowmarket.catalog.WorkflowVersionAdded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.licensing.LicenceSeatGiven;
import app.flowmarket.licensing.LicenceSeatTakenBack;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderDisputed;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.payout.PayoutSent;
import app.flowmarket.qa.QuestionAnswered;
import app.flowmarket.qa.QuestionAsked;
import app.flowmarket.review.ReviewPosted;
import app.flowmarket.review.ReviewReplied;
import app.flowmarket.security.NewSignInAlerted;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.social.Follows;
import app.flowmarket.social.StoreFollowed;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notifications and notification e-mails. Each runs after the
 * event's transaction committed, from the event publication registry (a crash loses nothing), and
 * records the event's key first, so a redelivered event creates nothing twice.
 */
@Component
class NotificationListeners {

    private final NotificationCenter center;
    private final StoreManagement stores;
    private final CatalogManagement catalog;
    private final Licensing licensing;
    private final Follows follows;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final CatalogPages pages;
    private final SiteSettings site;

    NotificationListeners(NotificationCenter center, StoreManagement stores, CatalogManagement catalog,
                          Licensing licensing, Follows follows, AccountManagement accounts, Mailer mailer, CatalogPages pages, SiteSettings site) {
        this.pages = pages;
        this.site = site;
        this.center = center;
        this.stores = stores;
        this.catalog = catalog;
        this.licensing = licensing;
        this.follows = follows;
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (OrderPaid.Line line : event.lines()) {
            if (!center.firstDelivery("sale:" + line.lineId())) {
                continue;
            }
            UUID sellerId = stores.find(line.storeId()).orElseThrow().ownerId();
            // amounts are written in the seller's own language and currency format: "12,50 €", not "12.50 EUR"
            java.util.Locale locale = localeOf(sellerId);
            if (line.upgrading()) {
                // a licence raised to a larger tier is no new sale: told as what it is
                center.notify(sellerId, NotificationType.LICENCE_UPGRADE, "upgrade:" + line.refId() + ":" + today, line.title(),
                        line.net().format(locale), "/seller/sales");
                email(sellerId, NotificationType.LICENCE_UPGRADE, "/seller/sales", "mail.sale.action", new Msg("mail.upgrade.subject", line.title()),
                        new Msg("mail.upgrade.body", line.title(), line.net(), line.sellerShare()));
                continue;
            }
            center.notify(sellerId, NotificationType.NEW_SALE, "sale:" + line.refId() + ":" + today, line.title(),
                    line.net().format(locale), "/seller/sales");
            email(sellerId, NotificationType.NEW_SALE, "/seller/sales", "mail.sale.action", new Msg("mail.sale.subject", line.title()),
                    new Msg("mail.sale.body", line.title(), line.net(), line.sellerShare()));
        }
    }

    /** The money is on its way to the seller's bank: the amount, and the bank's reference to look for on the statement. */
    @ApplicationModuleListener
    void on(PayoutSent event) {
        if (!center.firstDelivery("payout:" + event.payoutId().value())) {
            return;
        }
        UUID sellerId = stores.find(event.storeId()).orElseThrow().ownerId();
        java.util.Locale locale = localeOf(sellerId);
        center.notify(sellerId, NotificationType.PAYOUT_SENT, "payout:" + event.payoutId().value(), event.amount().format(locale),
                event.reference(), "/seller/payouts");
        email(sellerId, NotificationType.PAYOUT_SENT, "/seller/payouts", "mail.payout.action", new Msg("mail.payout.subject", event.amount()),
                new Msg("mail.payout.body", event.amount(), event.reference()));
    }

    /** A buyer's bank disputed an order: each seller whose sale it took money from is told how much, and the dispute fee. */
    @ApplicationModuleListener
    void on(OrderDisputed event) {
        chargeback(event.orderNumber(), event.disputeRef(), "opened", event.byStore());
    }

    @ApplicationModuleListener
    void on(OrderDisputeClosed event) {
        chargeback(event.orderNumber(), event.disputeRef(), event.won() ? "won" : "lost", event.byStore());
    }

    private void chargeback(long orderNumber, String disputeRef, String state, java.util.List<OrderDisputed.StoreShare> shares) {
        for (OrderDisputed.StoreShare share : shares) {
            String key = "chargeback:" + disputeRef + ":" + state + ":" + share.storeId().value();
            if (!center.firstDelivery(key)) {
                continue;
            }
            UUID sellerId = stores.find(share.storeId()).orElseThrow().ownerId();
            java.util.Locale locale = localeOf(sellerId);
            center.notify(sellerId, NotificationType.CHARGEBACK, key, share.taken().format(locale), "#" + orderNumber, "/seller/payouts#payout-chargebacks");
            email(sellerId, NotificationType.CHARGEBACK, "/seller/payouts#payout-chargebacks", "mail.chargeback.action",
                    new Msg("mail.chargeback." + state + ".subject", String.valueOf(orderNumber)),
                    new Msg("mail.chargeback." + state + ".body", String.valueOf(orderNumber), share.taken(), share.fee()));
        }
    }

    @ApplicationModuleListener
    void on(ReviewPosted event) {
        if (!event.firstTime() || !center.firstDelivery("review:" + event.reviewId())) {
            return;
        }
        catalog.purchasable(WorkflowId.of(event.workflowId())).ifPresent(workflow -> {
            UUID sellerId = stores.find(StoreId.of(workflow.storeId())).orElseThrow().ownerId();
            center.notify(sellerId, NotificationType.NEW_REVIEW, "review:" + workflow.id() + ":" + LocalDate.now(ZoneOffset.UTC),
                    workflow.title(), "★".repeat(event.rating()), "/workflows/" + workflow.slug() + "/reviews");
            email(sellerId, NotificationType.NEW_REVIEW, "/workflows/" + workflow.slug() + "/reviews", "mail.review.action",
                    new Msg("mail.review.subject", workflow.title()), new Msg("mail.review.body", workflow.title(), event.rating()));
        });
    }

    @ApplicationModuleListener
    void on(ReviewReplied event) {
        if (!event.firstTime() || !center.firstDelivery("review-reply:" + event.reviewId())) {
            return;
        }
        catalog.purchasable(WorkflowId.of(event.workflowId())).ifPresent(workflow -> {
            String path = "/workflows/" + workflow.slug() + "#reviews-h";
            String store = stores.find(StoreId.of(workflow.storeId())).map(StoreManagement.StoreView::name).orElse("");
            center.notify(event.reviewerId(), NotificationType.REVIEW_REPLY, "review-reply:" + event.reviewId(), workflow.title(), store, path);
            email(event.reviewerId(), NotificationType.REVIEW_REPLY, path, "mail.review-reply.action",
                    new Msg("mail.review-reply.subject", workflow.title()), new Msg("mail.review-reply.body", store, workflow.title()));
        });
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        if (!center.firstDelivery("question:" + event.questionId())) {
            return;
        }
        catalog.purchasable(WorkflowId.of(event.workflowId())).ifPresent(workflow -> {
            UUID sellerId = stores.find(StoreId.of(workflow.storeId())).orElseThrow().ownerId();
            if (sellerId.equals(event.askerId())) {
                return;
            }
            String path = "/workflows/" + workflow.slug() + "/questions#q-" + event.questionId();
            String asker = accounts.publicProfile(event.askerId()).map(AccountManagement.PublicProfile::displayName).orElse("");
            center.notify(sellerId, NotificationType.NEW_QUESTION, "question:" + workflow.id() + ":" + LocalDate.now(ZoneOffset.UTC),
                    workflow.title(), asker, path);
            email(sellerId, NotificationType.NEW_QUESTION, path, "mail.question.action", new Msg("mail.question.subject", workflow.title()),
                    new Msg("mail.question.body", asker, workflow.title()));
        });
    }

    @ApplicationModuleListener
    void on(QuestionAnswered event) {
        if (event.askerId().equals(event.answererId()) || !center.firstDelivery("answer:" + event.answerId())) {
            return;
        }
        catalog.purchasable(WorkflowId.of(event.workflowId())).ifPresent(workflow -> {
            String path = "/workflows/" + workflow.slug() + "/questions#q-" + event.answerId();
            String answerer = accounts.publicProfile(event.answererId()).map(AccountManagement.PublicProfile::displayName).orElse("");
            center.notify(event.askerId(), NotificationType.NEW_ANSWER, "answer:" + event.questionId(), workflow.title(), answerer, path);
            email(event.askerId(), NotificationType.NEW_ANSWER, path, "mail.answer.action", new Msg("mail.answer.subject", workflow.title()),
                    new Msg("mail.answer.body", answerer, workflow.title()));
        });
    }

    @ApplicationModuleListener
    void on(WorkflowVersionAdded event) {
        if (!center.firstDelivery("version:" + event.versionId())) {
            return;
        }
        catalog.purchasable(WorkflowId.of(event.workflowId())).ifPresent(workflow -> {
            List<UUID> owners = licensing.ownerIds(WorkflowId.of(workflow.id())).stream().map(AccountId::value).toList();
            String subject = workflow.title() + " v" + event.number();
            WorkflowDiff diff = event.number() > 1
                    ? pages.versionChanges(WorkflowId.of(workflow.id()), event.number() - 1, event.number()).orElse(null)
                    : null;
            String body = diff == null || diff.isEmpty() ? event.changelog() : "[" + diff.symbols() + "] " + event.changelog();
            center.notifyAll("select unnest(cast(:ids as uuid[])) as id", Map.of("ids", owners.toArray(UUID[]::new)),
                    NotificationType.WORKFLOW_UPDATED, "version:" + event.versionId(), subject, body, "/library");
            List<Msg> paragraphs = new java.util.ArrayList<>();
            paragraphs.add(new Msg("mail.updated.body", workflow.title(), event.number()));
            paragraphs.add(Msg.literal(event.changelog()));
            if (diff != null && !diff.isEmpty()) {
                paragraphs.add(new Msg("mail.updated.diff", diff.fromVersion(), diff.added().size(), diff.removed().size(),
                        diff.renamed().size(), diff.changed().size(), diff.connectionsAdded().size(), diff.connectionsRemoved().size()));
                diff.lines().stream().limit(60).map(Msg::literal).forEach(paragraphs::add);
                paragraphs.add(new Msg("mail.updated.diff-link", site.url("/workflows/" + workflow.slug() + "/versions/diff?from="
                        + diff.fromVersion() + "&to=" + diff.toVersion())));
            }
            for (UUID owner : owners) {
                email(owner, NotificationType.WORKFLOW_UPDATED, "/library", "mail.updated.action",
                        new Msg("mail.updated.subject", workflow.title(), event.number()), paragraphs.toArray(Msg[]::new));
            }
        });
    }

    @ApplicationModuleListener
    void on(WorkflowPublished event) {
        if (!center.firstDelivery("published:" + event.workflowId())) {
            return;
        }
        String storeName = stores.find(StoreId.of(event.storeId())).map(StoreManagement.StoreView::name).orElse("");
        List<UUID> followers = follows.followerIds(event.storeId());
        center.notifyAll("select unnest(cast(:ids as uuid[])) as id", Map.of("ids", followers.toArray(UUID[]::new)),
                NotificationType.NEW_WORKFLOW_FROM_FOLLOWED_STORE, "published:" + event.workflowId(), event.title(), storeName,
                "/workflows/" + event.slug());
    }

    @ApplicationModuleListener
    void on(StoreFollowed event) {
        if (!center.firstDelivery("follow:" + event.storeId() + ":" + event.followerId())) {
            return;
        }
        var store = stores.find(StoreId.of(event.storeId())).orElseThrow();
        String follower = accounts.publicProfile(event.followerId()).map(AccountManagement.PublicProfile::displayName).orElse("");
        center.notify(store.ownerId(), NotificationType.NEW_FOLLOWER, "follower:" + store.id() + ":" + LocalDate.now(ZoneOffset.UTC),
                store.name(), follower, "/stores/" + store.slug());
        email(store.ownerId(), NotificationType.NEW_FOLLOWER, "/stores/" + store.slug(), "mail.follower.action",
                new Msg("mail.follower.subject", store.name()), new Msg("mail.follower.body", follower, store.name()));
    }

    /** A seat on someone's licence: its holder, once they have a (verified) account, finds it among their notifications. */
    @ApplicationModuleListener
    void on(LicenceSeatGiven event) {
        seat(event.seatId(), event.email(), event.buyerId(), event.title(), NotificationType.LICENCE_SEAT_GIVEN, "seat:");
    }

    @ApplicationModuleListener
    void on(LicenceSeatTakenBack event) {
        seat(event.seatId(), event.email(), event.buyerId(), event.title(), NotificationType.LICENCE_SEAT_TAKEN_BACK, "seat-taken-back:");
    }

    private void seat(UUID seatId, String email, AccountId buyerId, String title, NotificationType type, String prefix) {
        AccountId holder = accounts.verifiedAccounts(List.of(email)).get(email);
        if (holder == null || !center.firstDelivery(prefix + seatId)) {
            return;
        }
        String buyer = accounts.displayNames(List.of(buyerId)).getOrDefault(buyerId, "");
        center.notify(holder.value(), type, prefix + seatId, title, buyer, "/library");
    }

    /** A sign-in from a new device or place: the owner was mailed by the security module; here it shows in the app. */
    @ApplicationModuleListener
    void on(NewSignInAlerted event) {
        if (!center.firstDelivery("sign-in-alert:" + event.signInId())) {
            return;
        }
        center.notify(event.accountId(), NotificationType.SECURITY_ALERT, "sign-in:" + event.signInId(), event.device(),
                event.ip() + ("—".equals(event.place()) ? "" : " · " + event.place()), "/settings/security");
    }

    /** A message key and its arguments (or, with no key, a literal text), written in the recipient's language. */
    private record Msg(@Nullable String key, Object... args) {

        static Msg literal(String text) {
            return new Msg(null, text);
        }
    }

    /** The person's own language, for amounts written into a notification (one row, read in that language). */
    private java.util.Locale localeOf(UUID accountId) {
        return accounts.person(AccountId.of(accountId)).map(Person::locale).orElse(java.util.Locale.ENGLISH);
    }

    private void email(UUID recipientId, NotificationType type, String path, String actionKey, Msg subject, Msg... paragraphs) {
        if (!center.wants(recipientId, type, NotificationType.Channel.EMAIL)) {
            return;
        }
        Person recipient = accounts.person(AccountId.of(recipientId)).orElse(null);
        if (recipient == null) {
            return;
        }
        Mail mail = Mail.to(recipient.recipient())
                .subject(java.util.Objects.requireNonNull(subject.key(), "a subject is a message key"), subject.args())
                .action(actionKey, path)
                .footer("mail.notification.footer")
                .unsubscribe("/notifications/unsubscribe?token=" + center.unsubscribeToken(recipientId, type));
        for (Msg paragraph : paragraphs) {
            if (paragraph.key() == null) {
                mail.text(String.valueOf(paragraph.args()[0]));
            } else {
                mail.paragraph(paragraph.key(), paragraph.args());
            }
        }
        mailer.send(mail);
    }
}
