package app.flowmarket.review.web;

import app.flowmarket.shared.DomainException;

/** What the reviews say after an action: a message key with its arguments, as a success or as an error. */
public record ReviewNotice(String key, Object[] args, boolean error) {

    static ReviewNotice success(String key) {
        return new ReviewNotice(key, new Object[0], false);
    }

    static ReviewNotice error(DomainException e) {
        return new ReviewNotice(e.messageKey(), e.args() == null ? new Object[0] : e.args(), true);
    }
}
