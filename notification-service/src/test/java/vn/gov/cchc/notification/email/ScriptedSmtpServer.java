package vn.gov.cchc.notification.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * An SMTP server on the loopback address that answers RCPT TO and the end of DATA with
 * the replies it is given, for the refusals GreenMail never makes. JavaMail talks to it
 * over a real socket, as to any server.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Map<String, String> recipientReplies;

	private final @Nullable String dataReply;

	private final AtomicInteger messages = new AtomicInteger();

	/**
	 * @param recipientReplies the reply to RCPT TO per address; "250 OK" for the others
	 * @param dataReply the reply to the end of the message data; none (the server takes
	 * the message and stalls) when {@code null}
	 */
	ScriptedSmtpServer(Map<String, String> recipientReplies, @Nullable String dataReply) throws IOException {
		this.recipientReplies = Map.copyOf(recipientReplies);
		this.dataReply = dataReply;
		this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "scripted-smtp");
		thread.setDaemon(true);
		thread.start();
	}

	/** Messages whose data came in full. */
	int messages() {
		return this.messages.get();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				connection.setSoTimeout(10_000);
				converse(connection);
			}
			catch (IOException ex) {
				// closed by the test, or the client went away: wait for the next one
			}
		}
	}

	private void converse(Socket connection) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
		Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8);
		reply(out, "220 scripted.test ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 scripted.test");
			}
			else if (command.startsWith("RCPT TO:")) {
				String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
				reply(out, this.recipientReplies.getOrDefault(address, "250 OK"));
			}
			else if (command.startsWith("DATA")) {
				reply(out, "354 End data with <CR><LF>.<CR><LF>");
				while ((line = in.readLine()) != null && !line.equals(".")) {
					// the message itself is of no interest here
				}
				this.messages.incrementAndGet();
				if (this.dataReply == null) {
					// Took it, and never says so: the client times out.
					while (in.readLine() != null) {
						// until the client gives up and closes
					}
					return;
				}
				reply(out, this.dataReply);
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 Bye");
				return;
			}
			else if (command.startsWith("MAIL FROM:") || command.startsWith("RSET") || command.startsWith("NOOP")) {
				reply(out, "250 OK");
			}
			else {
				reply(out, "502 Command not implemented");
			}
		}
	}

	private static void reply(Writer out, String reply) throws IOException {
		out.write(reply + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
