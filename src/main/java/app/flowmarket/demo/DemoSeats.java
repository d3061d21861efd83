package app.flowmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.shared.LicenceTier;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.WorkflowId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo buyer's team licence that the README names: his first valid licence becomes a Team licence with two of its four
 * other seats given, one to a demo buyer who did not buy its workflows (they show in her library) and one to an address
 * with no account yet.
 */
@Component
class DemoSeats {

    static final String NO_ACCOUNT_YET = "ops@bruno-consulting.example";

    private final Licensing licensing;

    DemoSeats(Licensing licensing) {
        this.licensing = licensing;
    }

    /** Returns the e-mail address of the demo buyer given a seat, or null when the demo buyer has no licence. */
    @Nullable String write(AccountId buyer, List<UUID> otherBuyers, List<String> otherBuyerEmails, Instant now) {
        var licence = licensing.licences(buyer).stream().filter(l -> !l.revoked()).findFirst().orElse(null);
        if (licence == null) {
            return null;
        }
        List<WorkflowId> covered = licensing.licence(buyer, licence.key()).orElseThrow().workflows().stream()
                .map(item -> WorkflowId.of(item.workflowId())).toList();
        for (int i = 0; i < otherBuyers.size(); i++) {
            AccountId other = AccountId.of(otherBuyers.get(i));
            if (covered.stream().noneMatch(workflow -> licensing.owns(other, workflow))) {
                String email = otherBuyerEmails.get(i).toLowerCase(Locale.ROOT);
                licensing.importSeats(buyer, licence.key(), LicenceTier.TEAM, List.of(
                        new Licensing.ImportedSeat(email, now.minus(Duration.ofDays(3))),
                        new Licensing.ImportedSeat(NO_ACCOUNT_YET, now.minus(Duration.ofDays(1)))));
                return email;
            }
        }
        return null;
    }
}
