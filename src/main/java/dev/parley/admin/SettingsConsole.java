package dev.parley.admin;

import dev.parley.platform.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The console's settings tab: registration open or closed, and the longest message. */
@Named
@ViewScoped
public class SettingsConsole implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminService admins;

    private boolean registrationOpen;
    private Integer maxMessageLength;

    @PostConstruct
    void load() {
        SiteSettings.Values values = ConsoleActions.run(admins, admins::settings);
        if (values != null) {
            registrationOpen = values.registrationOpen();
            maxMessageLength = values.maxMessageLength();
        }
    }

    public void save() {
        ConsoleActions.act(admins, admin -> admins.changeSettings(admin, registrationOpen, maxMessageLength),
                "Settings saved");
        load();
    }

    public int getLargestMessageLimit() {
        return SiteSettings.LARGEST_MESSAGE_LIMIT;
    }

    public boolean isRegistrationOpen() {
        return registrationOpen;
    }

    public void setRegistrationOpen(boolean registrationOpen) {
        this.registrationOpen = registrationOpen;
    }

    public Integer getMaxMessageLength() {
        return maxMessageLength;
    }

    public void setMaxMessageLength(Integer maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
    }
}
