package vn.gov.cchc.report.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.ScopeDeniedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/totals:rebuild}: rebuilds the totals from the ledger. An
 * operator's endpoint, deliberately not behind actuator (it changes data) and not routed
 * by the gateway, which forwards only {@code /api/v1/totals/**} to this service; for an
 * administrator (the role is checked by the security filters) of a province this service
 * knows.
 */
@RestController
class TotalsRebuildController {

	private static final Logger logger = LoggerFactory.getLogger(TotalsRebuildController.class);

	private final TotalsRebuilder rebuilder;

	private final ObjectProvider<BindingsLifecycleController> bindings;

	private final Units units;

	TotalsRebuildController(TotalsRebuilder rebuilder, ObjectProvider<BindingsLifecycleController> bindings,
			Units units) {
		this.rebuilder = rebuilder;
		this.bindings = bindings;
		this.units = units;
	}

	// Synchronized with the stop and start around it: a second request must not restart
	// the binding while the first is still rewriting.
	@PostMapping("/api/v1/admin/totals:rebuild")
	synchronized RebuildResult rebuild(Caller caller) {
		if (ReadScope.of(caller, this.units.pathsEver()).root().isEmpty()) {
			throw new ScopeDeniedException("Authorization", "Tài khoản quản trị của đơn vị " + caller.unitCode()
					+ " không quản lý tỉnh nào có dữ liệu trong dịch vụ này.");
		}
		// Stopping the binding waits (up to the container's shutdown timeout) for the
		// record in hand, so no live update interleaves with the rewrite (see
		// TotalsRebuilder for several instances).
		BindingsLifecycleController controller = this.bindings.getIfAvailable();
		if (controller != null) {
			controller.stop(ProgressEventsConfiguration.BINDING);
		}
		try {
			return this.rebuilder.rebuild();
		}
		finally {
			if (controller != null) {
				controller.start(ProgressEventsConfiguration.BINDING);
				logger.info("Restarted binding {} after the rebuild", ProgressEventsConfiguration.BINDING);
			}
		}
	}

}
