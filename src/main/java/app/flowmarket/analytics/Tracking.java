package app.flowmarket.analytics;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.commerce.CartItemAdded;
import app.flowmarket.commerce.CheckoutStarted;
import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.shared.AfterCommit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What is tracked: a person's successful view of a workflow or store page (whether the page came from the
 * page cache or not), something put in a cart, a checkout started (in the request that did it, so the
 * visitor and where they came from are known) and each line of a paid order (from commerce's event,
 * durably, whenever the payment arrives). Bots, prefetches and people who asked not to be tracked
 * ({@code DNT} / {@code Sec-GPC}) are left out.
 */
@Component
class Tracking {

    private static final Pattern WORKFLOW_PAGE = Pattern.compile("^/workflows/([a-z0-9][a-z0-9-]{0,120})$");
    private static final Pattern STORE_PAGE = Pattern.compile("^/stores/([a-z0-9][a-z0-9-]{0,120})$");

    private final TrackingBuffer buffer;
    private final AnalyticsWriter writer;
    private final AnalyticsSettings settings;

    Tracking(TrackingBuffer buffer, AnalyticsWriter writer, AnalyticsSettings settings) {
        this.buffer = buffer;
        this.writer = writer;
        this.settings = settings;
    }

    /** After a page was served: a view, if it was a workflow or store page a person saw. */
    void pageServed(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != HttpServletResponse.SC_OK
                || request.getHeader("HX-Request") != null || !trackable(request)) {
            return;
        }
        String path = request.getRequestURI();
        Matcher workflow = WORKFLOW_PAGE.matcher(path);
        Matcher store = STORE_PAGE.matcher(path);
        if (workflow.matches()) {
            buffer.add(Hit.workflowView(Instant.now(), workflow.group(1), address(request), userAgent(request), source(request)));
        } else if (store.matches()) {
            buffer.add(Hit.storeView(Instant.now(), store.group(1), address(request), userAgent(request), source(request)));
        }
    }

    @EventListener
    void on(CartItemAdded event) {
        HttpServletRequest request = currentRequest();
        if (request != null && trackable(request)) {
            Hit hit = new Hit(Instant.now(), Hit.Kind.CART, null, null, event.storeId().value(), event.refId(), null,
                    address(request), userAgent(request), source(request));
            AfterCommit.run(() -> buffer.add(hit));
        }
    }

    /**
     * Written at once after the commit (with what the same visitor still has waiting before it) rather than later: the
     * purchase that follows, perhaps on another node from the processor's webhook, looks this event up to know where the
     * buyer came from.
     */
    @EventListener
    void on(CheckoutStarted event) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return;
        }
        // kept even for people who are not tracked: without it their purchase would count as direct, not missing
        boolean tracked = trackable(request);
        List<Hit> hits = new ArrayList<>();
        for (CheckoutStarted.Item item : event.items()) {
            hits.add(new Hit(Instant.now(), Hit.Kind.CHECKOUT, null, null, item.storeId().value(), item.refId(), event.orderId().value(),
                    tracked ? address(request) : "", tracked ? userAgent(request) : "", tracked ? source(request) : TrafficSource.DIRECT));
        }
        AfterCommit.run(() -> buffer.writeNow(hits));
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        writer.purchased(event);
    }

    @ApplicationModuleListener
    void on(OrderLineRefunded event) {
        writer.refunded(event);
    }

    @ApplicationModuleListener
    void on(OrderDisputeClosed event) {
        writer.chargedBack(event);
    }

    private boolean trackable(HttpServletRequest request) {
        return settings.enabled() && !Bots.isBot(request.getHeader("User-Agent"))
                && !"prefetch".equalsIgnoreCase(request.getHeader("Sec-Purpose")) && !"prefetch".equalsIgnoreCase(request.getHeader("Purpose"))
                && !"1".equals(request.getHeader("DNT")) && !"1".equals(request.getHeader("Sec-GPC"));
    }

    private static TrafficSource source(HttpServletRequest request) {
        return TrafficSource.classify(request.getHeader("Referer"), request.getServerName(), request.getParameter("utm_source"),
                request.getParameter("utm_medium"), request.getParameter("utm_campaign"), request.getParameter("ref"));
    }

    private static String address(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "" : address;
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null ? "" : agent;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    /** Sees every page as it is served, also the ones the page cache answers without a controller. */
    @Configuration(proxyBeanMethods = false)
    static class Filter {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> pageViewTracking(Tracking tracking) {
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                @Override
                protected boolean shouldNotFilter(HttpServletRequest request) {
                    return !"GET".equals(request.getMethod()) || !(request.getRequestURI().startsWith("/workflows/")
                            || request.getRequestURI().startsWith("/stores/"));
                }

                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    chain.doFilter(request, response);
                    tracking.pageServed(request, response);
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            registration.setName("pageViewTracking");
            return registration;
        }
    }
}
