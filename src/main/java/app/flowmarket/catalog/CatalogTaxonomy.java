package app.flowmarket.catalog;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories and tags as admins manage them: names in each language, slugs, icons, order, one level of nesting, tag
 * renames and merges. A changed slug leaves a permanent redirect behind; every change is audited with what it
 * changed, and announced ({@link TaxonomyChanged}) so caches and the search index follow once it commits.
 */
@Service
public class CatalogTaxonomy {

    public static final List<String> LANGUAGES = List.of("fr", "es", "de");

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    CatalogTaxonomy(JdbcClient jdbc, AuditLog auditLog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** Who does it, for the audit log. */
    public record Admin(UUID id, String label) {
    }

    /** A category as the admin edits it; {@code names} and {@code descriptions} hold the other languages. */
    public record CategoryData(String slug, String name, String description, String icon, int position, @Nullable UUID parentId,
                               Map<String, String> names, Map<String, String> descriptions) {

        public CategoryData {
            slug = slug == null ? "" : slug.strip().toLowerCase(java.util.Locale.ROOT);
            name = name == null ? "" : name.strip();
            description = description == null ? "" : description.strip();
            icon = icon == null ? "" : icon.strip();
            names = clean(names);
            descriptions = clean(descriptions);
        }
    }

    public record CategoryRow(UUID id, String slug, String name, String icon, int position, @Nullable UUID parentId,
                              @Nullable String parentName, long workflows, long children) {
    }

    public record TagRow(UUID id, String slug, String name, Map<String, String> names, long workflows) {
    }

    // ---- categories

    /** Every category, parents each followed by their children, in their order. */
    @Transactional(readOnly = true)
    public List<CategoryRow> categories() {
        return jdbc.sql("""
                select c.id, c.slug, c.name, c.icon, c.position, c.parent_id, p.name as parent_name,
                       (select count(*) from workflow w where w.category_id = c.id) as workflows,
                       (select count(*) from category k where k.parent_id = c.id) as children
                from category c left join category p on p.id = c.parent_id
                order by coalesce(p.position, c.position), coalesce(p.name, c.name), c.parent_id nulls first, c.position, c.name""")
                .query((rs, row) -> new CategoryRow(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                        rs.getString("icon"), rs.getInt("position"), rs.getObject("parent_id", UUID.class), rs.getString("parent_name"),
                        rs.getLong("workflows"), rs.getLong("children")))
                .list();
    }

    @Transactional(readOnly = true)
    public CategoryData category(UUID id) {
        CategoryData base = jdbc.sql("select slug, name, description, icon, position, parent_id from category where id = ?").param(id)
                .query((rs, row) -> new CategoryData(rs.getString("slug"), rs.getString("name"), rs.getString("description"),
                        rs.getString("icon"), rs.getInt("position"), rs.getObject("parent_id", UUID.class), Map.of(), Map.of()))
                .optional().orElseThrow(() -> new NotFoundException("category " + id));
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        jdbc.sql("select language, name, description from category_name where category_id = ?").param(id).query(rs -> {
            names.put(rs.getString("language"), rs.getString("name"));
            descriptions.put(rs.getString("language"), rs.getString("description"));
        });
        return new CategoryData(base.slug(), base.name(), base.description(), base.icon(), base.position(), base.parentId(), names, descriptions);
    }

    @Transactional
    public UUID createCategory(CategoryData data, Admin admin) {
        validate(null, data);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into category (id, slug, name, description, position, icon, parent_id) values (?, ?, ?, ?, ?, ?, ?)")
                .params(java.util.Arrays.asList(id, data.slug(), data.name(), data.description(), data.position(), data.icon(), data.parentId()))
                .update();
        writeTranslations(id, data);
        forgetRedirect("category", data.slug());
        auditLog.recordChange(admin.id(), admin.label(), "category.created", "category", id, changes(null, data));
        events.publishEvent(new TaxonomyChanged(Set.of()));
        return id;
    }

    @Transactional
    public void updateCategory(UUID id, CategoryData data, Admin admin) {
        CategoryData before = category(id);
        validate(id, data);
        jdbc.sql("update category set slug = ?, name = ?, description = ?, position = ?, icon = ?, parent_id = ? where id = ?")
                .params(java.util.Arrays.asList(data.slug(), data.name(), data.description(), data.position(), data.icon(), data.parentId(), id))
                .update();
        jdbc.sql("delete from category_name where category_id = ?").param(id).update();
        writeTranslations(id, data);
        if (!before.slug().equals(data.slug())) {
            redirect("category", before.slug(), data.slug());
        }
        auditLog.recordChange(admin.id(), admin.label(), "category.updated", "category", id, changes(before, data));
        events.publishEvent(new TaxonomyChanged(Set.of()));
    }

    /** Only an empty category goes: its workflows and sub-categories are moved elsewhere first, so none is left without one. */
    @Transactional
    public void deleteCategory(UUID id, Admin admin) {
        CategoryData before = category(id);
        if (jdbc.sql("select count(*) from workflow where category_id = ?").param(id).query(Long.class).single() > 0) {
            throw new DomainException("taxonomy.category.in-use");
        }
        if (jdbc.sql("select count(*) from category where parent_id = ?").param(id).query(Long.class).single() > 0) {
            throw new DomainException("taxonomy.category.has-children");
        }
        jdbc.sql("delete from category where id = ?").param(id).update();
        auditLog.recordChange(admin.id(), admin.label(), "category.deleted", "category", id, changes(before, null));
        events.publishEvent(new TaxonomyChanged(Set.of()));
    }

    private void validate(@Nullable UUID id, CategoryData data) {
        if (data.name().isEmpty() || data.name().length() > 80) {
            throw new DomainException("taxonomy.name.invalid", 80);
        }
        if (!Slugs.isValid(data.slug(), 60)) {
            throw new DomainException("taxonomy.slug.invalid");
        }
        if (data.description().length() > 300 || data.descriptions().values().stream().anyMatch(d -> d.length() > 300)) {
            throw new DomainException("taxonomy.description.too-long", 300);
        }
        if (data.names().values().stream().anyMatch(n -> n.length() > 80)) {
            throw new DomainException("taxonomy.name.invalid", 80);
        }
        if (data.icon().codePointCount(0, data.icon().length()) > 4 || data.icon().length() > 16) {
            throw new DomainException("taxonomy.icon.invalid");
        }
        if (data.position() < 0 || data.position() > 10_000) {
            throw new DomainException("taxonomy.position.invalid");
        }
        if (jdbc.sql("select count(*) from category where slug = ? and id is distinct from ?").params(java.util.Arrays.asList(data.slug(), id))
                .query(Long.class).single() > 0) {
            throw new DomainException("taxonomy.slug.taken");
        }
        if (data.parentId() != null) {
            if (data.parentId().equals(id)) {
                throw new DomainException("taxonomy.parent.invalid");
            }
            var parentsParent = jdbc.sql("select parent_id from category where id = ?").param(data.parentId())
                    .query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                    .orElseThrow(() -> new DomainException("taxonomy.parent.invalid"));
            if (parentsParent.isPresent()) {
                throw new DomainException("taxonomy.parent.nested");
            }
            if (id != null && jdbc.sql("select count(*) from category where parent_id = ?").param(id).query(Long.class).single() > 0) {
                throw new DomainException("taxonomy.parent.has-children");
            }
        }
    }

    private void writeTranslations(UUID id, CategoryData data) {
        for (String language : LANGUAGES) {
            String name = data.names().get(language);
            if (name != null) {
                jdbc.sql("insert into category_name (category_id, language, name, description) values (?, ?, ?, ?)")
                        .params(id, language, name, data.descriptions().getOrDefault(language, "")).update();
            }
        }
    }

    private static Map<String, AuditLog.Change> changes(@Nullable CategoryData before, @Nullable CategoryData after) {
        Map<String, AuditLog.Change> changes = new LinkedHashMap<>();
        changes.put("slug", new AuditLog.Change(before == null ? null : before.slug(), after == null ? null : after.slug()));
        changes.put("name", new AuditLog.Change(before == null ? null : before.name(), after == null ? null : after.name()));
        for (String language : LANGUAGES) {
            changes.put("name." + language, new AuditLog.Change(before == null ? null : before.names().get(language),
                    after == null ? null : after.names().get(language)));
        }
        changes.put("description", new AuditLog.Change(before == null ? null : before.description(), after == null ? null : after.description()));
        changes.put("icon", new AuditLog.Change(before == null ? null : before.icon(), after == null ? null : after.icon()));
        changes.put("position", new AuditLog.Change(before == null ? null : String.valueOf(before.position()),
                after == null ? null : String.valueOf(after.position())));
        changes.put("parent", new AuditLog.Change(before == null || before.parentId() == null ? null : before.parentId().toString(),
                after == null || after.parentId() == null ? null : after.parentId().toString()));
        return changes;
    }

    // ---- tags

    @Transactional(readOnly = true)
    public List<TagRow> tags() {
        Map<UUID, Map<String, String>> names = new java.util.HashMap<>();
        jdbc.sql("select tag_id, language, name from tag_name").query(rs -> {
            names.computeIfAbsent(rs.getObject("tag_id", UUID.class), k -> new LinkedHashMap<>()).put(rs.getString("language"), rs.getString("name"));
        });
        return jdbc.sql("""
                select t.id, t.slug, t.name, (select count(*) from workflow_tag wt where wt.tag_id = t.id) as workflows
                from tag t order by lower(t.name)""")
                .query((rs, row) -> new TagRow(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                        names.getOrDefault(rs.getObject("id", UUID.class), Map.of()), rs.getLong("workflows")))
                .list();
    }

    @Transactional(readOnly = true)
    public TagRow tag(UUID id) {
        return tags().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new NotFoundException("tag " + id));
    }

    /** A new name (in English and the other languages) and slug for a tag; the listings carrying it are reindexed. */
    @Transactional
    public void renameTag(UUID id, String slug, String name, Map<String, String> names, Admin admin) {
        TagRow before = tag(id);
        String newSlug = slug == null ? "" : slug.strip().toLowerCase(java.util.Locale.ROOT);
        String newName = name == null ? "" : name.strip();
        Map<String, String> newNames = clean(names);
        if (newName.isEmpty() || newName.length() > 60 || newNames.values().stream().anyMatch(n -> n.length() > 60)) {
            throw new DomainException("taxonomy.name.invalid", 60);
        }
        if (!Slugs.isValid(newSlug, 60)) {
            throw new DomainException("taxonomy.slug.invalid");
        }
        if (jdbc.sql("select count(*) from tag where slug = ? and id <> ?").params(newSlug, id).query(Long.class).single() > 0) {
            throw new DomainException("taxonomy.slug.taken");
        }
        jdbc.sql("update tag set slug = ?, name = ? where id = ?").params(newSlug, newName, id).update();
        jdbc.sql("delete from tag_name where tag_id = ?").param(id).update();
        for (String language : LANGUAGES) {
            if (newNames.containsKey(language)) {
                jdbc.sql("insert into tag_name (tag_id, language, name) values (?, ?, ?)").params(id, language, newNames.get(language)).update();
            }
        }
        if (!before.slug().equals(newSlug)) {
            redirect("tag", before.slug(), newSlug);
        }
        Map<String, AuditLog.Change> changes = new LinkedHashMap<>();
        changes.put("slug", new AuditLog.Change(before.slug(), newSlug));
        changes.put("name", new AuditLog.Change(before.name(), newName));
        for (String language : LANGUAGES) {
            changes.put("name." + language, new AuditLog.Change(before.names().get(language), newNames.get(language)));
        }
        auditLog.recordChange(admin.id(), admin.label(), "tag.renamed", "tag", id, changes);
        events.publishEvent(new TaxonomyChanged(taggedWith(id)));
    }

    /**
     * Moves every listing tagged {@code from} to {@code into} (a listing that had both keeps one tagging), then removes
     * {@code from}; its address redirects to {@code into}'s.
     */
    @Transactional
    public int mergeTags(UUID from, UUID into, Admin admin) {
        if (from.equals(into)) {
            throw new DomainException("taxonomy.merge.same");
        }
        TagRow source = tag(from);
        TagRow target = tag(into);
        Set<UUID> affected = taggedWith(from);
        int moved = jdbc.sql("""
                insert into workflow_tag (workflow_id, tag_id)
                select workflow_id, ? from workflow_tag where tag_id = ?
                on conflict do nothing""").params(into, from).update();
        jdbc.sql("delete from tag where id = ?").param(from).update();
        redirect("tag", source.slug(), target.slug());
        Map<String, AuditLog.Change> changes = new LinkedHashMap<>();
        changes.put("tag", new AuditLog.Change(source.slug(), target.slug()));
        changes.put("workflows", new AuditLog.Change(String.valueOf(source.workflows()), String.valueOf(affected.size())));
        auditLog.recordChange(admin.id(), admin.label(), "tag.merged", "tag", into, changes);
        events.publishEvent(new TaxonomyChanged(affected));
        return moved;
    }

    /** Only a tag no listing carries is deleted; a used one is merged into another instead. */
    @Transactional
    public void deleteTag(UUID id, Admin admin) {
        TagRow before = tag(id);
        if (before.workflows() > 0) {
            throw new DomainException("taxonomy.tag.in-use", before.workflows());
        }
        jdbc.sql("delete from tag where id = ?").param(id).update();
        auditLog.recordChange(admin.id(), admin.label(), "tag.deleted", "tag", id,
                Map.of("slug", new AuditLog.Change(before.slug(), null), "name", new AuditLog.Change(before.name(), null)));
        events.publishEvent(new TaxonomyChanged(Set.of()));
    }

    private Set<UUID> taggedWith(UUID tagId) {
        return new HashSet<>(jdbc.sql("select workflow_id from workflow_tag where tag_id = ?").param(tagId).query(UUID.class).list());
    }

    // ---- old addresses

    /** Where a category's or tag's former slug lives now, if it was changed or merged away. */
    @Transactional(readOnly = true)
    public Optional<String> movedSlug(String kind, String oldSlug) {
        return jdbc.sql("select new_slug from slug_redirect where kind = ? and old_slug = ?").params(kind, oldSlug).query(String.class).optional();
    }

    private void redirect(String kind, String oldSlug, String newSlug) {
        forgetRedirect(kind, newSlug);
        // earlier moves of this category point to its newest slug, so an old link is one redirect, not a chain
        jdbc.sql("update slug_redirect set new_slug = ? where kind = ? and new_slug = ?").params(newSlug, kind, oldSlug).update();
        jdbc.sql("""
                insert into slug_redirect (kind, old_slug, new_slug, moved_at) values (?, ?, ?, ?)
                on conflict (kind, old_slug) do update set new_slug = excluded.new_slug, moved_at = excluded.moved_at""")
                .params(kind, oldSlug, newSlug, Timestamp.from(Instant.now())).update();
    }

    /** A slug in use again is that thing's address, not a redirect. */
    private void forgetRedirect(String kind, String slug) {
        jdbc.sql("delete from slug_redirect where kind = ? and old_slug = ?").params(kind, slug).update();
    }

    private static Map<String, String> clean(@Nullable Map<String, String> values) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((language, value) -> {
                if (LANGUAGES.contains(language) && value != null && !value.isBlank()) {
                    clean.put(language, value.strip());
                }
            });
        }
        return clean;
    }
}
