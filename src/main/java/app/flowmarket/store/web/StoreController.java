package app.flowmarket.store.web;

import java.io.IOException;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.platform.Flash;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.platform.Principals;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class StoreController {

    private final StoreManagement stores;
    private final MessageSource messages;
    private final AccountManagement accounts;

    StoreController(StoreManagement stores, MessageSource messages, AccountManagement accounts) {
        this.stores = stores;
        this.messages = messages;
        this.accounts = accounts;
    }

    @GetMapping("/stores/new")
    String openForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (stores.findByOwner(user.account()).isPresent()) {
            return "redirect:/seller/store";
        }
        model.addAttribute("form", StoreFormData.empty());
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("editing", false);
        return "store/form";
    }

    @PostMapping("/stores/new")
    String open(@AuthenticationPrincipal CurrentUser user, @ModelAttribute StoreFormData form, Model model,
                RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        try {
            stores.open(user.account(), form.toParameters());
            // the new seller role applies at once, without signing in again
            Principals.refresh(accounts.find(user.id()).orElseThrow(), request, response);
            Flash.success(redirect, "store.opened");
            return "redirect:/seller/workflows";
        } catch (DomainException e) {
            return formWithError(model, form, e, false);
        }
    }

    @GetMapping("/seller/store")
    String editForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        var store = stores.findByOwner(user.account());
        if (store.isEmpty()) {
            return "redirect:/stores/new";
        }
        model.addAttribute("form", StoreFormData.of(store.get()));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("editing", true);
        model.addAttribute("avatarUrl", store.get().avatarUrl());
        return "store/form";
    }

    @PostMapping("/seller/store")
    String edit(@AuthenticationPrincipal CurrentUser user, @ModelAttribute StoreFormData form, Model model,
                RedirectAttributes redirect) {
        try {
            stores.update(user.account(), form.toParameters());
            Flash.success(redirect, "store.saved");
            return "redirect:/seller/store";
        } catch (DomainException e) {
            model.addAttribute("avatarUrl", stores.findByOwner(user.account()).map(StoreManagement.StoreView::avatarUrl).orElse(null));
            return formWithError(model, form, e, true);
        }
    }

    @PostMapping("/seller/store/avatar")
    String avatar(@AuthenticationPrincipal CurrentUser user, @RequestParam("avatar") MultipartFile avatar,
                  RedirectAttributes redirect) throws IOException {
        byte[] picture = avatar.getBytes();
        Flash.attempt(redirect, "store.avatar.saved", () -> stores.changeAvatar(user.account(), picture));
        return "redirect:/seller/store";
    }

    private String formWithError(Model model, StoreFormData form, DomainException e, boolean editing) {
        String key = e.messageKey();
        String field = key.startsWith("store.name") ? "name"
                : key.startsWith("store.slug") ? "slug"
                : key.startsWith("store.bio") ? "bio"
                : key.startsWith("store.website") ? "websiteUrl"
                : key.startsWith("store.handle") ? "twitterHandle" : "";
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.none().add(field, FormErrors.text(e, messages)));
        model.addAttribute("editing", editing);
        return "store/form";
    }
}
