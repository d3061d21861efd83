package app.flowmarket.catalog;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
class Tag {

    @Id
    private UUID id;
    private String slug;
    private String name;

    protected Tag() {
    }

    Tag(String slug, String name) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
    }

    UUID getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }
}
