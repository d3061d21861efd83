package app.flowmarket.api.graphql;

import java.util.List;
import java.util.Map;

import app.flowmarket.api.ApiSettings;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.execution.ErrorType;

/**
 * The limits every GraphQL query passes before it runs: how deep it nests and what it would cost, a list
 * costing its fields times how many it asks for. Refused queries get one error with a stable code.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    /** Keeps the sum of many huge costs within an int: far above any limit, so still refused. */
    private static final long COST_CEILING = 10_000_000;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(ApiSettings settings) {
        return new MaxQueryDepthInstrumentation(settings.graphqlMaxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refusal("QUERY_TOO_DEEP", "The query nests " + depth + " levels deep; at most " + maxDepth + " are allowed.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(ApiSettings settings) {
        return new MaxQueryComplexityInstrumentation(settings.graphqlMaxComplexity(), GraphQlConfig::cost) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refusal("QUERY_TOO_COMPLEX", "The query would cost " + complexity + "; at most " + maxComplexity
                        + " is allowed (each field costs 1, a list its fields times its first, " + Windows.DEFAULT_FIRST + " by default).");
            }
        };
    }

    /** A field costs 1 and its fields; a list field (one that takes {@code first} or {@code last}) its items' cost once per item. */
    static int cost(FieldComplexityEnvironment env, int childCost) {
        long cost;
        if (env.getFieldDefinition().getArgument("first") == null) {
            cost = 1L + childCost;
        } else {
            Object count = env.getArguments().get("first") != null ? env.getArguments().get("first") : env.getArguments().get("last");
            int items = count instanceof Integer n ? Math.max(n, 1) : Windows.DEFAULT_FIRST;
            cost = 1L + (long) childCost * items;
        }
        return (int) Math.min(cost, COST_CEILING);
    }

    private static AbortExecutionException refusal(String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(Map.of("code", code)).build();
        return new AbortExecutionException(List.of(error));
    }

    /** Offset cursors in base64, as Spring for GraphQL encodes them; any other string is the client's mistake, not ours. */
    @Bean
    EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
        CursorEncoder base64 = CursorEncoder.base64();
        return CursorStrategy.withEncoder(new ScrollPositionCursorStrategy(), new CursorEncoder() {
            @Override
            public String encode(String cursor) {
                return base64.encode(cursor);
            }

            @Override
            public String decode(String cursor) {
                return "O_" + Windows.position(cursor);
            }
        });
    }
}
