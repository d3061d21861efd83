package app.flowmarket.catalog;

import app.flowmarket.shared.NewEntity;
import app.flowmarket.shared.Translated;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "category")
class Category extends NewEntity {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String description;
    private int position;

    /** The name and description in the site's other languages, by language code. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "category_name", joinColumns = @JoinColumn(name = "category_id"))
    @MapKeyColumn(name = "language")
    private Map<String, Text> translations = new HashMap<>();

    @Embeddable
    record Text(String name, String description) {
    }

    protected Category() {
    }

    Category(String slug, String name, String description, int position) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.position = position;
    }

    @Override
    public UUID getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    Translated names() {
        Map<String, String> names = new HashMap<>();
        translations.forEach((language, text) -> names.put(language, text.name()));
        return new Translated(name, names);
    }

    Translated descriptions() {
        Map<String, String> descriptions = new HashMap<>();
        translations.forEach((language, text) -> descriptions.put(language, text.description()));
        return new Translated(description, descriptions);
    }
}
