package app.flowmarket.shared;

/** The thing asked for does not exist, or the asker may not know that it does. Shown as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
