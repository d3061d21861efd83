package app.flowmarket.api;

/** An API request failed in a way the client should know by its problem type. */
public class ApiException extends RuntimeException {

    private final ApiProblems.Kind kind;

    public ApiException(ApiProblems.Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public ApiProblems.Kind kind() {
        return kind;
    }
}
