package vn.gov.cchc.plan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every command the service's MongoDB client sends, with the collection it names and the
 * thread that sent it, so that a test can count what a request costs the store (the
 * driver is synchronous: a request's own commands are sent on the request's thread).
 */
public final class StoreCommands implements CommandListener {

	private final List<Command> commands = new CopyOnWriteArrayList<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		BsonValue target = event.getCommand().get(event.getCommandName());
		this.commands.add(new Command(event.getCommandName(),
				(target != null && target.isString()) ? target.asString().getValue() : "",
				Thread.currentThread().getName()));
	}

	/** Where the commands sent from now on start. */
	public int mark() {
		return this.commands.size();
	}

	/** The commands sent since the mark that match. */
	public List<Command> since(int mark, Predicate<Command> which) {
		return this.commands.subList(mark, this.commands.size()).stream().filter(which).toList();
	}

	/**
	 * One command.
	 *
	 * @param name {@code insert}, {@code find}, {@code update}, ...
	 * @param collection the collection it names, if any
	 * @param thread the thread that sent it
	 */
	public record Command(String name, String collection, String thread) {

	}

	/** Registers the listener with the service's client. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Listening {

		@Bean
		StoreCommands storeCommands() {
			return new StoreCommands();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer listenToStoreCommands(StoreCommands commands) {
			return (settings) -> settings.addCommandListener(commands);
		}

	}

}
