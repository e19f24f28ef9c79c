package vn.gov.cchc.notification.email;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTests {

	/** RFC 5322 msg-id with a dot-atom on both sides. */
	private static final String MSG_ID = "<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*>";

	@ParameterizedTest
	@ValueSource(strings = { "27-2022-22-KH-UBND:2026-Q2:26881:BEFORE:EMAIL", "a b<c>@d.e", "Xã Hòa Long", "already=3A",
			"..", "x\r\ny" })
	void makesAValidMessageIdThatGivesTheDeliveryIdBack(String deliveryId) {
		String messageId = MessageIds.of(deliveryId, "cchc.local");

		assertThat(messageId).matches(MSG_ID).endsWith("@cchc.local>");
		assertThat(MessageIds.deliveryId(messageId)).isEqualTo(deliveryId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "reminder:1", "reminder-1", "reminder_1", "reminder=3A1" })
	void keepsDistinctDeliveryIdsApart(String other) {
		assertThat(MessageIds.of(other, "cchc.local")).isNotEqualTo(MessageIds.of("reminder:10", "cchc.local"));
		assertThat(MessageIds.deliveryId(MessageIds.of(other, "cchc.local"))).isEqualTo(other);
	}

}
