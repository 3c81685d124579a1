package dev.parley.file;

import dev.parley.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The {@link FileStore} {@link FileSettings} choose, made once. */
@ApplicationScoped
public class FileStoreProducer {

    private static final Logger LOG = Logger.getLogger(FileStoreProducer.class.getName());

    @Inject
    FileSettings settings;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Produces
    @ApplicationScoped
    FileStore store() {
        try {
            FileStore store = settings.inDatabase() ? new DatabaseFileStore(dataSource)
                    : new DirectoryFileStore(settings.directory());
            LOG.info("Uploaded files are kept in " + store);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the files directory " + settings.directory(), e);
        }
    }
}
