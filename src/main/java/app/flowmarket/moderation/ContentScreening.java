package app.flowmarket.moderation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.moderation.ModerationRules.Rule;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.ContentScreen;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules over what people write, each giving the outcome admins chose for it (the most severe hit wins): the text
 * rules, duplicate content (the same text posted again, or a listing's description copied from another store's),
 * and a burst (an account younger than a day posting many items within an hour). Banned authors post nothing.
 */
@Component
class ContentScreening implements ContentScreen {

    static final Duration NEW_ACCOUNT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ModerationRules rules;
    private final ModerationQueue queue;
    private final AccountManagement accounts;

    ContentScreening(JdbcClient jdbc, ModerationRules rules, ModerationQueue queue, AccountManagement accounts) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.queue = queue;
        this.accounts = accounts;
    }

    /** One rule's hit: the rule's name and what it saw. */
    record Hit(String rule, String evidence) {

        static Hit parse(String line) {
            int colon = line.indexOf(": ");
            return colon < 0 ? new Hit(line, "") : new Hit(line.substring(0, colon), line.substring(colon + 2));
        }

        @Override
        public String toString() {
            return rule + ": " + evidence;
        }
    }

    @Override
    @Transactional
    public ContentScreen.Outcome screen(Submission submission) {
        if (jdbc.sql("select count(*) from moderation_ban where account_id = ?").param(submission.author().value()).query(Long.class).single() > 0) {
            throw new DomainException("moderation.banned");
        }
        Map<String, Rule> settings = rules.all();
        List<Hit> hits = new ArrayList<>(textHits(submission.text(), settings));
        duplicate(submission.kind(), submission.contentId(), submission.author(), submission.text(), settings).ifPresent(hits::add);
        burst(submission.author(), settings).ifPresent(hits::add);
        ModerationRules.Outcome outcome = outcome(hits, settings);
        if (outcome == ModerationRules.Outcome.BLOCK) {
            throw new DomainException("moderation.blocked", String.join(", ", hits.stream()
                    .filter(hit -> setting(settings, hit.rule()).outcome() == ModerationRules.Outcome.BLOCK).map(Hit::evidence).toList()));
        }
        // a store cannot be hidden without its workflows: its profile is flagged instead
        boolean hold = outcome == ModerationRules.Outcome.HOLD && !submission.kind().equals("store");
        if (outcome == ModerationRules.Outcome.FLAG || outcome == ModerationRules.Outcome.HOLD) {
            queue.flag(submission.kind(), submission.contentId(), UUID.randomUUID(), submission.author().value(), submission.title(),
                    hits.stream().filter(hit -> setting(settings, hit.rule()).outcome() != ModerationRules.Outcome.OFF).map(Hit::toString).toList(), hold);
        }
        return hold ? ContentScreen.Outcome.HOLD : ContentScreen.Outcome.PUBLISH;
    }

    List<Hit> textHits(String text, Map<String, Rule> settings) {
        int maxLinks = threshold(settings, "too-many-links", TextRules.MAX_LINKS);
        int repetitions = threshold(settings, "repetition", 10);
        return TextRules.check(text, maxLinks, repetitions).stream().map(Hit::parse).toList();
    }

    /**
     * The same words (case, punctuation and spacing aside, at least the rule's threshold in characters) as another
     * item of the same family: for reviews, questions and answers any other one; for listings and store profiles
     * another author's. Records the text's fingerprint either way, and so every item counts towards a burst.
     */
    java.util.Optional<Hit> duplicate(String kind, UUID contentId, AccountId author, String text, Map<String, Rule> settings) {
        String normal = normalise(text);
        @Nullable String fingerprint = normal.length() >= threshold(settings, "duplicate", 30) ? Tokens.sha256Hex(normal) : null;
        jdbc.sql("""
                insert into moderation_activity (content_type, content_id, author_id, fingerprint, created_at) values (?, ?, ?, ?, ?)
                on conflict (content_type, content_id) do update set fingerprint = excluded.fingerprint""")
                .params(java.util.Arrays.asList(kind, contentId, author.value(), fingerprint, Timestamp.from(Instant.now()))).update();
        if (fingerprint == null) {
            return java.util.Optional.empty();
        }
        boolean posts = List.of("review", "question", "answer").contains(kind);
        List<String> family = posts ? List.of("review", "question", "answer") : List.of(kind);
        long others = jdbc.sql("""
                select count(*) from moderation_activity where fingerprint = :fingerprint and content_type in (:family)
                and not (content_type = :kind and content_id = :id)""" + (posts ? "" : " and author_id <> :author"))
                .param("fingerprint", fingerprint).param("family", family).param("kind", kind).param("id", contentId)
                .param("author", author.value())
                .query(Long.class).single();
        if (others == 0) {
            return java.util.Optional.empty();
        }
        String excerpt = normal.length() > 60 ? normal.substring(0, 60) + "…" : normal;
        return java.util.Optional.of(new Hit("duplicate", "\"" + excerpt + "\" ×" + (others + 1)));
    }

    /** An account younger than a day that has posted the rule's threshold of items or more within the last hour. */
    java.util.Optional<Hit> burst(AccountId author, Map<String, Rule> settings) {
        var account = accounts.adminView(author.value());
        if (account.isEmpty() || account.get().createdAt().isBefore(Instant.now().minus(NEW_ACCOUNT))) {
            return java.util.Optional.empty();
        }
        long recent = jdbc.sql("select count(*) from moderation_activity where author_id = ? and created_at > ?")
                .params(author.value(), Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).query(Long.class).single();
        if (recent < threshold(settings, "burst", 5)) {
            return java.util.Optional.empty();
        }
        long hours = Duration.between(account.get().createdAt(), Instant.now()).toHours();
        return java.util.Optional.of(new Hit("burst", recent + " items within an hour, account " + hours + " h old"));
    }

    static ModerationRules.Outcome outcome(List<Hit> hits, Map<String, Rule> settings) {
        ModerationRules.Outcome worst = ModerationRules.Outcome.OFF;
        for (Hit hit : hits) {
            ModerationRules.Outcome outcome = setting(settings, hit.rule()).outcome();
            if (outcome.ordinal() > worst.ordinal()) {
                worst = outcome;
            }
        }
        return worst;
    }

    static Rule setting(Map<String, Rule> settings, String rule) {
        Rule found = settings.get(rule);
        return found == null ? new Rule(rule, ModerationRules.Outcome.FLAG, null) : found;
    }

    static int threshold(Map<String, Rule> settings, String rule, int otherwise) {
        Rule found = settings.get(rule);
        return found == null || found.threshold() == null ? otherwise : found.threshold();
    }

    /** Lower case, letters and digits only, single spaces: "Great  flow!" and "great flow" read the same. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }
}
