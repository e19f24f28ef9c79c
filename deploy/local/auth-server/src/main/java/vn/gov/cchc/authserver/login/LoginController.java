package vn.gov.cchc.authserver.login;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.gov.cchc.authserver.identity.DemoDirectory;
import vn.gov.cchc.authserver.identity.Identity;
import vn.gov.cchc.authserver.issuer.IssuerProperties;

/**
 * The login form (Spring Security handles its POST) and the start page shown after a
 * login that was not on the way to the dashboard.
 */
@Controller
class LoginController {

	private final DemoDirectory directory;

	private final IssuerProperties properties;

	LoginController(DemoDirectory directory, IssuerProperties properties) {
		this.directory = directory;
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<String> logins = this.directory.people().stream().map(Identity::login).toList();
		model.addAttribute("demoLogins", logins);
		model.addAttribute("demoPassword", DemoDirectory.PASSWORD);
		return "login";
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Identity person = this.directory.person(authentication.getName()).orElse(null);
		model.addAttribute("login", authentication.getName());
		model.addAttribute("person", person);
		model.addAttribute("dashboardUrl", this.properties.dashboard().url());
		return "home";
	}

}
