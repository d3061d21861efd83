package app.flowmarket.shared;

/**
 * The order of the work done at start before the web server takes its first request (Spring
 * {@code SmartLifecycle} phases; the web server starts at {@code Integer.MAX_VALUE - 2048}): demo
 * data first, then the search index check, so that the first page anyone sees is complete.
 */
public final class StartupPhases {

    /** Spring Boot's phase for starting the web server (WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE). */
    public static final int WEB_SERVER = Integer.MAX_VALUE - 2048;
    /** Values derived from stored data that older releases did not keep, filled in before anything reads them. */
    public static final int DATA_FILL = WEB_SERVER - 400;
    public static final int DEMO_DATA = WEB_SERVER - 300;
    public static final int SEARCH_INDEX = WEB_SERVER - 200;
    /** In-memory buffers of writes (tracking, search history): stopped after the web server, written out before the database goes. */
    public static final int WRITE_BUFFERS = WEB_SERVER - 100;

    private StartupPhases() {
    }
}
