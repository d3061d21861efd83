@NullMarked
package app.flowmarket.api.graphql;

import org.jspecify.annotations.NullMarked;
