package app.flowmarket.platform;

import java.util.UUID;

import app.flowmarket.shared.Theme;

/** A signed-in person switched the theme. */
public record ThemeChosen(UUID accountId, Theme theme) {
}
