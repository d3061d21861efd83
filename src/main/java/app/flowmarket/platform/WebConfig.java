package app.flowmarket.platform;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.GERMAN);

    private final ApplicationEventPublisher events;

    WebConfig(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The chosen language (cookie), else the browser's best supported match, else English. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("flowmarket-lang");
        resolver.setDefaultLocaleFunction(request -> {
            for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
                Locale wanted = locales.nextElement();
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // from the address only: reading a form here would read every posted body, even one too large to read
                String lang = request.getQueryString() == null ? null
                        : UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build().getQueryParams().getFirst("lang");
                if (lang == null) {
                    return true;
                }
                SUPPORTED.stream().filter(l -> l.getLanguage().equals(lang)).findFirst().ifPresent(locale -> {
                    Objects.requireNonNull(RequestContextUtils.getLocaleResolver(request)).setLocale(request, response, locale);
                    if (SecurityContextHolder.getContext().getAuthentication() != null
                            && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser user) {
                        events.publishEvent(new LanguageChosen(user.id(), locale.getLanguage()));
                    }
                });
                return true;
            }
        });
    }
}
