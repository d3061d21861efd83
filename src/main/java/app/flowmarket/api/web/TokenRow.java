package app.flowmarket.api.web;

import app.flowmarket.api.ApiTokens;
import org.jspecify.annotations.Nullable;

/** What Settings → API shows of a token, its dates formatted for the reader. */
public record TokenRow(ApiTokens.TokenView token, String created, @Nullable String expires, @Nullable String lastUsed) {
}
