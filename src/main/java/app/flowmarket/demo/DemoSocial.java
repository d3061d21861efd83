package app.flowmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.flowmarket.catalog.Apps;
import app.flowmarket.qa.Questions;
import app.flowmarket.review.Reviews;

/**
 * The demo marketplace's conversations: sellers' replies to some reviews (every low one), and questions under
 * the demo seller's workflows, answered by the seller (the answer the asker accepted) and by another buyer.
 */
final class DemoSocial {

    private DemoSocial() {
    }

    /** A listing with its seller, the apps it uses and who owns it. */
    record Listing(UUID workflowId, String title, List<String> integrations, UUID sellerId, Instant published, List<UUID> owners) {
    }

    private static final List<String> REPLIES = List.of(
            "Thank you for taking the time to write this. Glad it saves you time!",
            "Thanks! Version updates are free, so you get every improvement we make.",
            "Sorry it did not fit at first. Write to us from the store page and we will help you adapt it.",
            "Thanks for the tip, we added it to the notes inside the workflow.");

    static void replies(Reviews reviews, List<Listing> listings, List<Reviews.ImportedReview> written, Instant now, Random random) {
        for (int i = 0; i < written.size(); i++) {
            Reviews.ImportedReview review = written.get(i);
            if (review.rating() > 3 && i % 3 != 0) {
                continue;
            }
            String body = review.rating() <= 3 ? REPLIES.get(2) : REPLIES.get(i % 2 == 0 ? 0 : i % 4 == 1 ? 1 : 3);
            Instant at = review.writtenAt().plus(Duration.ofHours(3 + random.nextInt(40)));
            reviews.importReply(review.workflowId(), review.authorId(), body, at.isAfter(now) ? now : at);
        }
    }

    /** Questions under the first {@code count} listings of the demo seller, with answers, an accepted one and upvotes. */
    static int questions(Questions questions, List<Listing> sellersListings, List<UUID> people, UUID bruno, Instant now, Random random) {
        int asked = 0;
        for (int n = 0; n < sellersListings.size() && n < 4; n++) {
            Listing listing = sellersListings.get(n);
            String app = Apps.name(listing.integrations().get(0));
            UUID asker = n == 0 ? bruno : people.get((3 * n + 1) % people.size());
            UUID helper = people.get((5 * n + 2) % people.size());
            if (helper.equals(asker)) {
                helper = people.get((5 * n + 3) % people.size());
            }
            Instant askedAt = now.minus(Duration.ofDays(3 + 4L * n)).minus(Duration.ofMinutes(random.nextInt(600)));
            UUID question = questions.importPost(new Questions.ImportedPost(listing.workflowId(), null, asker,
                    "Does this work with a free **" + app + "** account, or do I need a paid plan?", askedAt, false,
                    DemoData.pick(people, 2 + random.nextInt(5), random)));
            questions.importPost(new Questions.ImportedPost(listing.workflowId(), question, listing.sellerId(),
                    "Yes, the free plan of " + app + " is enough: the workflow only needs an API token. The notes on its first step show where to find it.",
                    askedAt.plus(Duration.ofHours(2)), true, DemoData.pick(people, 3 + random.nextInt(4), random)));
            questions.importPost(new Questions.ImportedPost(listing.workflowId(), question, helper,
                    "I run it on the free plan too. The only limit I hit was the number of calls per minute, and the workflow waits and retries by itself.",
                    askedAt.plus(Duration.ofHours(9)), false, DemoData.pick(people, random.nextInt(3), random)));
            asked++;
            if (n == 1) {
                UUID second = questions.importPost(new Questions.ImportedPost(listing.workflowId(), null, helper,
                        "Can I run it every 5 minutes instead of every hour?", askedAt.plus(Duration.ofDays(1)), false, List.of()));
                questions.importPost(new Questions.ImportedPost(listing.workflowId(), second, listing.sellerId(),
                        "Yes: open the first node and change the interval. Below 5 minutes, watch your " + app + " rate limits.",
                        askedAt.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), false, List.of()));
                asked++;
            }
        }
        return asked;
    }

    static List<Listing> ofSeller(List<Listing> listings, UUID sellerId) {
        List<Listing> mine = new ArrayList<>();
        listings.stream().filter(l -> l.sellerId().equals(sellerId)).forEach(mine::add);
        return mine;
    }
}
