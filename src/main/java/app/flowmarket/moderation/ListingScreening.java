package app.flowmarket.moderation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.catalog.CategoryPrices;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ListingScreen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens every new or edited listing inside the transaction that saves it: its current file is scanned for secrets,
 * its texts checked by {@link TextRules}, for a description copied from another store's listing and for a price far
 * from what the category usually costs. The most severe outcome wins: a blocking rule refuses the change with its
 * reason, a holding one queues the listing held (hidden until approved), a flagging one queues it and it stays up.
 * A listing whose current content passes is no longer held by what an earlier content did.
 */
@Component
class ListingScreening implements ListingScreen {

    private final JdbcClient jdbc;
    private final ModerationQueue queue;
    private final ModerationRules rules;
    private final ContentScreening screening;
    private final CategoryPrices prices;

    ListingScreening(JdbcClient jdbc, ModerationQueue queue, ModerationRules rules, ContentScreening screening, CategoryPrices prices) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.rules = rules;
        this.screening = screening;
        this.prices = prices;
    }

    @Override
    @Transactional
    public Verdict screen(Listing listing) {
        Map<String, ModerationRules.Rule> settings = rules.all();
        UUID id = listing.workflowId().value();
        List<ContentScreening.Hit> found = new ArrayList<>(screening.textHits(listing.title() + "\n" + listing.summary() + "\n"
                + listing.description(), settings));
        // a description copied from another store's listing
        screening.duplicate("workflow", id, listing.seller(), listing.description(), settings).ifPresent(found::add);
        if (listing.categoryId() != null) {
            PricingRule.check(listing.price(), prices.usual(listing.categoryId(), listing.price().currency().getCurrencyCode(), id),
                    ContentScreening.threshold(settings, "pricing", 5)).ifPresent(evidence -> found.add(new ContentScreening.Hit("pricing", evidence)));
        }
        List<String> secrets = listing.file() == null ? List.of() : SecretScanner.describe(SecretScanner.scan(listing.file()));
        secrets.forEach(line -> found.add(new ContentScreening.Hit("secret", line)));
        List<ContentScreening.Hit> hits = found.stream()
                .filter(hit -> ContentScreening.setting(settings, hit.rule()).outcome() != ModerationRules.Outcome.OFF).toList();
        ModerationRules.Outcome outcome = ContentScreening.outcome(hits, settings);
        if (outcome == ModerationRules.Outcome.BLOCK) {
            List<ContentScreening.Hit> blocking = hits.stream()
                    .filter(hit -> ContentScreening.setting(settings, hit.rule()).outcome() == ModerationRules.Outcome.BLOCK).toList();
            if (blocking.stream().anyMatch(hit -> hit.rule().equals("secret"))) {
                throw new DomainException("workflow.file.blocked", String.join("; ", blocking.stream()
                        .filter(hit -> hit.rule().equals("secret")).map(ContentScreening.Hit::evidence).toList()));
            }
            throw new DomainException("workflow.blocked", String.join("; ", blocking.stream().map(ContentScreening.Hit::toString).toList()));
        }
        boolean held = outcome == ModerationRules.Outcome.HOLD;
        List<String> lines = hits.stream().map(ContentScreening.Hit::toString).toList();
        if (lines.isEmpty()) {
            // nothing holds the listing now: what waits about an earlier content stays in the queue, no longer hiding it
            jdbc.sql("update moderation_item set held = false where content_type = 'workflow' and content_id = ? and status = 'OPEN' and held")
                    .param(id).update();
            return new Verdict(false, List.of());
        }
        // once per content and outcome; after a rejection the same content is queued again
        long rejections = jdbc.sql("select count(*) from moderation_item where content_type = 'workflow' and content_id = ? and status in ('REJECTED', 'BANNED')")
                .param(id).query(Long.class).single();
        UUID revision = UUID.nameUUIDFromBytes((listing.revision() + "\n" + String.join("\n", lines) + "\n" + held + "\n" + rejections)
                .getBytes(StandardCharsets.UTF_8));
        queue.flag("workflow", id, revision, listing.seller().value(), listing.title(), lines, held);
        if (held && "APPROVED".equals(jdbc.sql("select status from moderation_item where content_type = 'workflow' and content_id = ? and revision = ?")
                .params(id, revision).query(String.class).optional().orElse(""))) {
            // a moderator already approved this very content
            held = false;
        }
        return new Verdict(held, lines);
    }

    @Override
    public Secrets secrets(byte[] file) {
        Outcome outcome = Outcome.valueOf(ContentScreening.setting(rules.all(), "secret").outcome().name());
        return new Secrets(SecretScanner.describe(SecretScanner.scan(file)), outcome);
    }
}
