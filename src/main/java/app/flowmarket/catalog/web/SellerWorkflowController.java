package app.flowmarket.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.catalog.ListingUploads;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.Upload;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.platform.Flash;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ListingScreen;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A seller's workflow management: list, create, edit, upload versions and screenshots, publish, archive. */
@Controller
class SellerWorkflowController {

    private final CatalogManagement catalog;
    private final CatalogPages pages;
    private final StoreManagement stores;
    private final MessageSource messages;
    private final ListingUploads uploads;

    SellerWorkflowController(CatalogManagement catalog, CatalogPages pages, StoreManagement stores, MessageSource messages,
                             ListingUploads uploads) {
        this.uploads = uploads;
        this.catalog = catalog;
        this.pages = pages;
        this.stores = stores;
        this.messages = messages;
    }

    @GetMapping("/seller/workflows")
    String list(@AuthenticationPrincipal CurrentUser seller, Model model) {
        var store = stores.findByOwner(seller.account());
        if (store.isEmpty()) {
            return "redirect:/stores/new";
        }
        model.addAttribute("store", store.get());
        model.addAttribute("workflows", pages.sellerWorkflows(seller.account()));
        return "catalog/seller-workflows";
    }

    @GetMapping("/seller/workflows/new")
    String newForm(@AuthenticationPrincipal CurrentUser seller, Model model) {
        if (stores.findByOwner(seller.account()).isEmpty()) {
            return "redirect:/stores/new";
        }
        return form(model, WorkflowFormData.empty(), FormErrors.none(), null);
    }

    /**
     * Creates the listing. When it is refused for something else than its file, the file is kept for the
     * retry (the form says so and sends its token back instead of the file); a new file chosen replaces it.
     * The file is checked too, so the seller hears everything that is wrong at once.
     */
    @PostMapping("/seller/workflows/new")
    String create(@AuthenticationPrincipal CurrentUser seller, @ModelAttribute WorkflowFormData form,
                  @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
                  @RequestParam(value = "keptUpload", required = false) @Nullable String keptUpload, Model model,
                  RedirectAttributes redirect) throws IOException {
        UUID keptToken = token(keptUpload);
        Upload chosen = upload(file);
        Upload upload = chosen != null ? chosen : uploads.find(seller.account(), keptToken).orElse(null);
        try {
            UUID id = catalog.createWorkflow(seller.actor(), form.toParameters(), upload, form.toLicencePrices());
            uploads.discard(seller.account(), keptToken);
            Flash.success(redirect, catalog.secrets(seller.account(), WorkflowId.of(id)).any() ? "workflow.created.secrets" : "workflow.created");
            return "redirect:/seller/workflows/" + id + "/edit";
        } catch (DomainException e) {
            FormErrors errors = errorFor(e);
            ListingUploads.Kept kept = null;
            if (upload != null && !e.messageKey().startsWith("workflow.file")) {
                try {
                    uploads.check(Platform.fromSlug(form.platform()).orElse(Platform.N8N), upload);
                    kept = chosen == null ? uploads.describe(seller.account(), keptToken).orElse(null) : uploads.keep(seller.account(), upload);
                    if (chosen != null) {
                        uploads.discard(seller.account(), keptToken);
                    }
                } catch (DomainException fileError) {
                    errors.add("file", text(fileError));
                }
            }
            model.addAttribute("keptUpload", kept);
            return form(model, form, errors, null);
        }
    }

    @GetMapping("/seller/workflows/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, Model model) {
        var page = pages.forEditing(seller.account(), WorkflowId.of(id));
        return form(model, formOf(page), FormErrors.none(), page);
    }

    @PostMapping("/seller/workflows/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, @ModelAttribute WorkflowFormData form,
                  Model model, RedirectAttributes redirect) {
        try {
            catalog.updateListing(seller.actor(), WorkflowId.of(id), form.toParameters(), form.toLicencePrices());
            Flash.success(redirect, "workflow.saved");
            return "redirect:/seller/workflows/" + id + "/edit";
        } catch (DomainException e) {
            return form(model, form, errorFor(e), pages.forEditing(seller.account(), WorkflowId.of(id)));
        }
    }

    /**
     * Uploads a new version. A file holding secrets for a listing that is public is not saved at once: the page names
     * the node and field of each and keeps the file, so the seller uploads a cleaned one or, when the secret rule lets
     * it through (flag or hold), confirms this one.
     */
    @PostMapping("/seller/workflows/{id}/versions")
    String addVersion(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id,
                      @RequestParam(defaultValue = "") String changelog,
                      @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
                      @RequestParam(value = "keptUpload", required = false) @Nullable String keptUpload,
                      @RequestParam(defaultValue = "false") boolean confirmSecrets, Model model,
                      RedirectAttributes redirect) throws IOException {
        UUID keptToken = token(keptUpload);
        Upload chosen = upload(file);
        Upload upload = chosen != null ? chosen : uploads.find(seller.account(), keptToken).orElse(null);
        try {
            var page = pages.forEditing(seller.account(), WorkflowId.of(id));
            if (upload != null && !(confirmSecrets && chosen == null) && page.isPublished()) {
                ListingScreen.Secrets secrets = catalog.secrets(upload);
                if (secrets.any() && secrets.outcome() != ListingScreen.Outcome.BLOCK) {
                    uploads.discard(seller.account(), keptToken);
                    model.addAttribute("versionSecrets", secrets);
                    model.addAttribute("keptVersion", uploads.keep(seller.account(), upload));
                    model.addAttribute("versionError", null);
                    model.addAttribute("changelog", changelog);
                    return form(model, formOf(page), FormErrors.none(), page);
                }
            }
            catalog.addVersion(seller.actor(), WorkflowId.of(id), changelog, upload);
            uploads.discard(seller.account(), keptToken);
            Flash.success(redirect, catalog.reviewNote(seller.account(), WorkflowId.of(id)).isPresent() ? "workflow.version.added.held"
                    : "workflow.version.added");
            return "redirect:/seller/workflows/" + id + "/edit";
        } catch (DomainException e) {
            var page = pages.forEditing(seller.account(), WorkflowId.of(id));
            model.addAttribute("versionError", text(e));
            model.addAttribute("changelog", changelog);
            return form(model, formOf(page), FormErrors.none(), page);
        }
    }

    @PostMapping("/seller/workflows/{id}/screenshots")
    String addScreenshot(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id,
                         @RequestParam(value = "image", required = false) @Nullable MultipartFile image,
                         RedirectAttributes redirect) throws IOException {
        try {
            catalog.addScreenshot(seller.actor(), WorkflowId.of(id), image == null ? null : image.getBytes());
            Flash.success(redirect, "workflow.screenshot.added");
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/seller/workflows/" + id + "/edit";
    }

    @PostMapping("/seller/workflows/{id}/screenshots/{screenshotId}/delete")
    String removeScreenshot(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id,
                            @PathVariable UUID screenshotId, RedirectAttributes redirect) {
        catalog.removeScreenshot(seller.actor(), WorkflowId.of(id), screenshotId);
        Flash.success(redirect, "workflow.screenshot.removed");
        return "redirect:/seller/workflows/" + id + "/edit";
    }

    @PostMapping("/seller/workflows/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            catalog.publish(seller.actor(), WorkflowId.of(id));
            Flash.success(redirect, catalog.reviewNote(seller.account(), WorkflowId.of(id)).isPresent() ? "workflow.published.held" : "workflow.published");
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/seller/workflows";
    }

    /** "Archive…": what archiving does, asked before it is done (a dialog over the list with JavaScript, this page without). */
    @GetMapping("/seller/workflows/{id}/archive")
    String confirmArchive(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, Model model) {
        WorkflowPage page = pages.forEditing(seller.account(), WorkflowId.of(id));
        if (!page.isPublished()) {
            return "redirect:/seller/workflows";
        }
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("title", messages.getMessage("workflow.archive.confirm.title", new Object[] {page.title()}, locale));
        model.addAttribute("consequences", List.of(
                messages.getMessage("workflow.archive.confirm.hidden", null, locale),
                messages.getMessage("workflow.archive.confirm.owners", null, locale),
                messages.getMessage("workflow.archive.confirm.undo", null, locale)));
        model.addAttribute("action", "/seller/workflows/" + id + "/archive");
        model.addAttribute("confirmLabel", messages.getMessage("workflow.archive.confirm.submit", null, locale));
        model.addAttribute("back", "/seller/workflows");
        model.addAttribute("danger", true);
        return "layout/confirm";
    }

    @PostMapping("/seller/workflows/{id}/archive")
    String archive(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, RedirectAttributes redirect) {
        catalog.archive(seller.actor(), WorkflowId.of(id));
        Flash.success(redirect, "workflow.archived");
        return "redirect:/seller/workflows";
    }

    private String form(Model model, WorkflowFormData form, FormErrors errors, @Nullable WorkflowPage existing) {
        if (!model.containsAttribute("keptUpload")) {
            model.addAttribute("keptUpload", null);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("categories", pages.categories());
        model.addAttribute("screenshotIds", existing == null ? java.util.List.of() : pages.screenshotIds(WorkflowId.of(existing.id())));
        if (!model.containsAttribute("versionError")) {
            model.addAttribute("versionError", null);
            model.addAttribute("changelog", "");
        }
        if (!model.containsAttribute("versionSecrets")) {
            model.addAttribute("versionSecrets", null);
            model.addAttribute("keptVersion", null);
        }
        model.addAttribute("secrets", existing == null ? null : catalog.secrets(AccountId.of(existing.store().ownerId()), WorkflowId.of(existing.id())));
        model.addAttribute("reviewNote", existing == null ? null
                : catalog.reviewNote(AccountId.of(existing.store().ownerId()), WorkflowId.of(existing.id())).orElse(null));
        return "catalog/seller-form";
    }

    private WorkflowFormData formOf(WorkflowPage page) {
        return WorkflowFormData.of(page, catalog.purchasable(WorkflowId.of(page.id())).map(CatalogManagement.PurchasableWorkflow::licences)
                .orElse(LicencePrices.NONE));
    }

    private FormErrors errorFor(DomainException e) {
        String key = e.messageKey();
        String field = key.startsWith("workflow.title") ? "title"
                : key.startsWith("workflow.summary") ? "summary"
                : key.startsWith("workflow.description") ? "description"
                : key.startsWith("workflow.platform") ? "platform"
                : key.startsWith("workflow.price") ? "price"
                : key.startsWith("workflow.category") ? "category"
                : key.startsWith("workflow.tags") ? "tags"
                : key.startsWith("workflow.tiers.team") || key.equals("workflow.tiers.free") ? "teamPrice"
                : key.startsWith("workflow.tiers.company") ? "companyPrice"
                : key.startsWith("workflow.file") ? "file" : "";
        return FormErrors.none().add(field, text(e));
    }

    private String text(DomainException e) {
        return FormErrors.text(e, messages);
    }

    private static @Nullable UUID token(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : new Upload(file.getOriginalFilename(), file.getBytes());
    }
}
