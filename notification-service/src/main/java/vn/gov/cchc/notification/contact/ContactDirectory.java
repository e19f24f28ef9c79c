package vn.gov.cchc.notification.contact;

import java.util.Collection;
import java.util.Map;
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

	/**
	 * The contacts of the units among these that are known, by unit code, in one read.
	 */
	public Map<String, Contact> findAll(Collection<String> unitCodes) {
		return this.contacts.findAll(unitCodes);
	}

	/** The unit's contact as of the latest unit event, if the unit is known. */
	public Optional<Contact> find(String unitCode) {
		return this.contacts.findByUnitCode(unitCode);
	}

}
