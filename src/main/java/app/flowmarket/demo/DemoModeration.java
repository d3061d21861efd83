package app.flowmarket.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.Upload;
import app.flowmarket.moderation.Reports;
import app.flowmarket.qa.Questions;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.WorkflowId;
import org.springframework.stereotype.Component;

/**
 * The moderation queue's demo items, written through the same services people use: a review held for a link to a
 * URL shortener, a question flagged as posted twice word for word, a buyer's report of a review, and a new version of
 * a listing buyers own that holds a payment key (the listing waits held; they keep the version before).
 */
@Component
class DemoModeration {

    /** A workflow someone owns without having reviewed it. */
    record Unreviewed(UUID workflowId, UUID ownerId) {
    }

    private final AccountManagement accounts;
    private final Reviews reviews;
    private final Questions questions;
    private final Reports reports;
    private final CatalogManagement catalog;

    DemoModeration(AccountManagement accounts, Reviews reviews, Questions questions, Reports reports, CatalogManagement catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.reviews = reviews;
        this.questions = questions;
        this.reports = reports;
    }

    void write(Unreviewed unreviewed, UUID asker, List<UUID> askedAbout, UUID reporter, Set<UUID> reviewedWorkflows) {
        reviews.post(accounts.find(unreviewed.ownerId()).orElseThrow().actor(), unreviewed.workflowId(), 2,
                "Works, but you can get the same flow cheaper at https://bit.ly/flow-deal-42 — ask me for the code.");
        var askerActor = accounts.find(asker).orElseThrow().actor();
        String question = "Does this run on a self-hosted n8n behind a proxy, and which credentials does it need first?";
        askedAbout.stream().limit(2).forEach(workflow -> questions.ask(askerActor, workflow, question));
        var reporterActor = accounts.find(reporter).orElseThrow().actor();
        reviewedWorkflows.stream().flatMap(workflow -> reviews.ofWorkflow(workflow, Reviews.Sort.NEWEST).stream())
                .filter(review -> !review.authorId().equals(reporter)).findFirst()
                .ifPresent(review -> reports.report(reporterActor, "review", review.id(), "spam",
                        "Reads like an advert for another marketplace."));
    }

    /** Its seller uploads a new version of the n8n workflow with a Slack alert whose private webhook address is typed in. */
    void heldVersion(UUID sellerId, UUID workflowId, DemoCatalog.DemoWorkflow workflow) {
        catalog.addVersion(accounts.find(sellerId).orElseThrow().actor(), WorkflowId.of(workflowId), "Alerts a Slack channel on every run.",
                new Upload(DemoFiles.fileName(workflow), DemoFiles.withLeakedWebhook(workflow.title(), workflow.integrations())
                        .getBytes(StandardCharsets.UTF_8)));
    }
}
