package dev.parley.file;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import dev.parley.platform.PerUserRate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How much one person may upload: 20 files at once, then one every 3 seconds (per node), and at most 20 waiting
 * for a message to take them. A script uploading in a loop is slowed like one posting in a loop, and one that never
 * sends what it uploads cannot pile up more than 20 files (25 MB each by default) until they are purged an hour
 * later ({@link UnattachedUploads}).
 */
@ApplicationScoped
public class UploadLimits {

    static final int BURST = 20;
    static final double PER_SECOND = 1.0 / 3;
    static final long MAX_UNATTACHED = 20;

    private final PerUserRate rate = new PerUserRate(PER_SECOND, BURST);

    void check(String uploader, long unattached) {
        if (unattached >= MAX_UNATTACHED) {
            throw new ParleyException(ErrorCode.RATE_LIMITED, "You have " + unattached
                    + " uploads no message took yet; send or remove them before adding more");
        }
        if (!rate.allows(uploader)) {
            throw new ParleyException(ErrorCode.RATE_LIMITED, "Too many uploads at once; wait a moment");
        }
    }
}
