package dev.parley.admin;

import dev.parley.audit.AuditEntry;
import dev.parley.audit.AuditLog;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The console's audit tab: the log, newest first, a page at a time; read-only by design. */
@Named
@ViewScoped
public class AuditConsole implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminService admins;

    private Long before;
    private List<AuditEntry> entries = List.of();

    @PostConstruct
    void load() {
        entries = ConsoleActions.list(admins, admin -> admins.audit(admin, before, AuditLog.DEFAULT_PAGE));
    }

    public void newest() {
        before = null;
        load();
    }

    public void older() {
        if (!entries.isEmpty()) {
            before = entries.get(entries.size() - 1).id();
            load();
        }
    }

    public boolean isMayHaveOlder() {
        return entries.size() == AuditLog.DEFAULT_PAGE;
    }

    public List<AuditEntry> getEntries() {
        return entries;
    }
}
