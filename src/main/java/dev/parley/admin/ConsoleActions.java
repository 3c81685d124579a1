package dev.parley.admin;

import dev.parley.platform.ParleyException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** What the console's views share: acting as the signed-in admin, and showing a refusal as a message. */
final class ConsoleActions {

    private ConsoleActions() {
    }

    /** Runs the action as the current admin; a refusal (not an admin, unknown user...) becomes a page message. */
    static <T> T run(AdminService admins, Function<Admin, T> action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            return action.apply(admins.admin((HttpServletRequest) faces.getExternalContext().getRequest()));
        } catch (ParleyException refused) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
            return null;
        }
    }

    /** What the action lists, or nothing when it was refused (the page says why). */
    static <T> List<T> list(AdminService admins, Function<Admin, List<T>> action) {
        List<T> found = run(admins, action);
        return found == null ? List.of() : found;
    }

    /** Does the action and says {@code done} on the page, or says why it was refused. */
    static void act(AdminService admins, Consumer<Admin> action, String done) {
        if (run(admins, admin -> {
            action.accept(admin);
            return Boolean.TRUE;
        }) != null) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
        }
    }
}
