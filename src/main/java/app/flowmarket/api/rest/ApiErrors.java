package app.flowmarket.api.rest;

import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiProblems.Kind;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

/** Every error of the API as problem+json with a stable type, never a page or a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.kind().status()).contentType(app.flowmarket.api.ApiProblems.PROBLEM_JSON);
        if (e.kind() == Kind.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        } else if (e.kind() == Kind.INSUFFICIENT_SCOPE) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        }
        return answer.body(e.kind().problem(e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(Kind.NOT_FOUND, "No such " + e.getMessage() + ".");
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return problem(Kind.FORBIDDEN, "The token's owner may not do this.");
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        ResponseEntity<ProblemDetail> answer = problem(Kind.VALIDATION, detail == null ? e.messageKey() : detail);
        ProblemDetail body = java.util.Objects.requireNonNull(answer.getBody());
        body.setProperty("code", e.messageKey());
        String[] parts = e.messageKey().split("\\.");
        String tierField = e.messageKey().startsWith("workflow.tiers.company") ? "companyPrice"
                : e.messageKey().startsWith("workflow.tiers.") ? "teamPrice" : null;
        if (tierField != null) {
            // a licence tier's price: the field the seller API takes it in
            body.setProperty("errors", java.util.List.of(java.util.Map.of("field", tierField, "code", e.messageKey(),
                    "detail", detail == null ? e.messageKey() : detail)));
        } else if (parts.length == 3) {
            // "workflow.title.invalid": the field is the middle part, so clients can point at what to fix
            body.setProperty("errors", java.util.List.of(java.util.Map.of("field", parts[1], "code", e.messageKey(),
                    "detail", detail == null ? e.messageKey() : detail)));
        }
        return answer;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(Kind.BAD_REQUEST, "The value of " + e.getName() + " is not valid.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("API request failed", e);
        return problem(Kind.INTERNAL, "Something went wrong on our side; it has been logged.");
    }

    /** Spring MVC's own errors (405, 406, 415, missing parameters...) with our types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @org.jspecify.annotations.Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        Kind kind = switch (status.value()) {
            case 404 -> Kind.NOT_FOUND;
            case 405 -> Kind.METHOD_NOT_ALLOWED;
            case 406 -> Kind.NOT_ACCEPTABLE;
            case 415 -> Kind.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> Kind.VALIDATION;
            default -> status.is5xxServerError() ? Kind.INTERNAL : Kind.BAD_REQUEST;
        };
        String detail = ex instanceof ErrorResponse error && error.getBody().getDetail() != null ? error.getBody().getDetail() : kind.problem("").getTitle();
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.addAll(headers);
        answerHeaders.setContentType(app.flowmarket.api.ApiProblems.PROBLEM_JSON);
        return ResponseEntity.status(kind.status()).headers(answerHeaders).body(kind.problem(detail == null ? "" : detail));
    }

    private static ResponseEntity<ProblemDetail> problem(Kind kind, String detail) {
        return ResponseEntity.status(kind.status()).contentType(app.flowmarket.api.ApiProblems.PROBLEM_JSON).body(kind.problem(detail));
    }

    /** Any other path under /api/v1 names nothing: a 404 problem, not the site's page. */
    @RestController
    @io.swagger.v3.oas.annotations.Hidden
    static class Unmapped {

        @RequestMapping("/api/v1/**")
        void unmapped() {
            throw new NotFoundException("endpoint");
        }
    }
}
