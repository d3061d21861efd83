package app.flowmarket.payout;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Transfers made by hand: the batch's CSV lists them, and the admin marks each one sent or failed. */
@Component
class ManualPayoutProvider implements PayoutProvider {

    @Override
    public String name() {
        return "manual";
    }

    @Override
    public @Nullable String submit(Transfer transfer) {
        return null;
    }
}
