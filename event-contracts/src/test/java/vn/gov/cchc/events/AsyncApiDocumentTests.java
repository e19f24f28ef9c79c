package vn.gov.cchc.events;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document ({@code asyncapi.json}) stays true to the code: every topic and
 * every event type is in it, and every schema it points at exists.
 */
class AsyncApiDocumentTests {

	private final JsonNode document = read("/asyncapi.json");

	@Test
	void describesEveryTopicAndTheDeadLetterTopicsOfTheConsumedOnes() throws IllegalAccessException {
		Set<String> addresses = new HashSet<>();
		this.document.path("channels").forEach((channel) -> addresses.add(channel.path("address").asString()));

		assertThat(addresses).containsAll(constants(Topics.class))
			.contains(Topics.deadLetter(Topics.UNITS), Topics.deadLetter(Topics.PLANS),
					Topics.deadLetter(Topics.PROGRESS), Topics.deadLetter(Topics.PROGRESS_INBOX),
					Topics.deadLetter(Topics.SUBMISSIONS));
	}

	@Test
	void namesEveryEventTypeAndItsSchemaExists() throws IllegalAccessException {
		Set<String> types = new HashSet<>();
		this.document.path("components").path("messages").forEach((message) -> {
			types.add(message.path("name").asString());
			JsonNode parts = message.path("payload").path("allOf");
			assertThat(parts.get(1).path("properties").path("type").path("const").asString())
				.isEqualTo(message.path("name").asString());
			for (String schema : List.of(parts.get(0).path("$ref").asString(),
					parts.get(1).path("properties").path("data").path("$ref").asString())) {
				assertThat(getClass().getResource("/" + schema)).as(schema).isNotNull();
			}
		});

		assertThat(types).containsExactlyInAnyOrderElementsOf(constants(EventTypes.class));
	}

	@Test
	void everyReferenceInsideTheDocumentResolves() {
		List<String> references = new ArrayList<>();
		collect(this.document, references);

		assertThat(references).isNotEmpty().allSatisfy((reference) -> {
			if (reference.startsWith("#/")) {
				assertThat(this.document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
			}
		});
		assertThat(this.document.path("operations")).allSatisfy((operation) -> assertThat(
				this.document.at(operation.path("channel").path("$ref").asString().substring(1)).isMissingNode())
			.isFalse());
	}

	private static void collect(JsonNode node, List<String> references) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				if (entry.getKey().equals("$ref")) {
					references.add(entry.getValue().asString());
				}
				else {
					collect(entry.getValue(), references);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(element, references));
		}
	}

	private static Set<String> constants(Class<?> type) throws IllegalAccessException {
		Set<String> values = new HashSet<>();
		for (Field field : type.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				values.add((String) field.get(null));
			}
		}
		return values;
	}

	private static JsonNode read(String resource) {
		try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
