package app.flowmarket.catalog.web;

import java.util.List;

/** A row of the comparison's integrations: one app, and which of the compared workflows use it. */
public record CompareAppRow(String key, String name, List<Boolean> used) {

    public boolean differs() {
        return used.stream().distinct().count() > 1;
    }
}
