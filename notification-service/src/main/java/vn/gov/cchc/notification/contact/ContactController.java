package vn.gov.cchc.notification.contact;

import java.util.List;

import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/contacts/{unitCode}}: a unit's contacts, for an officer of the unit
 * or of a unit above it, and for the reviewers and administrators of its province. A
 * unit's contacts belong to no day, so the caller's scope is taken over the unit's whole
 * life: the officer of a district reads the contacts of a commune that was under it
 * before a reorganisation. An unknown unit is 404 for any reader (unit codes are public);
 * a known one outside the caller's scope is 403 naming {@code unitCode}.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

	private final Contacts contacts;

	private final UnitTree tree;

	ContactController(Contacts contacts, UnitTree tree) {
		this.contacts = contacts;
		this.tree = tree;
	}

	@GetMapping("/{unitCode}")
	ContactView contactsOf(Caller caller, @PathVariable String unitCode) {
		Contact contact = this.contacts.find(unitCode).orElseThrow(() -> unknownUnit(unitCode));
		ReadScope.of(caller, this.tree.view().overLife()).require("unitCode", unitCode);
		return ContactView.of(contact);
	}

	/** No unit event has told this service about the unit. */
	private static ProblemException unknownUnit(String unitCode) {
		return new ProblemException(Problems.of(HttpStatus.NOT_FOUND, "unit-not-found", "Không tìm thấy đơn vị",
				"Chưa có thông tin liên hệ của đơn vị có mã '" + unitCode + "'.",
				List.of(new FieldError("unitCode", "Mã đơn vị '" + unitCode + "' chưa được đăng ký."))));
	}

}
