package vn.gov.cchc.plan.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import vn.gov.cchc.messaging.CloudEventJson;

import org.springframework.messaging.Message;

/**
 * Feeds the {@link UnitDirectory} from {@code cchc.units}, bound as
 * {@code unitDirectoryFeed-in-0} without a group: every instance reads every partition,
 * from the start of the compacted topic at each start, a batch at a time. It only reads;
 * records that are not unit states are left to {@link UnitEventsConsumer}.
 */
class UnitDirectoryFeed implements Consumer<Message<List<byte[]>>> {

	private final CloudEventJson json;

	private final UnitDirectory directory;

	UnitDirectoryFeed(CloudEventJson json, UnitDirectory directory) {
		this.json = json;
		this.directory = directory;
	}

	@Override
	public void accept(Message<List<byte[]>> batch) {
		List<UnitState> states = new ArrayList<>(batch.getPayload().size());
		for (byte[] payload : batch.getPayload()) {
			UnitState state = UnitEventsConsumer.stateOf(this.json, payload);
			if (state != null) {
				states.add(state);
			}
		}
		this.directory.applyAll(states);
	}

}
