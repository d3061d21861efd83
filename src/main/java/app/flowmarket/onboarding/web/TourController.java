package app.flowmarket.onboarding.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import app.flowmarket.onboarding.Onboarding.Progress;
import app.flowmarket.onboarding.Onboarding.Tour;
import app.flowmarket.onboarding.Onboarding;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Contract;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The guided tour: its translated steps and where the person is in it (read by the page's script), and the
 * posts that move it on, skip it, finish it, or start it again from the help menu. A step names the page it
 * shows on and what it points at; a step whose page is another one takes the person there.
 */
@Controller
class TourController {

    /** One step: the page it belongs to, what it points at on that page (none: the middle of the screen), its message keys. */
    record Step(String page, @Nullable String element, String key) {
    }

    static final Map<Tour, List<Step>> STEPS = Map.of(
            Tour.BUYER, List.of(
                    new Step("/", null, "tour.buyer.welcome"),
                    new Step("/", "#header-q", "tour.buyer.search"),
                    new Step("/workflows", ".results .card", "tour.buyer.compare"),
                    new Step("/workflows", ".results .card h3 a, .results .card a", "tour.buyer.preview"),
                    new Step("/workflows", "#site-nav a[href='/cart']", "tour.buyer.buy"),
                    new Step("/library", "main h1", "tour.buyer.library"),
                    new Step("/library", "#help-menu > summary", "tour.help")),
            Tour.SELLER, List.of(
                    new Step("/seller", null, "tour.seller.welcome"),
                    new Step("/seller", ".area-nav a[href='/seller/store']", "tour.seller.store"),
                    new Step("/seller", ".area-nav a[href='/seller/workflows']", "tour.seller.upload"),
                    new Step("/seller", ".area-nav a[href='/seller/bundles']", "tour.seller.pricing"),
                    new Step("/seller", ".area-nav a[href='/seller/dashboard']", "tour.seller.analytics"),
                    new Step("/seller", ".area-nav a[href='/seller/sales']", "tour.seller.sales"),
                    new Step("/seller", "#help-menu > summary", "tour.help")));

    record StepView(String page, @Nullable String element, String title, String text) {
    }

    record TourView(String tour, String status, int step, boolean pending, List<StepView> steps, Map<String, String> labels) {
    }

    private final Onboarding onboarding;
    private final MessageSource messages;

    TourController(Onboarding onboarding, MessageSource messages) {
        this.onboarding = onboarding;
        this.messages = messages;
    }

    /** The tour for the person: a seller's once they have a store, else a buyer's. */
    static Tour tourOf(CurrentUser user) {
        return user.isSeller() ? Tour.SELLER : Tour.BUYER;
    }

    @GetMapping("/tour")
    @ResponseBody
    ResponseEntity<TourView> tour(@AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request) {
        AccountId account = signedIn(user);
        Tour tour = tourOf(user);
        Progress progress = onboarding.progress(account, tour);
        Locale locale = RequestContextUtils.getLocale(request);
        List<Step> steps = steps(tour);
        List<StepView> views = steps.stream().map(step -> new StepView(step.page(), step.element(),
                t(step.key() + ".title", locale), t(step.key() + ".text", locale))).toList();
        Map<String, String> labels = Map.of("next", t("tour.next", locale), "back", t("tour.back", locale),
                "done", t("tour.done", locale), "close", t("tour.skip", locale), "progress", messages.getMessage("tour.progress", new Object[] {"{{current}}", "{{total}}"}, locale));
        int step = Math.min(progress.step(), steps.size() - 1);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TourView(tour.value(), progress.status().name().toLowerCase(Locale.ROOT), step, progress.pending(), views, labels));
    }

    @PostMapping("/tour/step")
    ResponseEntity<Void> reached(@AuthenticationPrincipal @Nullable CurrentUser user, @RequestParam int step) {
        AccountId account = signedIn(user);
        Tour tour = tourOf(user);
        onboarding.reached(account, tour, Math.min(step, steps(tour).size() - 1));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tour/skip")
    ResponseEntity<Void> skip(@AuthenticationPrincipal @Nullable CurrentUser user, @RequestParam(defaultValue = "0") int step) {
        AccountId account = signedIn(user);
        Tour tour = tourOf(user);
        onboarding.skip(account, tour, Math.min(step, steps(tour).size() - 1));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tour/finish")
    ResponseEntity<Void> finish(@AuthenticationPrincipal @Nullable CurrentUser user) {
        onboarding.finish(signedIn(user), tourOf(user));
        return ResponseEntity.noContent().build();
    }

    /** From the help menu: the tour again from its first step, on the page where it starts. */
    @PostMapping("/tour/restart")
    String restart(@AuthenticationPrincipal @Nullable CurrentUser user) {
        AccountId account = signedIn(user);
        Tour tour = tourOf(user);
        onboarding.restart(account, tour);
        return "redirect:" + steps(tour).getFirst().page();
    }

    @Contract("null -> fail")
    private static AccountId signedIn(@Nullable CurrentUser user) {
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in to take the tour");
        }
        return user.account();
    }

    private static List<Step> steps(Tour tour) {
        return Objects.requireNonNull(STEPS.get(tour), tour.name());
    }

    private String t(String key, Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
    }
}
