package app.flowmarket.catalog;

import app.flowmarket.shared.NewEntity;
import app.flowmarket.shared.Translated;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
class Tag extends NewEntity {

    @Id
    private UUID id;
    private String slug;
    private String name;

    /** The name in the site's other languages, by language code. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tag_name", joinColumns = @JoinColumn(name = "tag_id"))
    @MapKeyColumn(name = "language")
    @Column(name = "name")
    private Map<String, String> translations = new HashMap<>();

    protected Tag() {
    }

    Tag(String slug, String name) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
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

    Translated names() {
        return new Translated(name, translations);
    }
}
