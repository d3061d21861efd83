package app.flowmarket.qa.web;

import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CatalogManagement.PurchasableWorkflow;
import app.flowmarket.qa.Questions;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workflow's questions. Like its reviews: on the workflow page a fragment htmx loads and replaces in place;
 * without JavaScript the same URLs serve a full page and every form posts, then comes back to it. Refused text
 * is shown again with the reason. Every action on a post first checks the post is under this workflow.
 */
@Controller
class QuestionController {

    private final Questions questions;
    private final CatalogManagement catalog;
    private final CatalogPages pages;

    QuestionController(Questions questions, CatalogManagement catalog, CatalogPages pages) {
        this.pages = pages;
        this.questions = questions;
        this.catalog = catalog;
    }

    @GetMapping("/workflows/{slug}/questions")
    String list(@PathVariable String slug, @RequestParam(required = false) @Nullable UUID edit,
                @AuthenticationPrincipal @Nullable CurrentUser viewer, Model model) {
        PurchasableWorkflow workflow = readable(slug, viewer);
        QaDraft draft = null;
        if (edit != null && viewer != null) {
            draft = questions.ofWorkflow(workflow.id(), viewer.id()).stream()
                    .flatMap(q -> java.util.stream.Stream.concat(java.util.stream.Stream.of(q.question()), q.answers().stream()))
                    .filter(p -> p.id().equals(edit) && p.editable()).findFirst()
                    .map(p -> new QaDraft(p.id(), true, p.body())).orElse(null);
        }
        return show(workflow, viewer, draft, null, model);
    }

    @PostMapping("/workflows/{slug}/questions")
    String ask(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser asker, @RequestParam(defaultValue = "") String body,
               @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect,
               HttpServletResponse response, Model model) {
        if (asker == null) {
            return "redirect:/login";
        }
        PurchasableWorkflow workflow = published(slug);
        return act(workflow, asker, htmx, "qa.asked", new QaDraft(null, false, body), () -> questions.ask(asker.actor(), workflow.id(), body),
                redirect, response, model);
    }

    @PostMapping("/workflows/{slug}/questions/{id}/answers")
    String answer(@PathVariable String slug, @PathVariable UUID id, @AuthenticationPrincipal @Nullable CurrentUser answerer,
                  @RequestParam(defaultValue = "") String body, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
                  RedirectAttributes redirect, HttpServletResponse response, Model model) {
        if (answerer == null) {
            return "redirect:/login";
        }
        PurchasableWorkflow workflow = under(slug, id);
        return act(workflow, answerer, htmx, "qa.answered", new QaDraft(id, false, body), () -> questions.answer(answerer.actor(), id, body),
                redirect, response, model);
    }

    @PostMapping("/workflows/{slug}/questions/{id}/edit")
    String edit(@PathVariable String slug, @PathVariable UUID id, @AuthenticationPrincipal @Nullable CurrentUser author,
                @RequestParam(defaultValue = "") String body, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
                RedirectAttributes redirect, HttpServletResponse response, Model model) {
        if (author == null) {
            return "redirect:/login";
        }
        PurchasableWorkflow workflow = under(slug, id);
        return act(workflow, author, htmx, "qa.edited", new QaDraft(id, true, body), () -> questions.edit(author.actor(), id, body),
                redirect, response, model);
    }

    @PostMapping("/workflows/{slug}/questions/{id}/{action:delete|upvote|accept}")
    String action(@PathVariable String slug, @PathVariable UUID id, @PathVariable String action,
                  @AuthenticationPrincipal @Nullable CurrentUser viewer,
                  @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        if (viewer == null) {
            return "redirect:/login";
        }
        PurchasableWorkflow workflow = under(slug, id);
        Runnable change = switch (action) {
            case "delete" -> () -> questions.delete(viewer.actor(), id);
            case "upvote" -> () -> questions.upvote(viewer.actor(), id);
            default -> () -> questions.accept(viewer.actor(), id);
        };
        return act(workflow, viewer, htmx, "qa." + action + ".done", null, change, redirect, response, model);
    }

    private String act(PurchasableWorkflow workflow, CurrentUser viewer, @Nullable String htmx, String successKey, @Nullable QaDraft draft,
                       Runnable change, RedirectAttributes redirect, HttpServletResponse response, Model model) {
        try {
            change.run();
        } catch (DomainException e) {
            if (!"true".equals(htmx)) {
                response.setStatus(422);
            }
            return show(workflow, viewer, draft, QaNotice.error(e), model);
        }
        if ("true".equals(htmx)) {
            return show(workflow, viewer, null, QaNotice.success(successKey), model);
        }
        app.flowmarket.platform.Flash.success(redirect, successKey);
        return "redirect:/workflows/" + workflow.slug() + "/questions";
    }

    private String show(PurchasableWorkflow workflow, @Nullable CurrentUser viewer, @Nullable QaDraft draft, @Nullable QaNotice notice,
                        Model model) {
        model.addAttribute("workflow", workflow);
        model.addAttribute("questions", questions.ofWorkflow(workflow.id(), viewer == null ? null : viewer.id()));
        model.addAttribute("draft", draft);
        model.addAttribute("notice", notice);
        return "qa/questions";
    }

    /** A published listing; one that is not, only to whom its page shows it (its seller; admins while moderation holds it). */
    private PurchasableWorkflow readable(String slug, @Nullable CurrentUser viewer) {
        return catalog.purchasableBySlug(slug)
                .filter(w -> w.published() || viewer != null && pages.readablePage(slug, viewer.account(), viewer.isAdmin()).isPresent())
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    private PurchasableWorkflow published(String slug) {
        return catalog.purchasableBySlug(slug).filter(PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    /** The workflow, when the post is one of its questions or answers; otherwise there is no such post here. */
    private PurchasableWorkflow under(String slug, UUID postId) {
        PurchasableWorkflow workflow = published(slug);
        if (!questions.workflowOf(postId).equals(workflow.id())) {
            throw new NotFoundException("question");
        }
        return workflow;
    }
}
