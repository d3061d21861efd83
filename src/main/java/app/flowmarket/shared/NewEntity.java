package app.flowmarket.shared;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Base of the entities that choose their own id in their constructor. Spring Data tells a new entity from a
 * stored one by its id, and an entity whose id is already set looks stored, so saving it would merge: a SELECT
 * before every INSERT. Here the entity knows: new until it is written or read.
 */
@MappedSuperclass
public abstract class NewEntity implements Persistable<UUID> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
