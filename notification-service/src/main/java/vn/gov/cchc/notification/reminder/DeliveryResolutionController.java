package vn.gov.cchc.notification.reminder;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's decision on a delivery left {@code UNRESOLVED} (its provider never
 * said whether it took the message): {@code POST /api/v1/deliveries/{id}/resolution} with
 * {@code {"reached": true}} records it as sent, {@code false} sends it again. The
 * decision and who made it stay in the delivery's attempts.
 */
@RestController
@RequestMapping("/api/v1")
class DeliveryResolutionController {

	private final DeliveryLogController log;

	private final ReminderDispatcher dispatcher;

	private final Deliveries deliveries;

	DeliveryResolutionController(DeliveryLogController log, ReminderDispatcher dispatcher, Deliveries deliveries) {
		this.log = log;
		this.dispatcher = dispatcher;
		this.deliveries = deliveries;
	}

	@PostMapping("/deliveries/{id}/resolution")
	DeliveryLogController.DeliveryView resolve(Caller caller, @PathVariable String id,
			@Valid @RequestBody Resolution resolution) {
		this.log.readableDelivery(caller, id);
		if (!this.dispatcher.decide(id, resolution.reached(), caller.user())) {
			throw new ProblemException(Problems.conflict("delivery-not-unresolved", "Lượt gửi không chờ quyết định",
					"Lượt gửi '" + id + "' không ở trạng thái UNRESOLVED: nó đã được quyết định hoặc chưa từng bị "
							+ "treo quá hạn.",
					List.of(new FieldError("id", "Lượt gửi không chờ người vận hành quyết định."))));
		}
		return DeliveryLogController.DeliveryView.of(this.deliveries.find(id).orElseThrow());
	}

	/**
	 * @param reached whether the message reached its recipient (the operator asked the
	 * provider or the recipient)
	 */
	record Resolution(
			@NotNull(message = "Cần cho biết tin đã tới người nhận (true) hay chưa (false).") Boolean reached) {

	}

}
