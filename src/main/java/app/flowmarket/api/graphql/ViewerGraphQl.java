package app.flowmarket.api.graphql;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiScope;
import app.flowmarket.api.rest.ApiDtos.LibraryItem;
import app.flowmarket.api.rest.ApiDtos.Me;
import app.flowmarket.api.rest.ApiDtos.Sale;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.AccountId;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
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

    ViewerGraphQl(ApiAccess access, Licensing licensing, OrderManagement orders) {
        this.access = access;
        this.licensing = licensing;
        this.orders = orders;
    }

    @QueryMapping
    Me viewer() {
        ApiCaller caller = access.require(ApiScope.values());
        return Me.of(access.user(caller), caller);
    }

    @SchemaMapping(typeName = "Viewer")
    Window<LibraryItem> library(ScrollSubrange range) {
        ApiCaller caller = access.require(ApiScope.LIBRARY_READ);
        return Windows.of(licensing.library(AccountId.of(caller.accountId())).stream().map(LibraryItem::of).toList(), range);
    }

    @SchemaMapping(typeName = "Viewer")
    Window<Sale> sales(ScrollSubrange range) {
        Person seller = access.seller(access.require(ApiScope.SALES_READ));
        return Windows.of(orders.salesOf(seller.actor()).stream().map(Sale::of).toList(), range);
    }
}
