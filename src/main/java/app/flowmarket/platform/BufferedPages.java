package app.flowmarket.platform;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into a buffer and sent in one piece, with their length. The template starter's view writes each
 * piece of a template to the response as it goes, through the response wrappers of Spring Security and Spring Session,
 * which look at every write: a sixth of a signed-in page's time in a profile. A page that fails half-way is then not
 * half sent either: the error page takes its place.
 */
@Configuration(proxyBeanMethods = false)
class BufferedPages {

    /** Replaces the starter's resolver (it backs off when there is one), with the same settings. */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templates, JteProperties properties) {
        return new JteViewResolver(templates, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new BufferedView(templates);
            }
        };
    }

    static final class BufferedView extends JteView {

        private final TemplateEngine templates;

        BufferedView(TemplateEngine templates) {
            super(templates);
            this.templates = templates;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Utf8ByteOutput page = new Utf8ByteOutput();
            templates.render(getUrl(), model, page);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(page.getContentLength());
            page.writeTo(response.getOutputStream());
        }
    }
}
