package app.flowmarket.catalog;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

@Entity
@Table(name = "tag")
class Tag {

    @Id
    private UUID id;
    @KeywordField
    private String slug;
    @FullTextField(analyzer = SearchAnalyzers.FOLDING)
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
