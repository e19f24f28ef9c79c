package vn.gov.cchc.notification.reminder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.gov.cchc.notification.contact.UnitTree;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.ScopeDeniedException;

/**
 * Which reminders and deliveries a caller reads: those whose recipient unit is in the
 * caller's reading scope (an officer's unit and the units below it, a reviewer's or an
 * administrator's province) on the tree of the report's due date.
 * <p>
 * A reminder belongs to one report, and the due date is the day its rules count from; it
 * falls in or just after the report's period, whose tree the report is rolled up and
 * escalated on. So the officer of a district dissolved on 1 July 2025 reads what its
 * communes were reminded of for the reports due while they were under it, and nothing due
 * after. A delivery is one message that may carry several reports: it is readable if the
 * caller reads its recipient on the due date of any report it carries, which is exactly
 * when the caller reads one of the reminders in it; a delivery still being made carries
 * none yet and goes by the day it was made.
 */
final class ReadableLog {

	private record UnitOnDay(String unitCode, LocalDate day) {
	}

	private final Caller caller;

	private final UnitTree.View tree;

	private final ZoneId zone;

	private final Map<UnitOnDay, Boolean> answers = new HashMap<>();

	ReadableLog(Caller caller, UnitTree.View tree, ZoneId zone) {
		this.caller = caller;
		this.tree = tree;
		this.zone = zone;
	}

	boolean reminder(Reminder reminder) {
		return reads(reminder.recipientUnitCode(), reminder.dueDate());
	}

	boolean delivery(Delivery delivery) {
		List<LocalDate> days = delivery.items().stream().map(Delivery.Item::dueDate).distinct().toList();
		if (days.isEmpty()) {
			return reads(delivery.recipientUnitCode(), LocalDate.ofInstant(delivery.createdAt(), this.zone));
		}
		return days.stream().anyMatch((day) -> reads(delivery.recipientUnitCode(), day));
	}

	/**
	 * Refuses with 403 naming {@code id} unless the caller reads the delivery: the caller
	 * named it, so it learns that it exists but not what it says.
	 */
	void requireDelivery(Delivery delivery) {
		if (!delivery(delivery)) {
			throw new ScopeDeniedException("id",
					"Tài khoản của đơn vị " + this.caller.unitCode() + " không được xem lượt gửi nhắc hạn '"
							+ delivery.id() + "': lượt gửi này đến một đơn vị ngoài phạm vi tài khoản được xem.");
		}
	}

	private boolean reads(String unitCode, LocalDate day) {
		return this.answers.computeIfAbsent(new UnitOnDay(unitCode, day),
				(asked) -> ReadScope.of(this.caller, this.tree.on(asked.day())).covers(asked.unitCode()));
	}

}
