package vn.gov.cchc.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: every body at {@code cchc.web.max-body-bytes} (a progress report,
 * a plan, a report's narrative), except on the paths a feature declared a
 * {@link BodyLimit} for (a batch of reports, a unit import). A declared
 * {@code Content-Length} over the cap fails the first read, before a byte is read; a
 * chunked body fails as soon as one byte more than the cap has arrived. Either way at
 * most cap + 1 bytes are ever read, and the failure is a {@link ProblemException} (413)
 * that surfaces through the message converter and is rendered like every other problem.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final Map<String, Long> maxBytesByPath;

	RequestBodyLimitFilter(long maxBytes, List<BodyLimit> limits) {
		this.maxBytes = maxBytes;
		this.maxBytesByPath = limits.stream()
			.collect(Collectors.toUnmodifiableMap(BodyLimit::path, BodyLimit::maxBytes));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Every body is capped; only bodiless requests pass untouched.
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new LimitedBodyRequest(request, maxBytesOf(request)), response);
	}

	/** The cap of the request's path. */
	private long maxBytesOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.maxBytesByPath.getOrDefault(path, this.maxBytes);
	}

	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private LimitedBodyInputStream body;

		LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedBodyInputStream(super.getInputStream(), getContentLengthLong(), this.maxBytes);
			}
			return this.body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedBodyInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long declaredLength;

		private final long maxBytes;

		private long count;

		LimitedBodyInputStream(ServletInputStream delegate, long declaredLength, long maxBytes) {
			this.delegate = delegate;
			this.declaredLength = declaredLength;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			checkDeclaredLength();
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			checkDeclaredLength();
			if (length == 0) {
				return 0;
			}
			// Never ask for more than one byte past the cap: that byte is the proof.
			int allowed = (int) Math.min(length, this.maxBytes + 1 - this.count);
			int read = this.delegate.read(buffer, offset, allowed);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void checkDeclaredLength() {
			if (this.declaredLength > this.maxBytes) {
				throw tooLarge();
			}
		}

		private void count(int read) {
			this.count += read;
			if (this.count > this.maxBytes) {
				throw tooLarge();
			}
		}

		private ProblemException tooLarge() {
			return new ProblemException(Problems.payloadTooLarge(this.maxBytes));
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
