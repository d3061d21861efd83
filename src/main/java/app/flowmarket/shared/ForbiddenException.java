package app.flowmarket.shared;

/** The person is known but may not do this (e.g. download a workflow they do not own). Shown as 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String what) {
        super(what);
    }
}
