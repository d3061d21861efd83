package app.flowmarket.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.model.PojoElementAccessor;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.springframework.stereotype.Component;

/**
 * The search index of the catalogue, mapped onto the catalogue's listing entity from outside it (the
 * entity carries no search annotations). Every text is indexed once folded (accents, case) and once
 * per catalogue language with that language's stemmer, so "automations", "automatisation" and
 * "Automatisierung" each find their own word family; {@link CatalogSearch#TEXT_FIELDS} lists the
 * same text fields for the queries. Registered through {@code hibernate.search.mapping.configurer}.
 * <p>
 * The entity types are named, not imported: they are the catalogue's private persistence classes.
 * A renamed class or property fails the start-up (Hibernate Search rejects an unknown type or
 * property), so every integration test guards this mapping.
 */
@Component("workflowIndexMapping")
class WorkflowIndexMapping implements HibernateOrmSearchMappingConfigurer {

    /**
     * Raised whenever the fields below change (2: the tags' translated names; 3: the minimum n8n release), so that an index built with
     * an older mapping is rebuilt before the first request.
     */
    static final int VERSION = 3;

    /** The listing entity's JPA name, to find its type at run time. */
    static final String ENTITY = "Workflow";
    /** The price in micro-euros at the day's reference rates: prices of every currency sorted and filtered on one scale. */
    static final String PRICE = "priceRef";
    /** The day of the rates {@link #PRICE} was computed at: a document of an older day is reindexed. */
    static final String RATES_DATE = "ratesDate";

    private final CurrencyConverter converter;

    WorkflowIndexMapping(CurrencyConverter converter) {
        this.converter = converter;
    }
    private static final String WORKFLOW_TYPE = "app.flowmarket.catalog.Workflow";
    private static final String TAG_TYPE = "app.flowmarket.catalog.Tag";
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "de");

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();

        TypeMappingStep workflow = mapping.type(WORKFLOW_TYPE);
        workflow.indexed().index("workflow");
        workflow.property("storeId").keywordField();
        workflow.property("storeName").fullTextField().analyzer(SearchAnalyzers.FOLDING);
        workflow.property("title")
                .fullTextField().analyzer(SearchAnalyzers.FOLDING).projectable(Projectable.YES)
                .highlightable(List.of(Highlightable.PLAIN))
                .fullTextField("title_suggest").analyzer(SearchAnalyzers.AUTOCOMPLETE).searchAnalyzer(SearchAnalyzers.FOLDING);
        languages(workflow, "title", "title");
        workflow.property("summary").fullTextField().analyzer(SearchAnalyzers.FOLDING).highlightable(List.of(Highlightable.PLAIN));
        languages(workflow, "summary", "summary");
        workflow.property("descriptionMd").fullTextField("description").analyzer(SearchAnalyzers.FOLDING);
        languages(workflow, "descriptionMd", "description");
        workflow.property("platform").keywordField().aggregable(Aggregable.YES);
        workflow.property("priceMinor").genericField().sortable(Sortable.YES).aggregable(Aggregable.YES);
        workflow.binder(new ReferencePriceBinder(converter));
        workflow.property("categoryId").keywordField().aggregable(Aggregable.YES);
        workflow.property("status").keywordField();
        workflow.property("integrations").binder(new IntegrationsBinder());
        workflow.property("n8nMinimum").genericField().aggregable(Aggregable.YES);
        workflow.property("salesCount").genericField().sortable(Sortable.YES);
        workflow.property("ratingAvg").scaledNumberField().decimalScale(2).sortable(Sortable.YES).aggregable(Aggregable.YES);
        workflow.property("ratingCount").genericField().sortable(Sortable.YES);
        workflow.property("publishedAt").genericField().sortable(Sortable.YES);
        // tags never change name, so only a change of a listing's set of tags needs a reindex
        workflow.property("tags").indexedEmbedded().includePaths("name", "names", "slug")
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);

        TypeMappingStep tag = mapping.type(TAG_TYPE);
        tag.property("slug").keywordField();
        tag.property("name").fullTextField().analyzer(SearchAnalyzers.FOLDING);
        // the names in the other languages: a French searcher typing "facturation" finds what is tagged Invoicing
        tag.property("translations").fullTextField("names").analyzer(SearchAnalyzers.FOLDING);
    }

    /** The field {@code <field>_<language>} for each catalogue language, stemmed in that language. */
    private static void languages(TypeMappingStep type, String property, String field) {
        var step = type.property(property);
        for (String language : LANGUAGES) {
            step = step.fullTextField(field + "_" + language).analyzer(SearchAnalyzers.forLanguage(language));
        }
    }

    /**
     * The listing's price (its {@code priceMinor} in its {@code currency}) as micro-euros at the day's
     * reference rates, converted by the pricing engine; and the day of those rates. A currency without a
     * rate leaves the price out (the listing then matches no price band and sorts last).
     */
    static final class ReferencePriceBinder implements TypeBinder {

        private final CurrencyConverter converter;

        ReferencePriceBinder(CurrencyConverter converter) {
            this.converter = converter;
        }

        @Override
        public void bind(TypeBindingContext context) {
            PojoElementAccessor<?> minor = context.bridgedElement().property("priceMinor").createAccessor();
            PojoElementAccessor<?> currency = context.bridgedElement().property("currency").createAccessor();
            IndexFieldReference<Long> price = context.indexSchemaElement()
                    .field(PRICE, f -> f.asLong().sortable(Sortable.YES).aggregable(Aggregable.YES)).toReference();
            IndexFieldReference<LocalDate> ratesDate = context.indexSchemaElement().field(RATES_DATE, f -> f.asLocalDate()).toReference();
            context.bridge((document, workflow, writeContext) -> {
                Object code = currency.read(workflow);
                Object amount = minor.read(workflow);
                if (code != null && amount != null) {
                    Money money = Money.of(((Number) amount).longValue(), code.toString());
                    converter.referenceMicros(money.toDecimal(), money.currency()).ifPresent(micros -> document.addValue(price, micros));
                }
                document.addValue(ratesDate, converter.ratesDate());
            });
        }
    }

    /**
     * The apps the current file connects, kept by the catalogue as newline-separated text, become one
     * value each of the {@code integration} facet and of the {@code integrations} text field.
     */
    static final class IntegrationsBinder implements PropertyBinder {

        @Override
        public void bind(PropertyBindingContext context) {
            context.dependencies().useRootOnly();
            IndexFieldReference<String> facet = context.indexSchemaElement()
                    .field("integration", f -> f.asString().aggregable(Aggregable.YES)).multiValued().toReference();
            IndexFieldReference<String> text = context.indexSchemaElement()
                    .field("integrations", f -> f.asString().analyzer(SearchAnalyzers.FOLDING)).multiValued().toReference();
            context.bridge(String.class, (document, integrations, writeContext) -> {
                for (String app : names(integrations)) {
                    document.addValue(facet, app);
                    document.addValue(text, app);
                }
            });
        }

        static List<String> names(String integrations) {
            return integrations == null || integrations.isBlank() ? List.of()
                    : Arrays.stream(integrations.split("\n")).filter(s -> !s.isBlank()).toList();
        }
    }
}
