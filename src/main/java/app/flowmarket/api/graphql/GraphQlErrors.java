package app.flowmarket.api.graphql;

import java.util.Map;

import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiProblems.Kind;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.NotFoundException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Every failure of a field as a GraphQL error with a stable {@code extensions.code} and the REST API's problem
 * {@code type}, never a stack trace: the same kinds as REST's problem details.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final MessageSource messages;

    GraphQlErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException e) {
            return error(env, e.kind(), String.valueOf(e.getMessage()));
        }
        if (ex instanceof NotFoundException e) {
            return error(env, Kind.NOT_FOUND, "No such " + e.getMessage() + ".");
        }
        if (ex instanceof ForbiddenException) {
            return error(env, Kind.FORBIDDEN, "The token's owner may not do this.");
        }
        if (ex instanceof DomainException e) {
            String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
            return error(env, Kind.VALIDATION, detail == null ? e.messageKey() : detail);
        }
        log.error("GraphQL field {} failed", env.getExecutionStepInfo().getPath(), ex);
        return error(env, Kind.INTERNAL, "Something went wrong on our side; it has been logged.");
    }

    static GraphQLError error(DataFetchingEnvironment env, Kind kind, String message) {
        ErrorType classification = switch (kind.graphQlCode()) {
            case "UNAUTHENTICATED" -> ErrorType.UNAUTHORIZED;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "INTERNAL" -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
        return GraphqlErrorBuilder.newError(env).errorType(classification).message(message)
                .extensions(Map.of("code", kind.graphQlCode(), "type", kind.type().toString())).build();
    }
}
