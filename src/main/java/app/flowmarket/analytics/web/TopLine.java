package app.flowmarket.analytics.web;

import app.flowmarket.analytics.PlatformStats;
import org.jspecify.annotations.Nullable;

/** A store or an item in the admins' top lists: its name and page (null when it is gone), and what it sold. */
public record TopLine(String name, @Nullable String url, PlatformStats.Ranked ranked) {
}
