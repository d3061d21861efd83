package app.flowmarket.catalog.web.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.catalog.CatalogTaxonomy;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;

/** The category form: the English name and description, the other languages' beside them, slug, icon, order and parent. */
public record CategoryFormData(@Nullable String slug, @Nullable String name, @Nullable String description, @Nullable String icon,
                               @Nullable String position, @Nullable String parent,
                               @Nullable String nameFr, @Nullable String nameEs, @Nullable String nameDe,
                               @Nullable String descriptionFr, @Nullable String descriptionEs, @Nullable String descriptionDe) {

    static CategoryFormData of(CatalogTaxonomy.CategoryData data) {
        return new CategoryFormData(data.slug(), data.name(), data.description(), data.icon(), String.valueOf(data.position()),
                data.parentId() == null ? "" : data.parentId().toString(),
                data.names().get("fr"), data.names().get("es"), data.names().get("de"),
                data.descriptions().get("fr"), data.descriptions().get("es"), data.descriptions().get("de"));
    }

    static CategoryFormData empty() {
        return new CategoryFormData("", "", "", "", "0", "", "", "", "", "", "", "");
    }

    CatalogTaxonomy.CategoryData toData() {
        int order;
        try {
            order = position == null || position.isBlank() ? 0 : Integer.parseInt(position.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("taxonomy.position.invalid");
        }
        UUID parentId;
        try {
            parentId = parent == null || parent.isBlank() ? null : UUID.fromString(parent.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("taxonomy.parent.invalid");
        }
        Map<String, String> names = new HashMap<>();
        put(names, "fr", nameFr);
        put(names, "es", nameEs);
        put(names, "de", nameDe);
        Map<String, String> descriptions = new HashMap<>();
        put(descriptions, "fr", descriptionFr);
        put(descriptions, "es", descriptionEs);
        put(descriptions, "de", descriptionDe);
        return new CatalogTaxonomy.CategoryData(orEmpty(slug), orEmpty(name), orEmpty(description), orEmpty(icon), order, parentId, names, descriptions);
    }

    // a post without one of the fields is refused by the rules like an empty one, not with a server error
    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static void put(Map<String, String> map, String language, @Nullable String value) {
        if (value != null) {
            map.put(language, value);
        }
    }

    public String value(@Nullable String field) {
        return field == null ? "" : field;
    }
}
