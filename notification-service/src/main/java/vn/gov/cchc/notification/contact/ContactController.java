package vn.gov.cchc.notification.contact;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

	private final Contacts contacts;

	ContactController(Contacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/{unitCode}")
	ContactView contactsOf(@PathVariable String unitCode) {
		return this.contacts.findByUnitCode(unitCode)
			.map(ContactView::of)
			.orElseThrow(() -> new UnknownUnitException(unitCode));
	}

}
