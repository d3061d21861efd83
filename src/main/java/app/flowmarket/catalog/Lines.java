package app.flowmarket.catalog;

import java.util.Arrays;
import java.util.List;

/** Lists kept as newline-separated text columns. */
final class Lines {

    private Lines() {
    }

    static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
