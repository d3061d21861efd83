package app.flowmarket.licensing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.security.SigningKeys;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Links that hand the latest file of a purchased workflow to the buyer's n8n ("Import from URL") without a session: each
 * names one workflow and one buyer, ends 15 minutes after it was made and is signed with a server secret. Opening one
 * checks the signature, the time and that the buyer still owns the workflow (a refund ends it at once).
 */
@Service
public class ImportLinks {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String PURPOSE = "workflow-import-link";

    private final SigningKeys keys;
    private final Licensing licensing;
    private final CatalogManagement catalog;
    private final BlobStore blobs;
    private final Clock clock;

    @Autowired
    ImportLinks(SigningKeys keys, Licensing licensing, CatalogManagement catalog, BlobStore blobs) {
        this(keys, licensing, catalog, blobs, Clock.systemUTC());
    }

    ImportLinks(SigningKeys keys, Licensing licensing, CatalogManagement catalog, BlobStore blobs, Clock clock) {
        this.keys = keys;
        this.licensing = licensing;
        this.catalog = catalog;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Why a link opens nothing. */
    public enum Refusal { MALFORMED, TAMPERED, EXPIRED, NOT_OWNED, NO_FILE }

    public static final class Refused extends RuntimeException {
        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.name());
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** The path of a new link for this buyer and workflow (which the buyer must own). */
    public String create(AccountId buyer, WorkflowId workflow) {
        if (!licensing.owns(buyer, workflow)) {
            throw new Refused(Refusal.NOT_OWNED);
        }
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String signed = workflow.value() + "/" + buyer.value() + "/" + expires;
        return "/import/" + signed + "/" + keys.sign(PURPOSE, signed);
    }

    /** The raw JSON of the latest version behind a link, or a refusal saying why not. */
    public byte[] open(String workflowId, String buyerId, String expires, String signature) {
        UUID workflow;
        UUID buyer;
        long until;
        try {
            workflow = UUID.fromString(workflowId);
            buyer = UUID.fromString(buyerId);
            until = Long.parseLong(expires);
        } catch (IllegalArgumentException e) {
            throw new Refused(Refusal.MALFORMED);
        }
        if (!keys.verify(PURPOSE, workflow + "/" + buyer + "/" + until, signature)) {
            throw new Refused(Refusal.TAMPERED);
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(until))) {
            throw new Refused(Refusal.EXPIRED);
        }
        if (!licensing.owns(AccountId.of(buyer), WorkflowId.of(workflow))) {
            throw new Refused(Refusal.NOT_OWNED);
        }
        List<VersionView> versions = catalog.deliverableVersions(WorkflowId.of(workflow));
        if (versions.isEmpty()) {
            throw new Refused(Refusal.NO_FILE);
        }
        var file = catalog.deliverableFile(versions.get(0).id()).orElseThrow(() -> new Refused(Refusal.NO_FILE));
        try (InputStream in = blobs.open(file.fileKey()).orElseThrow(() -> new Refused(Refusal.NO_FILE))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Refused(Refusal.NO_FILE);
        }
    }
}
