package app.flowmarket.n8n;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CatalogQueries.WorkflowCard;
import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.search.CatalogSearch;
import app.flowmarket.search.SearchQuery;
import app.flowmarket.search.SearchResults;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * n8n's template-host API over Flowmarket, as one buyer sees it: every n8n workflow of the catalogue, found with
 * the site's own search engine, importable when the buyer owns it or it is free; a paid one they do not own shows
 * its description and its graph (nodes without their settings, and the connections) but never its file.
 * Shapes follow the n8n editor's templates client (its rest-api client's {@code templates} module).
 */
@Service
public class TemplateHost {

    /** The one collection: the buyer's purchases. */
    static final long LIBRARY_COLLECTION = 1;
    static final int MAX_ROWS = 100;
    /** A search over several categories is merged from this many results of each. */
    private static final int MERGE_LIMIT = 480;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CatalogSearch search;
    private final CatalogPages pages;
    private final CatalogManagement catalog;
    private final Licensing licensing;
    private final BlobStore blobs;
    private final TemplateIds ids;
    private final SiteSettings site;
    private final Map<UUID, JsonNode> files = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, JsonNode> eldest) {
            return size() > 300;
        }
    });

    TemplateHost(CatalogSearch search, CatalogPages pages, CatalogManagement catalog, Licensing licensing, BlobStore blobs,
                 TemplateIds ids, SiteSettings site) {
        this.search = search;
        this.pages = pages;
        this.catalog = catalog;
        this.licensing = licensing;
        this.blobs = blobs;
        this.ids = ids;
        this.site = site;
    }

    // ---- the shapes n8n reads --------------------------------------------------------------------

    public record Category(long id, String name) {
    }

    public record IconData(String type, String icon) {
    }

    /** A node type a template uses (n8n's ITemplatesNode). */
    public record TemplateNode(long id, String name, String displayName, String icon, IconData iconData, Map<String, String> defaults,
                               @Nullable Double typeVersion) {
    }

    public record User(String username) {
    }

    public record Image(long id, String url) {
    }

    /** A template without its workflow (n8n's ITemplatesWorkflow). */
    public record TemplateSummary(long id, String createdAt, String name, List<TemplateNode> nodes, int totalViews, User user) {
    }

    public record NodeTypeCount(int count) {
    }

    public record WorkflowInfo(int nodeCount, Map<String, NodeTypeCount> nodeTypes) {
    }

    /** A template with its description and the workflow to preview (n8n's ITemplatesWorkflowResponse). */
    public record TemplateDetail(long id, String createdAt, String name, List<TemplateNode> nodes, int totalViews, User user,
                                 @Nullable String description, List<Image> image, List<Category> categories,
                                 WorkflowInfo workflowInfo, JsonNode workflow) {
    }

    /** What the editor imports (n8n's IWorkflowTemplate). */
    public record ImportableTemplate(long id, String name, JsonNode workflow) {
    }

    public record CollectionRef(long id) {
    }

    public record CollectionSummary(long id, String name, List<TemplateNode> nodes, List<CollectionRef> workflows) {
    }

    public record CollectionDetail(long id, String name, List<TemplateNode> nodes, List<TemplateSummary> workflows,
                                   @Nullable String description, List<Image> image, List<Category> categories, String createdAt) {
    }

    public record SearchPage(int totalWorkflows, List<TemplateSummary> workflows, List<Object> filters) {
    }

    /** Why a template's file was not handed out. */
    public enum Refusal { NOT_FOUND, NOT_OWNED }

    public record Import(@Nullable ImportableTemplate template, @Nullable Refusal refusal, @Nullable String buyUrl) {
    }

    // ---- the endpoints ---------------------------------------------------------------------------

    public List<Category> categories() {
        List<CategoryView> all = pages.categories();
        Map<UUID, Long> numbers = ids.categories(all.stream().map(CategoryView::id).toList());
        return all.stream().map(c -> new Category(TemplateIds.of(numbers, c.id()), c.name().english())).toList();
    }

    /** The buyer's purchases as one collection, when any of them is an n8n workflow that matches. */
    public List<CollectionSummary> collections(UUID buyerId, List<String> categoryValues, String text) {
        List<WorkflowPage> owned = library(buyerId, categoryValues, text);
        if (owned.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> numbers = ids.workflows(owned.stream().map(WorkflowPage::id).toList());
        return List.of(new CollectionSummary(LIBRARY_COLLECTION, "Your Flowmarket library", collectionNodes(owned),
                owned.stream().map(w -> new CollectionRef(TemplateIds.of(numbers, w.id()))).toList()));
    }

    public Optional<CollectionDetail> collection(UUID buyerId, long id) {
        if (id != LIBRARY_COLLECTION) {
            return Optional.empty();
        }
        List<WorkflowPage> owned = library(buyerId, List.of(), "");
        Map<UUID, Long> numbers = ids.workflows(owned.stream().map(WorkflowPage::id).toList());
        List<TemplateSummary> summaries = owned.stream().map(w -> summary(TemplateIds.of(numbers, w.id()), w)).toList();
        String createdAt = owned.stream().map(w -> w.publishedAt() == null ? null : w.publishedAt().toString())
                .filter(java.util.Objects::nonNull).min(String::compareTo).orElse("1970-01-01T00:00:00Z");
        return Optional.of(new CollectionDetail(LIBRARY_COLLECTION, "Your Flowmarket library", collectionNodes(owned), summaries,
                "Every n8n workflow you bought on Flowmarket, at its latest version.", List.of(), List.of(), createdAt));
    }

    /**
     * One page of the n8n catalogue with the site's search engine (same words, same ranking); {@code page} counts from
     * 1 and {@code rows} templates make a page. Several categories: a template in any of them.
     */
    public SearchPage search(List<String> categoryValues, String text, int page, int rows) {
        int size = Math.max(1, Math.min(rows, MAX_ROWS));
        int offset = (Math.max(1, page) - 1) * size;
        List<String> slugs = categorySlugs(categoryValues);
        if (!categoryValues.isEmpty() && slugs.isEmpty()) {
            return new SearchPage(0, List.of(), List.of());
        }
        List<WorkflowCard> cards;
        long total;
        if (slugs.size() <= 1) {
            String slug = slugs.isEmpty() ? null : slugs.get(0);
            List<WorkflowCard> found = new ArrayList<>();
            total = 0;
            int first = offset / CatalogSearch.PAGE_SIZE + 1;
            int last = (offset + size - 1) / CatalogSearch.PAGE_SIZE + 1;
            for (int p = first; p <= last; p++) {
                SearchResults results = search.search(query(text, slug, p));
                total = results.page().total();
                results.page().items().forEach(hit -> found.add(hit.card()));
                if (results.page().items().size() < CatalogSearch.PAGE_SIZE) {
                    break;
                }
            }
            int from = Math.min(found.size(), offset - (first - 1) * CatalogSearch.PAGE_SIZE);
            cards = found.subList(from, Math.min(found.size(), from + size));
        } else {
            Map<UUID, WorkflowCard> merged = new LinkedHashMap<>();
            for (String slug : slugs) {
                for (int p = 1; p <= MERGE_LIMIT / CatalogSearch.PAGE_SIZE; p++) {
                    SearchResults results = search.search(query(text, slug, p));
                    results.page().items().forEach(hit -> merged.putIfAbsent(hit.card().id(), hit.card()));
                    if (results.page().items().size() < CatalogSearch.PAGE_SIZE) {
                        break;
                    }
                }
            }
            List<WorkflowCard> all = new ArrayList<>(merged.values());
            total = all.size();
            cards = all.subList(Math.min(all.size(), offset), Math.min(all.size(), offset + size));
        }
        Map<UUID, Long> numbers = ids.workflows(cards.stream().map(WorkflowCard::id).toList());
        List<TemplateSummary> summaries = new ArrayList<>();
        for (WorkflowCard card : cards) {
            pages.publishedWorkflow(WorkflowId.of(card.id())).ifPresent(w -> summaries.add(summary(TemplateIds.of(numbers, card.id()), w)));
        }
        return new SearchPage((int) Math.min(Integer.MAX_VALUE, total), summaries, List.of());
    }

    /** A template's page in n8n: for a paid one the buyer does not own, the graph without the nodes' settings. */
    public Optional<TemplateDetail> workflow(UUID buyerId, long id) {
        return visible(buyerId, id).map(w -> {
            boolean importable = importable(buyerId, w);
            JsonNode file = latestFile(w).orElseGet(() -> emptyWorkflow());
            JsonNode shown = importable ? workflowPart(file) : graphOnly(file);
            List<String> types = nodeTypes(file);
            Map<String, NodeTypeCount> counts = new LinkedHashMap<>();
            for (String type : types) {
                counts.merge(type, new NodeTypeCount(1), (a, b) -> new NodeTypeCount(a.count() + 1));
            }
            List<Category> categories = new ArrayList<>();
            if (w.category() != null) {
                categories.add(new Category(TemplateIds.of(ids.categories(List.of(w.category().id())), w.category().id()), w.category().name().english()));
            }
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < w.screenshotUrls().size(); i++) {
                images.add(new Image(i + 1, site.url(w.screenshotUrls().get(i))));
            }
            String description = w.descriptionMarkdown() == null || w.descriptionMarkdown().isBlank() ? w.summary() : w.descriptionMarkdown();
            if (!importable) {
                description = description + "\n\n---\n\n**" + w.price().format(Locale.ENGLISH) + " on Flowmarket.** Buy it at "
                        + site.url("/workflows/" + w.slug()) + " to import it into your n8n.";
            }
            TemplateSummary s = summary(id, w);
            return new TemplateDetail(id, s.createdAt(), s.name(), s.nodes(), s.totalViews(), s.user(), description, images,
                    categories, new WorkflowInfo(types.size(), counts), shown);
        });
    }

    /** The workflow the editor imports: only for its owner, or when it is free. */
    public Import importable(UUID buyerId, long id) {
        Optional<WorkflowPage> found = visible(buyerId, id);
        if (found.isEmpty()) {
            return new Import(null, Refusal.NOT_FOUND, null);
        }
        WorkflowPage w = found.get();
        if (!importable(buyerId, w)) {
            return new Import(null, Refusal.NOT_OWNED, site.url("/workflows/" + w.slug()));
        }
        Optional<JsonNode> file = latestFile(w);
        if (file.isEmpty()) {
            return new Import(null, Refusal.NOT_FOUND, null);
        }
        return new Import(new ImportableTemplate(id, w.title(), workflowPart(file.get())), null, null);
    }

    // ---- who sees what -----------------------------------------------------------------------------

    /** A published n8n workflow, or one the buyer owns that has since been taken off sale. */
    private Optional<WorkflowPage> visible(UUID buyerId, long id) {
        return ids.workflowOf(id)
                .flatMap(workflowId -> pages.publishedWorkflow(WorkflowId.of(workflowId))
                        .or(() -> licensing.owns(AccountId.of(buyerId), WorkflowId.of(workflowId)) ? pages.workflowById(WorkflowId.of(workflowId)) : Optional.empty()))
                .filter(w -> w.platform() == Platform.N8N);
    }

    private boolean importable(UUID buyerId, WorkflowPage w) {
        return (w.isPublished() && w.price().isFree()) || licensing.owns(AccountId.of(buyerId), WorkflowId.of(w.id()));
    }

    private List<WorkflowPage> library(UUID buyerId, List<String> categoryValues, String text) {
        Set<String> slugs = new LinkedHashSet<>(categorySlugs(categoryValues));
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<WorkflowPage> owned = new ArrayList<>();
        for (Licensing.LibraryItem item : licensing.library(AccountId.of(buyerId))) {
            pages.workflowById(WorkflowId.of(item.workflowId()))
                    .filter(w -> w.platform() == Platform.N8N)
                    .filter(w -> slugs.isEmpty() || (w.category() != null && slugs.contains(w.category().slug())))
                    .filter(w -> needle.isEmpty() || w.title().toLowerCase(Locale.ROOT).contains(needle)
                            || w.summary().toLowerCase(Locale.ROOT).contains(needle))
                    .ifPresent(owned::add);
        }
        return owned;
    }

    /** Categories as n8n names them: by number (collections) or by name (search); a slug works too. */
    private List<String> categorySlugs(List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<CategoryView> all = pages.categories();
        Set<String> slugs = new LinkedHashSet<>();
        for (String value : values) {
            String v = value.strip();
            if (v.isEmpty()) {
                continue;
            }
            if (v.chars().allMatch(Character::isDigit) && v.length() < 10) {
                ids.categoryOf(Long.parseLong(v)).flatMap(uuid -> all.stream().filter(c -> c.id().equals(uuid)).findFirst())
                        .ifPresent(c -> slugs.add(c.slug()));
                continue;
            }
            all.stream().filter(c -> c.slug().equalsIgnoreCase(v) || c.name().all().stream().anyMatch(n -> n.equalsIgnoreCase(v)))
                    .findFirst().ifPresent(c -> slugs.add(c.slug()));
        }
        return List.copyOf(slugs);
    }

    private static SearchQuery query(String text, @Nullable String categorySlug, int page) {
        return SearchQuery.of(text, categorySlug, null, Platform.N8N.slug(), null, null, null, null, page);
    }

    // ---- shapes from the workflow file --------------------------------------------------------------

    private TemplateSummary summary(long id, WorkflowPage w) {
        List<String> types = latestFile(w).map(TemplateHost::nodeTypes).orElse(List.of());
        return new TemplateSummary(id, w.publishedAt() == null ? w.updatedAt().toString() : w.publishedAt().toString(), w.title(),
                templateNodes(types, latestFile(w).orElse(null)), w.salesCount(), new User(w.store().name()));
    }

    private List<TemplateNode> collectionNodes(List<WorkflowPage> workflows) {
        Set<String> types = new LinkedHashSet<>();
        workflows.forEach(w -> latestFile(w).ifPresent(f -> types.addAll(nodeTypes(f))));
        return templateNodes(List.copyOf(types), null);
    }

    private static List<TemplateNode> templateNodes(List<String> types, @Nullable JsonNode file) {
        Map<String, Double> versions = new LinkedHashMap<>();
        if (file != null) {
            for (JsonNode node : file.path("nodes").values()) {
                if (node.path("typeVersion").isNumber()) {
                    versions.putIfAbsent(node.path("type").asString(""), node.path("typeVersion").asDouble());
                }
            }
        }
        List<TemplateNode> nodes = new ArrayList<>();
        for (String type : new LinkedHashSet<>(types)) {
            if (type.endsWith(".stickyNote")) {
                continue;
            }
            String display = displayName(type);
            nodes.add(new TemplateNode(type.hashCode() & 0x7fffffffL, type, display, "fa:cube", new IconData("icon", "cube"),
                    Map.of("name", display), versions.get(type)));
        }
        return nodes;
    }

    /** "n8n-nodes-base.googleSheets" → "Google Sheets". */
    static String displayName(String type) {
        String local = type.substring(type.lastIndexOf('.') + 1);
        String spaced = local.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").strip();
        return spaced.isEmpty() ? type : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static List<String> nodeTypes(JsonNode file) {
        List<String> types = new ArrayList<>();
        for (JsonNode node : file.path("nodes").values()) {
            String type = node.path("type").asString("");
            if (!type.isBlank() && !type.endsWith(".stickyNote")) {
                types.add(type);
            }
        }
        return types;
    }

    /** The parts of an n8n export the editor reads: nodes, connections, settings, pinned data. */
    private static JsonNode workflowPart(JsonNode file) {
        ObjectNode workflow = NODES.objectNode();
        workflow.set("nodes", file.path("nodes").isArray() ? file.get("nodes") : NODES.arrayNode());
        workflow.set("connections", file.path("connections").isObject() ? file.get("connections") : NODES.objectNode());
        if (file.path("settings").isObject()) {
            workflow.set("settings", file.get("settings"));
        }
        if (file.path("pinData").isObject()) {
            workflow.set("pinData", file.get("pinData"));
        }
        return workflow;
    }

    /** The graph without anything that makes it work: names, types, places and connections; no settings, credentials or data. */
    private static JsonNode graphOnly(JsonNode file) {
        ObjectNode workflow = NODES.objectNode();
        ArrayNode nodes = workflow.putArray("nodes");
        for (JsonNode node : file.path("nodes").values()) {
            if (node.path("type").asString("").endsWith(".stickyNote")) {
                continue;
            }
            ObjectNode shown = nodes.addObject();
            for (String field : List.of("id", "name", "type", "typeVersion", "position")) {
                if (node.has(field)) {
                    shown.set(field, node.get(field));
                }
            }
            shown.putObject("parameters");
        }
        workflow.set("connections", file.path("connections").isObject() ? file.get("connections") : NODES.objectNode());
        return workflow;
    }

    private static JsonNode emptyWorkflow() {
        ObjectNode workflow = NODES.objectNode();
        workflow.putArray("nodes");
        workflow.putObject("connections");
        return workflow;
    }

    /**
     * The latest version's file, parsed; versions never change, so a parsed file is kept by version. A listing off sale
     * (an owner's) gives the latest version its buyers get: not one a moderation hold keeps back.
     */
    private Optional<JsonNode> latestFile(WorkflowPage w) {
        Optional<VersionView> latest = w.isPublished() ? w.latestVersion()
                : catalog.deliverableVersions(WorkflowId.of(w.id())).stream().findFirst();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        UUID versionId = latest.get().id();
        JsonNode cached = files.get(versionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<JsonNode> parsed = catalog.versionFile(versionId).flatMap(f -> blobs.open(f.fileKey())).flatMap(TemplateHost::read);
        parsed.ifPresent(p -> files.put(versionId, p));
        return parsed;
    }

    private static Optional<JsonNode> read(InputStream in) {
        try (in) {
            JsonNode root = JSON.readTree(in);
            return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }
}
