package app.flowmarket.api;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's errors as RFC 9457 problem details. Each kind has a stable {@code type} URI that clients can branch
 * on; {@code title} is constant for the type, {@code detail} says what happened this time.
 */
public final class ApiProblems {

    public static final String TYPE_BASE = "https://flowmarket.app/problems/";
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** The kinds of error the API answers with, by status and stable type. */
    public enum Kind {
        BAD_REQUEST(400, "bad-request", "Bad request"),
        UNAUTHORIZED(401, "unauthorized", "Authentication required"),
        INVALID_TOKEN(401, "invalid-token", "Invalid or expired token"),
        INSUFFICIENT_SCOPE(403, "insufficient-scope", "Token lacks the required scope"),
        FORBIDDEN(403, "forbidden", "Forbidden"),
        NOT_FOUND(404, "not-found", "Not found"),
        METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
        NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
        CONFLICT(409, "conflict", "Conflict"),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
        VALIDATION(422, "validation-failed", "Validation failed"),
        RATE_LIMITED(429, "rate-limited", "Too many requests"),
        INTERNAL(500, "internal", "Internal error");

        private final int status;
        private final String slug;
        private final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public URI type() {
            return URI.create(TYPE_BASE + slug);
        }

        /**
         * The stable {@code extensions.code} of a GraphQL error of this kind: the names GraphQL clients commonly
         * branch on, with no token and an invalid one both UNAUTHENTICATED and a missing scope FORBIDDEN
         * ({@code extensions.type} tells them apart, as the problem type does for REST).
         */
        public String graphQlCode() {
            return switch (this) {
                case UNAUTHORIZED, INVALID_TOKEN -> "UNAUTHENTICATED";
                case INSUFFICIENT_SCOPE, FORBIDDEN -> "FORBIDDEN";
                case VALIDATION, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> "BAD_REQUEST";
                default -> name();
            };
        }

        public ProblemDetail problem(@Nullable String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.valueOf(status), detail);
            problem.setType(type());
            problem.setTitle(title);
            return problem;
        }
    }

    private ApiProblems() {
    }

    /** Writes a refusal from a filter (before any controller runs) as a GraphQL error, for GraphQL clients. */
    public static void writeGraphQl(HttpServletResponse response, JsonMapper json, Kind kind, String detail) throws IOException {
        response.setStatus(kind.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), java.util.Map.of("errors", java.util.List.of(java.util.Map.of("message", detail,
                "extensions", java.util.Map.of("code", kind.graphQlCode(), "type", kind.type().toString())))));
    }

    /** Writes a problem from a filter (before any controller runs). */
    public static void write(HttpServletResponse response, JsonMapper json, Kind kind, String detail) throws IOException {
        response.setStatus(kind.status());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), kind.problem(detail));
    }
}
