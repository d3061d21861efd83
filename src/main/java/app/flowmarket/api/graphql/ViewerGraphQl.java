package app.flowmarket.api.graphql;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiScope;
import app.flowmarket.api.rest.ApiDtos.LibraryItem;
import app.flowmarket.api.rest.ApiDtos.Me;
import app.flowmarket.api.rest.ApiDtos.OwnWorkflow;
import app.flowmarket.api.rest.ApiDtos.Sale;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.AccountId;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The token owner's own things. Each list asks for its scope again and reads the token's account, never an id
 * from the query, so no query reaches another account's data.
 */
@Controller
class ViewerGraphQl {

    private final ApiAccess access;
    private final Licensing licensing;
    private final OrderManagement orders;
    private final CatalogPages catalog;

    ViewerGraphQl(ApiAccess access, Licensing licensing, OrderManagement orders, CatalogPages catalog) {
        this.access = access;
        this.licensing = licensing;
        this.orders = orders;
        this.catalog = catalog;
    }

    @QueryMapping
    Me viewer() {
        ApiCaller caller = access.require(ApiScope.values());
        return Me.of(access.user(caller), caller);
    }

    @SchemaMapping(typeName = "Viewer")
    Window<LibraryItem> library(DataFetchingEnvironment env) {
        ApiCaller caller = access.require(ApiScope.LIBRARY_READ);
        return Windows.of(licensing.library(AccountId.of(caller.accountId())).stream().map(LibraryItem::of).toList(), env);
    }

    @SchemaMapping(typeName = "Viewer")
    Window<Sale> sales(DataFetchingEnvironment env) {
        Person seller = access.seller(access.require(ApiScope.SALES_READ));
        return Windows.of(orders.salesOf(seller.actor()).stream().map(Sale::of).toList(), env);
    }

    /** The seller's own workflows, drafts included: the same list, scopes and order as REST's GET /api/v1/me/workflows. */
    @SchemaMapping(typeName = "Viewer")
    Window<OwnWorkflow> workflows(DataFetchingEnvironment env) {
        Windows.request(env);
        Person seller = access.seller(access.require(ApiScope.SALES_READ, ApiScope.WORKFLOWS_WRITE));
        return Windows.of(catalog.sellerWorkflows(seller.id()).stream().map(OwnWorkflow::of).toList(), env);
    }
}
