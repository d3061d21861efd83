package app.flowmarket.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A module's part of what Flowmarket holds about a person (GDPR articles 15, 17 and 20). Each module that keeps
 * personal data implements this over its own tables; the privacy module builds the export and runs the deletion
 * from all of them, so no module reads another's tables.
 */
public interface PersonalData {

    /** Whose data: the account, and how it is known elsewhere (mail addresses are kept outside the account too). */
    record Subject(AccountId account, String email, String displayName) {
    }

    /** Where a part writes its export: tables become JSON (and CSV), files are copied as they are. */
    interface Sink {

        /** Rows of one kind (column name → value), written as {@code <part>/<name>.json} and {@code .csv}; described in the README. */
        void table(String name, String description, List<? extends Map<String, ? extends @Nullable Object>> rows);

        /** A file the person provided (a workflow file, a picture), written as {@code <part>/<path>}. */
        void file(String path, String description, InputStream content) throws IOException;
    }

    /** The part's folder in the export and its name in the deletion's steps ("orders"). */
    String part();

    /** Erasure runs in ascending order: the account itself goes last. */
    default int erasureOrder() {
        return 100;
    }

    void export(Subject subject, Sink sink) throws IOException;

    /**
     * Erases or anonymises the subject's data in this module. Idempotent: a deletion that crashed runs it again.
     * Records that must be kept (invoices, the ledger) lose what identifies the person instead.
     */
    void erase(Subject subject);

    /** Message keys: what the deletion erases, and what it keeps and why, for the page that asks to confirm. */
    default List<String> erasedKeys() {
        return List.of();
    }

    default List<String> keptKeys() {
        return List.of();
    }
}
