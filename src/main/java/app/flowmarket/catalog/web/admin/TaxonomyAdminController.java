package app.flowmarket.catalog.web.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.catalog.CatalogTaxonomy;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the catalogue's categories and tags: add, rename in each language, reorder, nest, merge, remove. */
@Controller
class TaxonomyAdminController {

    private final CatalogTaxonomy taxonomy;

    TaxonomyAdminController(CatalogTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/admin/categories")
    String categories(Model model) {
        model.addAttribute("categories", taxonomy.categories());
        return "catalog/admin/categories";
    }

    @GetMapping("/admin/categories/new")
    String newCategory(Model model) {
        return form(null, CategoryFormData.empty(), null, model);
    }

    @PostMapping("/admin/categories")
    String create(@AuthenticationPrincipal CurrentUser admin, @ModelAttribute CategoryFormData form, Model model, RedirectAttributes redirect) {
        try {
            taxonomy.createCategory(form.toData(), who(admin));
        } catch (DomainException e) {
            return form(null, form, e, model);
        }
        Flash.success(redirect, "taxonomy.category.saved", form.value(form.name()));
        return "redirect:/admin/categories";
    }

    @GetMapping("/admin/categories/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(id, CategoryFormData.of(taxonomy.category(id)), null, model);
    }

    @PostMapping("/admin/categories/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @ModelAttribute CategoryFormData form, Model model,
                  RedirectAttributes redirect) {
        try {
            taxonomy.updateCategory(id, form.toData(), who(admin));
        } catch (DomainException e) {
            return form(id, form, e, model);
        }
        Flash.success(redirect, "taxonomy.category.saved", form.value(form.name()));
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        if (Flash.attempt(redirect, "taxonomy.category.deleted", () -> taxonomy.deleteCategory(id, who(admin)))) {
            return "redirect:/admin/categories";
        }
        return "redirect:/admin/categories/" + id;
    }

    private String form(@Nullable UUID id, CategoryFormData form, @Nullable DomainException error, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("parents", taxonomy.categories().stream().filter(c -> c.parentId() == null && !c.id().equals(id)).toList());
        return "catalog/admin/category";
    }

    @GetMapping("/admin/tags")
    String tags(Model model) {
        model.addAttribute("tags", taxonomy.tags());
        return "catalog/admin/tags";
    }

    @GetMapping("/admin/tags/{id}")
    String tag(@PathVariable UUID id, Model model) {
        model.addAttribute("tag", taxonomy.tag(id));
        model.addAttribute("others", taxonomy.tags().stream().filter(t -> !t.id().equals(id)).toList());
        return "catalog/admin/tag";
    }

    @PostMapping("/admin/tags/{id}")
    String rename(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam(defaultValue = "") String slug,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String nameFr,
                  @RequestParam(defaultValue = "") String nameEs, @RequestParam(defaultValue = "") String nameDe, RedirectAttributes redirect) {
        Map<String, String> names = new HashMap<>();
        names.put("fr", nameFr);
        names.put("es", nameEs);
        names.put("de", nameDe);
        Flash.attempt(redirect, "taxonomy.tag.saved", () -> taxonomy.renameTag(id, slug, name, names, who(admin)));
        return "redirect:/admin/tags/" + id;
    }

    @PostMapping("/admin/tags/{id}/merge")
    String merge(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam(required = false) @Nullable UUID into,
                 RedirectAttributes redirect) {
        if (into == null) {
            Flash.error(redirect, new DomainException("taxonomy.merge.choose"));
            return "redirect:/admin/tags/" + id;
        }
        if (Flash.attempt(redirect, "taxonomy.tag.merged", () -> taxonomy.mergeTags(id, into, who(admin)))) {
            return "redirect:/admin/tags/" + into;
        }
        return "redirect:/admin/tags/" + id;
    }

    @PostMapping("/admin/tags/{id}/delete")
    String deleteTag(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        if (Flash.attempt(redirect, "taxonomy.tag.deleted", () -> taxonomy.deleteTag(id, who(admin)))) {
            return "redirect:/admin/tags";
        }
        return "redirect:/admin/tags/" + id;
    }

    private static CatalogTaxonomy.Admin who(CurrentUser admin) {
        return new CatalogTaxonomy.Admin(admin.id(), admin.email());
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage categoriesAdminPage() {
            return AreaPage.admin("/admin/categories", "taxonomy.categories.title", "admin.page.categories", 20);
        }

        @Bean
        AreaPage tagsAdminPage() {
            return AreaPage.admin("/admin/tags", "taxonomy.tags.title", "admin.page.tags", 21);
        }
    }
}
