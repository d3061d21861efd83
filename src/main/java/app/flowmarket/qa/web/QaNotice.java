package app.flowmarket.qa.web;

import app.flowmarket.shared.DomainException;

/** What the questions say after an action: a message key with its arguments, as a success or as an error. */
public record QaNotice(String key, Object[] args, boolean error) {

    static QaNotice success(String key) {
        return new QaNotice(key, new Object[0], false);
    }

    static QaNotice error(DomainException e) {
        return new QaNotice(e.messageKey(), e.args() == null ? new Object[0] : e.args(), true);
    }
}
