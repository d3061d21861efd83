package app.flowmarket.platform;

import app.flowmarket.security.WriteLimits;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error a person can meet ends on a friendly page with the right status: never a stack trace.
 */
class ErrorPages {

    static String render(Model model, HttpServletResponse response, int status, String messageKey) {
        response.setStatus(status);

        model.addAttribute("status", status);
        model.addAttribute("messageKey", messageKey);
        return "error/error";
    }

    static String keyFor(int status) {
        return switch (status) {
            case 400 -> "error.400";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 405 -> "error.405";
            case 413 -> "error.413";
            case 429 -> "error.429";
            case 503 -> "error.503";
            default -> status >= 500 ? "error.500" : "error.generic";
        };
    }

    /** Handles what a controller throws. */
    @ControllerAdvice
    static class Handlers {

        private final UiSupport support;

        Handlers(UiSupport support) {
            this.support = support;
        }

        private String page(Model model, HttpServletRequest request, HttpServletResponse response, int status, String key) {
            // exception handlers get a fresh model, without the advice's model attributes
            model.addAttribute("ui", new Ui(request, support));
            return render(model, response, status, key);
        }

        /** A malformed id in the path names nothing (404); a malformed form or query value is a bad request (400). */
        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        String typeMismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
            boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
            return page(model, request, response, inPath ? 404 : 400, inPath ? "error.404" : "error.400");
        }

        @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
        String notFound(Model model, HttpServletRequest request, HttpServletResponse response) {
            return page(model, request, response, 404, "error.404");
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        String tooLarge(Model model, HttpServletRequest request, HttpServletResponse response) {
            return page(model, request, response, 413, "error.413");
        }

        @ExceptionHandler({MultipartException.class, MissingServletRequestParameterException.class})
        String badRequest(Model model, HttpServletRequest request, HttpServletResponse response) {
            return page(model, request, response, 400, "error.400");
        }

        @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
        String methodNotAllowed(Model model, HttpServletRequest request, HttpServletResponse response) {
            return page(model, request, response, 405, "error.405");
        }

        @ExceptionHandler(app.flowmarket.shared.ForbiddenException.class)
        String notOwned(Model model, HttpServletRequest request, HttpServletResponse response) {
            return page(model, request, response, 403, "error.403");
        }

        @ExceptionHandler(DomainException.class)
        String domain(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
            return page(model, request, response, 400, e.messageKey());
        }
    }

    /** Handles what reaches the container: unknown URLs, filter errors, {@code response.sendError}. */
    @Controller
    static class Fallback implements ErrorController {

        @RequestMapping("/error")
        String error(HttpServletRequest request, HttpServletResponse response, Model model) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // no error behind the request: someone typed /error
            int status = code instanceof Integer value ? value : 404;
            if (status == HttpStatus.OK.value()) {
                status = 500;
            }
            if (request.getAttribute(WriteLimits.RETRY_AFTER) instanceof Long seconds) {
                // whole minutes, rounded up: "try again in 1 minute" rather than "in 0"
                model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60));
            }
            return render(model, response, status, keyFor(status));
        }

        @RequestMapping("/error/{status:\\d{3}}")
        String byStatus(@PathVariable int status, HttpServletResponse response, Model model) {
            int safe = status >= 400 && status < 600 ? status : 404;
            return render(model, response, safe, keyFor(safe));
        }
    }
}
