package app.flowmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.flowmarket.catalog.Apps;
import app.flowmarket.review.Reviews;

/**
 * The demo buyers' reviews: only by people who bought the workflow, at most four per workflow, each
 * saying something different about it (what one liked, a tip another learned, a word on setting it up),
 * dated between the listing's publication and today, with helpful votes from other demo buyers.
 */
final class DemoReviews {

    private DemoReviews() {
    }

    /** A listing, its owners, and how many of them (the first ones) reviewed it. */
    record Reviewed(UUID workflowId, DemoCatalog.DemoWorkflow workflow, Instant published, List<UUID> owners, int reviewers) {
    }

    private static final List<String> SETUP = List.of(
            "Connected my {0} account and it ran on the first try.",
            "Clear names on every step, so I understood it before I ran it.",
            "Setup took me about {1} minutes, most of it finding my {0} credentials.",
            "Exactly what the description says, no surprises.",
            "The notes inside the workflow answered every question I had.",
            "Running daily for a few months now without a single failure.",
            "Good value. I had started building this myself and stopped after an evening.",
            "Works well with {0}; I changed two field names and it fit our setup.");

    static List<Reviews.ImportedReview> write(List<Reviewed> listings, List<UUID> everyone, Instant now, Random random) {
        List<Reviews.ImportedReview> reviews = new ArrayList<>();
        for (Reviewed listing : listings) {
            DemoTexts.Text text = DemoTexts.of(listing.workflow().title());
            // the general remarks below are English: a listing in another language gets its own two reviews at most
            int count = Math.min(Math.min(listing.owners().size(), listing.reviewers()), "en".equals(text.language()) ? Integer.MAX_VALUE : 2);
            String firstApp = Apps.name(listing.workflow().integrations().get(0));
            long days = Math.max(1, Duration.between(listing.published(), now).toDays() - 1);
            for (int i = 0; i < count; i++) {
                int stars;
                String body;
                switch (i) {
                    case 0 -> {
                        stars = 4 + random.nextInt(2);
                        body = text.liked();
                    }
                    case 1 -> {
                        stars = 3 + random.nextInt(3);
                        body = "en".equals(text.language())
                                ? (stars == 5 ? "Great buy. " : stars == 4 ? "Does the job well. " : "Fine, with one catch. ") + text.learned()
                                : text.learned();
                    }
                    default -> {
                        stars = 4 + random.nextInt(2);
                        body = java.text.MessageFormat.format(SETUP.get(random.nextInt(SETUP.size())), firstApp, 10 + 5 * random.nextInt(5));
                    }
                }
                Instant written = listing.published().plus(Duration.ofDays(1 + random.nextInt((int) days)))
                        .plus(Duration.ofMinutes(random.nextInt(1440)));
                if (written.isAfter(now)) {
                    written = now.minus(Duration.ofHours(1 + random.nextInt(20)));
                }
                UUID author = listing.owners().get(i);
                List<UUID> voters = DemoData.pick(everyone, random.nextInt(i == 0 ? 9 : 4), random).stream()
                        .filter(v -> !v.equals(author)).toList();
                reviews.add(new Reviews.ImportedReview(listing.workflowId(), author, stars, body, written, voters));
            }
        }
        return reviews;
    }
}
