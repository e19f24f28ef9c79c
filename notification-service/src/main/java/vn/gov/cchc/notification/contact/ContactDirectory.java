package vn.gov.cchc.notification.contact;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Who answers for a unit and how to reach them, for the other features of the service.
 */
@Component
public class ContactDirectory {

	private final Contacts contacts;

	ContactDirectory(Contacts contacts) {
		this.contacts = contacts;
	}

	/** The unit's contact as of the latest unit event, if the unit is known. */
	public Optional<Contact> find(String unitCode) {
		return this.contacts.findByUnitCode(unitCode);
	}

}
