package vn.gov.cchc.authserver.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The demo identities of the security contract: six people (password {@value #PASSWORD})
 * and a machine client {@code commune-<code>} (secret {@code commune-<code>-secret}) for
 * every unit of kind {@code COMMUNE} in the demo units file, so that each commune's
 * one-stop system can push its own progress; and the province's provisioning system
 * {@value #PROVISIONING_CLIENT_ID} (secret {@code cchc-provisioning-secret}), an
 * administrator's client that loads units and plans.
 */
public final class DemoDirectory {

	/** The password of every demo person. */
	public static final String PASSWORD = "cchc-demo";

	private static final String COMMUNE = "COMMUNE";

	private static final List<Identity> PEOPLE = List.of(
			new Identity("vuninh.canbo", "Nguyễn Thị Hà", "09190", List.of(Role.OFFICER)),
			new Identity("tpbacninh.canbo", "Trần Văn Minh", "256", List.of(Role.OFFICER)),
			new Identity("stttt.canbo", "Đặng Minh Hoa", "27-STTTT", List.of(Role.OFFICER)),
			new Identity("snv.thamdinh", "Trần Thị Mai", "27-SNV", List.of(Role.REVIEWER)),
			new Identity("quantri", "Lê Quang Huy", "27", List.of(Role.ADMIN)),
			new Identity("ninhthuan.thamdinh", "Phạm Thị Lan", "58-SNV", List.of(Role.REVIEWER)));

	/**
	 * The client id of the province's provisioning system: it loads units and plans
	 * (client credentials, role admin of Bắc Ninh), as the one-box demo loader does.
	 */
	public static final String PROVISIONING_CLIENT_ID = "cchc-provisioning";

	private static final Identity PROVISIONING = new Identity(PROVISIONING_CLIENT_ID,
			"Hệ thống quản trị dữ liệu tỉnh Bắc Ninh", "27", List.of(Role.ADMIN));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Identity> people;

	private final Map<String, Identity> machineClients;

	private DemoDirectory(List<Identity> people, List<Identity> machineClients) {
		this.people = byLogin(people);
		this.machineClients = byLogin(machineClients);
	}

	/**
	 * The demo people, and a machine client for every commune of the given units file
	 * (the body of {@code PUT /api/v1/units}: a JSON array of units with {@code code},
	 * {@code name} and {@code kind}).
	 * @throws IllegalStateException if the file is missing, unreadable or has no commune
	 */
	public static DemoDirectory withMachineClientsFor(Resource units) {
		String where = units.getDescription();
		if (!units.exists()) {
			throw new IllegalStateException("The demo units file " + where + " does not exist. The issuer makes a "
					+ "machine client for every commune in it: point CCHC_DEMO_UNITS (cchc.auth.demo-units) "
					+ "at deploy/local/demo/units.json.");
		}
		JsonNode root;
		try (InputStream in = units.getInputStream()) {
			root = JSON.readTree(in);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read the demo units file " + where + ": " + ex.getMessage(), ex);
		}
		if (root == null || !root.isArray()) {
			throw new IllegalStateException("The demo units file " + where + " is not a JSON array of units.");
		}
		List<Identity> machines = new ArrayList<>();
		for (JsonNode unit : root) {
			if (COMMUNE.equals(unit.path("kind").asString(""))) {
				String code = unit.path("code").asString("");
				if (code.isBlank()) {
					throw new IllegalStateException("The demo units file " + where + " has a commune without a code.");
				}
				machines.add(new Identity(machineClientId(code), "Hệ thống một cửa " + unit.path("name").asString(code),
						code, List.of(Role.MACHINE)));
			}
		}
		if (machines.isEmpty()) {
			throw new IllegalStateException("The demo units file " + where + " has no unit of kind COMMUNE.");
		}
		return new DemoDirectory(PEOPLE, machines);
	}

	/** The client id of a commune's one-stop system. */
	public static String machineClientId(String communeCode) {
		return "commune-" + communeCode;
	}

	/** The demo secret of a machine client: its client id and {@code -secret}. */
	public static String machineClientSecret(String clientId) {
		return clientId + "-secret";
	}

	public List<Identity> people() {
		return List.copyOf(this.people.values());
	}

	/** The communes' one-stop systems. */
	public List<Identity> machineClients() {
		return List.copyOf(this.machineClients.values());
	}

	/**
	 * Every client of the client credentials grant: the communes' systems and the
	 * provisioning system.
	 */
	public List<Identity> serviceClients() {
		List<Identity> clients = new ArrayList<>(this.machineClients.values());
		clients.add(PROVISIONING);
		return clients;
	}

	public Optional<Identity> person(String login) {
		return Optional.ofNullable(this.people.get(login));
	}

	public Optional<Identity> machineClient(String clientId) {
		return Optional.ofNullable(this.machineClients.get(clientId));
	}

	/** A client of the client credentials grant by its id. */
	public Optional<Identity> serviceClient(String clientId) {
		return PROVISIONING_CLIENT_ID.equals(clientId) ? Optional.of(PROVISIONING) : machineClient(clientId);
	}

	private static Map<String, Identity> byLogin(List<Identity> identities) {
		Map<String, Identity> byLogin = new LinkedHashMap<>();
		for (Identity identity : identities) {
			// A commune listed twice (before and after a reorganisation) is one client.
			byLogin.putIfAbsent(identity.login(), identity);
		}
		return Collections.unmodifiableMap(byLogin);
	}

}
