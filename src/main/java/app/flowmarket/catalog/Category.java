package app.flowmarket.catalog;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "category")
class Category {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String description;
    private int position;

    protected Category() {
    }

    Category(String slug, String name, String description, int position) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.position = position;
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

    String getDescription() {
        return description;
    }
}
