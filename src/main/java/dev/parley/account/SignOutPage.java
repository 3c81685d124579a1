package dev.parley.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /signout}, where the chat page's Sign out button goes: ends the Parley sign-in (as
 * {@code DELETE /api/session} does), then, for someone who came through the company's OpenID Connect provider,
 * sends the browser to the provider's sign-out so its session ends too; everyone else goes to the sign-in page.
 * A link from another site cannot sign anyone out: browsers mark such a request {@code Sec-Fetch-Site: cross-site}.
 */
@WebServlet("/signout")
public class SignOutPage extends HttpServlet {

    @Inject
    SignIn signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String home = request.getContextPath() + "/";
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            response.sendRedirect(home);
            return;
        }
        response.sendRedirect(signIn.signOut(request, response).orElse(home + "signin.xhtml"));
    }
}
